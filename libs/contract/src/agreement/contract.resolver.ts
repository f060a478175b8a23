import {
  Args,
  Context,
  Int,
  Mutation,
  ObjectType,
  Parent,
  Query,
  ResolveField,
  Resolver,
} from '@nestjs/graphql';
import {
  Authorized,
  Connection,
  connectionCost,
  CurrentCaller,
  JSONScalar,
  UUIDScalar,
  type Caller,
  type RequestLoaders,
} from '@tetrad/core';
import { ORGANIZATION_BY_ID } from '@tetrad/organization';
import { ContractDraftingService } from './drafting/contract-drafting.service';
import {
  CONTRACT_EARLIEST_UNMET_DUE,
  CONTRACT_OBLIGATIONS,
  CONTRACT_SIGNATURES,
  REQUEST_MATCHER_OVERRIDES,
} from './contract.loaders';
import { ContractStatus } from '../contract-enums';
import { ContractLifecycleService } from './signing/contract-lifecycle.service';
import { ContractNextActionsService } from './contract-next-actions.service';
import { ContractPeopleService, withParties, withParty } from './contract-people.service';
import { ContractQueryService } from './contract-query.service';
import {
  ContractObligation,
  ContractSignature,
  ContractVersion,
  DataSharingContract,
} from './contract.entity';
import { DataAccessService } from '../enforcement/data-access.service';
import {
  AccessDatasetArgs,
  AgreeContractArgs,
  CompareContractVersionsArgs,
  ContractDocumentArgs,
  ContractExportArgs,
  ContractReasonArgs,
  DataSharingContractsArgs,
  FulfilObligationArgs,
  SignContractArgs,
} from './dto/contract.inputs';
import {
  ContractComparison,
  ContractNextActionType,
  ContractPartyType,
  ContractPersonType,
  DatasetAccessGrant,
  MatcherOverrideType,
} from './dto/contract.types';

@ObjectType()
export class DataSharingContractConnection extends Connection(DataSharingContract) {}

@Resolver(() => DataSharingContract)
export class ContractResolver {
  constructor(
    private readonly drafting: ContractDraftingService,
    private readonly lifecycle: ContractLifecycleService,
    private readonly query: ContractQueryService,
    private readonly next: ContractNextActionsService,
  ) {}

  @Authorized({ by: 'ability', subject: 'DataSharingContract', action: 'read' })
  @Query(() => DataSharingContract)
  dataSharingContract(
    @CurrentCaller() caller: Caller,
    @Args('id', { type: () => UUIDScalar }) id: string,
  ): Promise<DataSharingContract> {
    return this.drafting.readable(caller, id);
  }

  @Authorized({ by: 'ability', subject: 'DataSharingContract', action: 'read' })
  @Query(() => DataSharingContractConnection, {
    description: 'Contracts your organisation is a party to.',
    complexity: connectionCost,
  })
  dataSharingContracts(
    @CurrentCaller() caller: Caller,
    @Args() args: DataSharingContractsArgs,
  ): Promise<DataSharingContractConnection> {
    return this.query.list(caller, args);
  }

  @Authorized({ by: 'ability', subject: 'DataSharingContract', action: 'read' })
  @Query(() => ContractComparison, {
    description: 'The clause diff and the permission diff of two versions.',
  })
  compareContractVersions(
    @CurrentCaller() caller: Caller,
    @Args() args: CompareContractVersionsArgs,
  ): Promise<ContractComparison> {
    return this.drafting.compare(caller, args.contractId, args.fromVersion, args.toVersion);
  }

  @Authorized({ by: 'ability', subject: 'DataSharingContract', action: 'read' })
  @Query(() => JSONScalar, { description: 'The contract as an ODRL 2.2 Agreement (JSON-LD).' })
  contractOdrl(
    @CurrentCaller() caller: Caller,
    @Args() args: ContractExportArgs,
  ): Promise<Record<string, unknown>> {
    return this.query.odrl(caller, args.contractId, args.version);
  }

  @Authorized({ by: 'ability', subject: 'DataSharingContract', action: 'read' })
  @Query(() => String, {
    description:
      'The contract as a readable Markdown document, with its hash and signatures: in its governing language, or in `language` as a convenience translation marked as such.',
  })
  contractDocument(@CurrentCaller() caller: Caller, @Args() args: ContractDocumentArgs): Promise<string> {
    return this.query.document(caller, args.contractId, args.version, args.language);
  }

  @Authorized({ by: 'ability', subject: 'DataSharingContract', action: 'agree' })
  @Mutation(() => DataSharingContract, {
    description: 'Freeze the latest version and its SHA-256 for signing.',
  })
  agreeContract(
    @CurrentCaller() caller: Caller,
    @Args() args: AgreeContractArgs,
  ): Promise<DataSharingContract> {
    return this.drafting.agree(caller, args.contractId, args.version);
  }

