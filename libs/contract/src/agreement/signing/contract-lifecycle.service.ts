import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import { ConflictError, NotFoundError, throughParent, UnitOfWork, type Caller } from '@tetrad/core';
import { ContractDraftingService } from '../drafting/contract-drafting.service';
import { ContractDuty, ContractStatus } from '../../contract-enums';
import { effectiveStatus, obligationDueAt, obligationDueFrom } from '../contract-status';
import {
  ContractObligation,
  ContractSignature,
  ContractVersion,
  DataSharingContract,
} from '../contract.entity';

/**
 * After agreement: each party's SIGNATORY signs the agreed hash; the last signature (with the
 * start date come) makes the contract ACTIVE and turns its duties into obligations. Providers
 * suspend, resume or terminate with a reason; the recipient meets its obligations.
 */
@Injectable()
export class ContractLifecycleService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly drafting: ContractDraftingService,
    private readonly work: UnitOfWork,
  ) {}

  sign(caller: Caller, contractId: string, hash: string): Promise<DataSharingContract> {
    return this.work.run(caller, async (work) => {
      const { manager } = work;
      const contract = await this.drafting.locked(work, contractId, 'sign');
      if (contract.storedStatus !== ContractStatus.AGREED || contract.fullySignedAt) {
        throw new ConflictError(
          contract.fullySignedAt
            ? 'Every party has signed this contract already.'
            : `This contract is ${contract.storedStatus}: only an agreed version can be signed.`,
          { currentStatus: contract.storedStatus },
        );
      }
      if (hash.toLowerCase() !== contract.agreedHash) {
        throw new ConflictError(
          `You signed a hash that is not the agreed version's (${contract.agreedHash}). Reload the contract, read the agreed version and sign its hash.`,
          { agreedHash: contract.agreedHash, agreedVersion: contract.agreedVersion },
        );
      }
      const live = await manager.find(ContractSignature, { where: { contractId, voidedAt: IsNull() } });
      if (live.some((signature) => signature.organizationId === caller.organizationId)) {
        throw new ConflictError('Your organisation has signed this version already.');
      }
      await manager.insert(ContractSignature, {
        contractId,
        version: contract.agreedVersion!,
        organizationId: caller.organizationId!,
        userId: caller.userId,
        hash: contract.agreedHash,
      });
      const signed = new Set([...live.map((signature) => signature.organizationId), caller.organizationId!]);
      const complete = contract.partyOrganizationIds.every((party) => signed.has(party));
      if (complete) await this.activate(manager, contract);
      const saved = await manager.save(contract);
      await work.record('DataSharingContract', contract, {
        action: 'contract.sign',
        after: {
          version: contract.agreedVersion,
          hash: contract.agreedHash,
          fullySigned: complete,
          status: saved.storedStatus,
        },
      });
      return saved;
    });
  }

  async suspend(caller: Caller, contractId: string, reason: string): Promise<DataSharingContract> {
    return this.move(caller, contractId, 'suspend', reason, (contract, now) => {
      const current = effectiveStatus({ ...this.clock(contract), earliestUnmetDueAt: null }, now);
      if (current !== ContractStatus.ACTIVE) throw notAllowed('suspended', current);
      return ContractStatus.SUSPENDED;
    });
  }

  async resume(caller: Caller, contractId: string, reason: string): Promise<DataSharingContract> {
    return this.move(caller, contractId, 'suspend', reason, (contract, now) => {
      const current = effectiveStatus({ ...this.clock(contract), earliestUnmetDueAt: null }, now);
      if (current !== ContractStatus.SUSPENDED) throw notAllowed('resumed', current);
      return ContractStatus.ACTIVE;
    });
  }

  async terminate(caller: Caller, contractId: string, reason: string): Promise<DataSharingContract> {
    return this.move(caller, contractId, 'terminate', reason, (contract, now) => {
      const current = effectiveStatus({ ...this.clock(contract), earliestUnmetDueAt: null }, now);
      if (current === ContractStatus.TERMINATED || current === ContractStatus.EXPIRED) {
        throw notAllowed('terminated', current);
      }
      return ContractStatus.TERMINATED;
    });
  }

  async fulfil(caller: Caller, obligationId: string, evidence: string): Promise<ContractObligation> {
    const found = await this.dataSource.getRepository(ContractObligation).findOneBy({ id: obligationId });
    if (!found) throw new NotFoundError('ContractObligation', obligationId);
    await throughParent('ContractObligation', obligationId, () =>
      this.drafting.readable(caller, found.contractId),
    );
    return this.work.run(caller, async (work) => {
      const { manager } = work;
      const contract = await this.drafting.locked(work, found.contractId, 'fulfil');
      const obligation = await manager.findOneByOrFail(ContractObligation, { id: obligationId });
      if (obligation.metAt) throw new ConflictError('This obligation has been met already.');
      Object.assign(obligation, { metAt: new Date(), metByUserId: caller.userId, evidence });
      const saved = await manager.save(obligation);
      await work.record('DataSharingContract', contract, {
        action: 'contract.obligation.fulfil',
        after: {
          obligationId,
          duty: obligation.duty,
          dueAt: obligation.dueAt,
          evidence,
        },
      });
      return saved;
    });
  }

  private async move(
    caller: Caller,
    contractId: string,
    action: 'suspend' | 'terminate',
    reason: string,
    next: (contract: DataSharingContract, now: Date) => ContractStatus,
  ): Promise<DataSharingContract> {
    await this.drafting.readable(caller, contractId);
    return this.work.run(caller, async (work) => {
      const contract = await this.drafting.locked(work, contractId, action);
      const before = contract.storedStatus;
      contract.storedStatus = next(contract, new Date());
      contract.statusReason = reason;
      const saved = await work.manager.save(contract);
      await work.record('DataSharingContract', contract, {
        action: `contract.${saved.storedStatus.toLowerCase()}`,
        before: { status: before },
        after: {
          status: saved.storedStatus,
          reason,
        },
      });
      return saved;
    });
  }

  /** Every party signed: obligations from the agreed duties; ACTIVE at once if the start date has come. */
  private async activate(manager: EntityManager, contract: DataSharingContract): Promise<void> {
    const now = new Date();
    contract.fullySignedAt = now;
    if (contract.startsAt && contract.startsAt <= now) contract.storedStatus = ContractStatus.ACTIVE;
    const agreed = await manager.findOneByOrFail(ContractVersion, {
      contractId: contract.id,
      number: contract.agreedVersion!,
    });
    const obligations = agreed.terms.duties.map((duty) => ({
      contractId: contract.id,
      duty: duty.duty as ContractDuty,
      dueAt:
        contract.startsAt && contract.endsAt
          ? obligationDueFrom(duty, { startsAt: contract.startsAt, endsAt: contract.endsAt })
          : obligationDueAt(duty, agreed.terms),
    }));
    if (obligations.length > 0) await manager.insert(ContractObligation, obligations);
  }

  private clock(contract: DataSharingContract) {
    return {
      stored: contract.storedStatus,
      fullySignedAt: contract.fullySignedAt,
      startsAt: contract.startsAt,
      endsAt: contract.endsAt,
    };
  }
}

function notAllowed(verb: string, current: ContractStatus): ConflictError {
  return new ConflictError(`This contract is ${current}: it cannot be ${verb}.`, { currentStatus: current });
}