  @Authorized({ by: 'ability', subject: 'DataSharingContract', action: 'draft' })
  @Mutation(() => ContractVersion, {
    description: 'Back to negotiation before every party has signed: a new version; signatures are voided.',
  })
  reopenContractNegotiation(
    @CurrentCaller() caller: Caller,
    @Args() args: ContractReasonArgs,
  ): Promise<ContractVersion> {
    return this.drafting.reopen(caller, args.contractId, args.reason);
  }

  @Authorized({ by: 'ability', subject: 'DataSharingContract', action: 'sign' })
  @Mutation(() => DataSharingContract, {
    description: "A party's SIGNATORY signs the agreed version's hash.",
  })
  signContract(
    @CurrentCaller() caller: Caller,
    @Args() args: SignContractArgs,
  ): Promise<DataSharingContract> {
    return this.lifecycle.sign(caller, args.contractId, args.hash);
  }

  @Authorized({ by: 'ability', subject: 'DataSharingContract', action: 'suspend' })
  @Mutation(() => DataSharingContract, {
    description: 'A provider suspends an active contract, with a reason.',
  })
  suspendContract(
    @CurrentCaller() caller: Caller,
    @Args() args: ContractReasonArgs,
  ): Promise<DataSharingContract> {
    return this.lifecycle.suspend(caller, args.contractId, args.reason);
  }

  @Authorized({ by: 'ability', subject: 'DataSharingContract', action: 'suspend' })
  @Mutation(() => DataSharingContract, { description: 'A provider lifts its suspension.' })
  resumeContract(
    @CurrentCaller() caller: Caller,
    @Args() args: ContractReasonArgs,
  ): Promise<DataSharingContract> {
    return this.lifecycle.resume(caller, args.contractId, args.reason);
  }

  @Authorized({ by: 'ability', subject: 'DataSharingContract', action: 'terminate' })
  @Mutation(() => DataSharingContract, {
    description: 'A provider ends the contract for good, with a reason.',
  })
  terminateContract(
    @CurrentCaller() caller: Caller,
    @Args() args: ContractReasonArgs,
  ): Promise<DataSharingContract> {
    return this.lifecycle.terminate(caller, args.contractId, args.reason);
  }

  @Authorized({ by: 'parent' })
  @ResolveField(() => ContractStatus, { description: 'The state as of now.' })
  async status(
    @Parent() contract: DataSharingContract,
    @Context('loaders') loaders: RequestLoaders,
  ): Promise<ContractStatus> {
    return this.query.statusAt(contract, await loaders.get(CONTRACT_EARLIEST_UNMET_DUE).load(contract.id));
  }

  @Authorized({ by: 'parent' })
  @ResolveField(() => String, { nullable: true, description: 'Why it is suspended or terminated.' })
  async statusReason(
    @Parent() contract: DataSharingContract,
    @Context('loaders') loaders: RequestLoaders,
  ): Promise<string | null> {
    return this.query.statusReasonAt(
      contract,
      await loaders.get(CONTRACT_EARLIEST_UNMET_DUE).load(contract.id),
    );
  }

  @Authorized({ by: 'parent' })
  @ResolveField(() => [ContractPartyType])
  async parties(
    @Parent() contract: DataSharingContract,
    @Context('loaders') loaders: RequestLoaders,
  ): Promise<ContractPartyType[]> {
    const [organizations, signatures] = await Promise.all([
      loaders.get(ORGANIZATION_BY_ID).loadMany(contract.partyOrganizationIds),
      loaders.get(CONTRACT_SIGNATURES).load(contract.id),
    ]);
    const names = new Map(
      organizations.flatMap((organization) =>
        organization && !(organization instanceof Error)
          ? [[organization.id, organization.name] as const]
          : [],
      ),
    );
    return this.query.partiesOf(contract, names, signatures);
  }

  @Authorized({ by: 'caller', check: 'party' })
  @ResolveField(() => [ContractNextActionType], {
    description:
      'Who must act next, and what: each party with the roles that may act and (for the parties) the people holding them.',
  })
  nextActions(
    @CurrentCaller() caller: Caller,
    @Parent() contract: DataSharingContract,
    @Context('loaders') loaders: RequestLoaders,
  ): Promise<ContractNextActionType[]> {
    return this.next.of(caller, contract, loaders);
  }

  @Authorized({ by: 'ability', subject: 'DataSharingContract', action: 'read' })
  @ResolveField(() => [ContractVersion], { description: 'Every version, newest first.' })
  versions(
    @CurrentCaller() caller: Caller,
    @Parent() contract: DataSharingContract,
  ): Promise<ContractVersion[]> {
    return this.query
      .versionsOf(caller, contract.id)
      .then((versions) => withParties(versions, contract.partyOrganizationIds));
  }

  @Authorized({ by: 'parent' })
  @ResolveField(() => ContractVersion, { description: 'A version by number (default: the latest).' })
  version(
    @Parent() contract: DataSharingContract,
    @Args('number', { type: () => Int, nullable: true }) number?: number,
  ): Promise<ContractVersion> {
    return this.drafting
      .version(contract, number ?? contract.currentVersion)
      .then((version) => withParty(version, contract.partyOrganizationIds));
  }

  @Authorized({ by: 'parent' })
  @ResolveField(() => [ContractSignature], { description: 'Every signature, voided ones included.' })
  signatures(
    @Parent() contract: DataSharingContract,
    @Context('loaders') loaders: RequestLoaders,
  ): Promise<ContractSignature[]> {
    return loaders
      .get(CONTRACT_SIGNATURES)
      .load(contract.id)
      .then((signatures) => withParties(signatures, contract.partyOrganizationIds));
  }

  @Authorized({ by: 'parent' })
  @ResolveField(() => [MatcherOverrideType], {
    description:
      "Datasets of the request it was drafted from that a steward approved although the purpose matcher advised DENY or ABSTAIN, with the steward's reason.",
  })
  async matcherOverrides(
    @Parent() contract: DataSharingContract,
    @Context('loaders') loaders: RequestLoaders,
  ): Promise<MatcherOverrideType[]> {
    if (!contract.accessRequestId) return [];
    return loaders.get(REQUEST_MATCHER_OVERRIDES).load(contract.accessRequestId);
  }

  @Authorized({ by: 'parent' })
  @ResolveField(() => [ContractObligation])
  obligations(
    @Parent() contract: DataSharingContract,
    @Context('loaders') loaders: RequestLoaders,
  ): Promise<ContractObligation[]> {
    return loaders.get(CONTRACT_OBLIGATIONS).load(contract.id);
  }
}

@Resolver(() => ContractVersion)
export class ContractVersionResolver {
  constructor(private readonly people: ContractPeopleService) {}

  @Authorized({ by: 'caller', check: 'party' })
  @ResolveField(() => ContractPersonType, {
    nullable: true,
    description: "Who wrote this version; shown to the contract's parties only (null for anyone else).",
  })
  author(
    @CurrentCaller() caller: Caller,
    @Parent() version: ContractVersion,
    @Context('loaders') loaders: RequestLoaders,
  ): Promise<ContractPersonType | null> {
    return this.people.person(caller, version, version.authorUserId, loaders);
  }
}

@Resolver(() => ContractSignature)
export class ContractSignatureResolver {
  constructor(private readonly people: ContractPeopleService) {}

  @Authorized({ by: 'caller', check: 'party' })
  @ResolveField(() => ContractPersonType, {
    nullable: true,
    description: "Who signed for the party; shown to the contract's parties only (null for anyone else).",
  })
  signedBy(
    @CurrentCaller() caller: Caller,
    @Parent() signature: ContractSignature,
    @Context('loaders') loaders: RequestLoaders,
  ): Promise<ContractPersonType | null> {
    return this.people.person(caller, signature, signature.userId, loaders);
  }
}

@Resolver(() => ContractObligation)
export class ContractObligationResolver {
  constructor(private readonly lifecycle: ContractLifecycleService) {}

  @Authorized({ by: 'ability', subject: 'DataSharingContract', action: 'fulfil' })
  @Mutation(() => ContractObligation, {
    description: "The recipient's admin or legal user records a duty as met.",
  })
  fulfilObligation(
    @CurrentCaller() caller: Caller,
    @Args() args: FulfilObligationArgs,
  ): Promise<ContractObligation> {
    return this.lifecycle.fulfil(caller, args.obligationId, args.evidence);
  }

  @Authorized({ by: 'parent' })
  @ResolveField(() => Boolean, { description: 'Unmet past its due date: the grant is suspended until met.' })
  overdue(@Parent() obligation: ContractObligation): boolean {
    return !obligation.metAt && obligation.dueAt !== null && obligation.dueAt.getTime() <= Date.now();
  }
}

@Resolver(() => DatasetAccessGrant)
export class DataAccessResolver {
  constructor(private readonly access: DataAccessService) {}

  @Authorized({ by: 'ability', subject: 'DatasetAccess', action: 'access' })
  @Mutation(() => DatasetAccessGrant, {
    description:
      "Read a dataset's storage location and manifest under a live contract, for a purpose it permits. Recorded in the audit trail, granted or refused.",
  })
  accessDataset(
    @CurrentCaller() caller: Caller,
    @Args() args: AccessDatasetArgs,
  ): Promise<DatasetAccessGrant> {
    return this.access.access(caller, args.datasetId, args.purpose);
  }
}
