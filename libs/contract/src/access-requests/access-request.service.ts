import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { subject } from '@casl/ability';
import { DataSource, In } from 'typeorm';
import {
  accessibleBy,
  AuthorizationService,
  authorizedRecord,
  ConflictError,
  ForbiddenError,
  InvalidInputError,
  paginate,
  UnitOfWork,
  type Caller,
  type ConnectionShape,
  type Work,
} from '@tetrad/core';
import { DatasetService, matchPurpose, type Dataset } from '@tetrad/dataset';
import { AccessDecision, ContractLanguageCode, DataAccessRequestStatus } from '../contract-enums';
import { ContractDraftingService } from '../agreement/drafting/contract-drafting.service';
import { ACCESS_REQUEST_COLUMNS } from '../contract.rules';
import { DataAccessRequest, DataAccessRequestItem } from './data-access-request.entity';
import { overrideReasonProblem, overridesMatcher } from './matcher-override';
import type {
  DataAccessRequestsArgs,
  ReviewDataAccessRequestInput,
  SubmitDataAccessRequestInput,
} from './dto/access-request.inputs';

/** Owners have this long to decide; after it the request shows as overdue. */
export const REVIEW_DAYS = 10;
const OPEN = [DataAccessRequestStatus.SUBMITTED, DataAccessRequestStatus.UNDER_REVIEW];

/**
 * Data access requests: submitted by a member organisation for datasets of one consortium,
 * advised by the purpose matcher, decided per dataset by each owner's data steward. When every
 * dataset is decided and one at least is approved, the approval opens a contract draft in the
 * same transaction.
 */
@Injectable()
export class AccessRequestService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly authorization: AuthorizationService,
    private readonly datasets: DatasetService,
    private readonly drafting: ContractDraftingService,
    private readonly work: UnitOfWork,
  ) {}

  async submit(caller: Caller, input: SubmitDataAccessRequestInput): Promise<DataAccessRequest> {
    const datasets = await this.requestable(caller, input.datasetIds);
    const consortiumId = datasets[0]!.consortiumId;
    const providerOrganizationIds = [...new Set(datasets.map((dataset) => dataset.ownerOrganizationId))];
    const ability = await this.authorization.abilityFor(caller);
    const target = {
      id: '',
      consortiumId,
      requesterOrganizationId: caller.organizationId ?? '',
      providerOrganizationIds,
    };
    if (!ability.can('create', subject('DataAccessRequest', target))) {
      throw new ForbiddenError(
        "Only researchers, engineers or admins of an active member of the datasets' consortium may request access.",
      );
    }
    await this.assertNoOpenRequest(caller, input);
    return this.work.run(caller, async (work) => {
      const { manager } = work;
      const request = await manager.save(
        manager.create(DataAccessRequest, {
          ...input,
          consortiumId,
          providerOrganizationIds,
          requesterOrganizationId: caller.organizationId!,
          requesterUserId: caller.userId,
          reviewDueAt: new Date(Date.now() + REVIEW_DAYS * 86_400_000),
        }),
      );
      const items = datasets.map((dataset) => itemFor(request, dataset, input));
      await manager.save(DataAccessRequestItem, items);
      await work.record('DataAccessRequest', request, {
        action: 'dataAccessRequest.submit',
        after: { ...request, items },
      });
      return request;
    });
  }

  async review(caller: Caller, input: ReviewDataAccessRequestInput): Promise<DataAccessRequest> {
    const seen = await this.get(caller, input.requestId);
    const names = await this.drafting.namesFor(
      [...seen.providerOrganizationIds, seen.requesterOrganizationId],
      (await this.itemsOf([seen.id])).map((item) => item.datasetId),
    );
    const settings = {
      language: input.contractLanguage ?? ContractLanguageCode.ZH_CN,
      timeZone: await this.drafting.timeZoneOf(seen.consortiumId),
    };
    return this.work.run(caller, async (work) => {
      const { manager } = work;
      const request = await this.locked(work, input.requestId, 'review');
      const items = await manager.find(DataAccessRequestItem, { where: { requestId: request.id } });
      const before = {
        status: request.status,
        items: items.map(({ datasetId, decision }) => ({ datasetId, decision })),
      };
      applyDecisions(caller, items, input);
      await manager.save(items);
      decideRequest(request, items);
      if (request.status === DataAccessRequestStatus.APPROVED) {
        const approved = items.filter((item) => item.decision === AccessDecision.APPROVED);
        const contract = await this.drafting.openDraft(work, request, approved, names, settings);
        request.contractId = contract.id;
      }
      const saved = await manager.save(request);
      await work.record('DataAccessRequest', request, {
        action: 'dataAccessRequest.review',
        before,
        after: {
          status: saved.status,
          contractId: saved.contractId,
          decisions: input.decisions,
          matcherOverrides: overridesIn(items, input),
        },
      });
      return saved;
    });
  }

  withdraw(caller: Caller, id: string): Promise<DataAccessRequest> {
    return this.work.run(caller, async (work) => {
      const request = await this.locked(work, id, 'withdraw');
      const before = request.status;
      request.status = DataAccessRequestStatus.WITHDRAWN;
      request.decidedAt = new Date();
      const saved = await work.manager.save(request);
      // The id as asked for (its case may differ from request.id), as the entry has always named it.
      await work.record(
        'DataAccessRequest',
        { id, consortiumId: request.consortiumId },
        {
          action: 'dataAccessRequest.withdraw',
          before: { status: before },
          after: { status: saved.status },
        },
      );
      return saved;
    });
  }

  get(caller: Caller, id: string): Promise<DataAccessRequest> {
    return authorizedRecord(this.authorization, this.dataSource.manager, caller, {
      type: 'DataAccessRequest',
      entity: DataAccessRequest,
      id,
      action: 'read',
    });
  }

  /** Items of requests the caller has already been authorised to read. */
  async itemsOf(requestIds: readonly string[]): Promise<DataAccessRequestItem[]> {
    if (requestIds.length === 0) return [];
    return this.dataSource
      .getRepository(DataAccessRequestItem)
      .find({ where: { requestId: In([...requestIds]) }, order: { datasetId: 'ASC' } });
  }

  async list(caller: Caller, args: DataAccessRequestsArgs): Promise<ConnectionShape<DataAccessRequest>> {
    const ability = await this.authorization.abilityFor(caller);
    const scope = accessibleBy(ability, 'read', 'DataAccessRequest', ACCESS_REQUEST_COLUMNS);
    const query = this.dataSource
      .getRepository(DataAccessRequest)
      .createQueryBuilder('request')
      .where(scope.sql, scope.params);
    if (args.consortiumId)
      query.andWhere('request.consortium_id = :consortiumId', { consortiumId: args.consortiumId });
    if (args.status) query.andWhere('request.status = :status', { status: args.status });
    if (args.overdue !== undefined) {
      query.andWhere(`(request.status IN (:...open) AND request.review_due_at < now()) = :overdue`, {
        open: OPEN,
        overdue: args.overdue,
      });
    }
    if (args.mine) {
      if (!caller.organizationId) query.andWhere('FALSE');
      else query.andWhere('request.requester_organization_id = :mine', { mine: caller.organizationId });
    }
    if (args.awaitingMyReview) {
      if (!caller.organizationId) query.andWhere('FALSE');
      else
        query.andWhere(
          `request.status IN (:...open) AND EXISTS (SELECT 1 FROM data_access_request_item item
             WHERE item.request_id = request.id AND item.owner_organization_id = :reviewer AND item.decision = 'PENDING')`,
          { open: OPEN, reviewer: caller.organizationId },
        );
    }
    return paginate(query, args, {
      name: 'CREATED_DESC',
      column: 'request.created_at',
      direction: 'DESC',
      valueOf: (request) => request.createdAt.toISOString(),
    });
  }

  /** The datasets, each visible to the caller, of one consortium, none owned by the caller. */
  private async requestable(caller: Caller, ids: readonly string[]): Promise<Dataset[]> {
    const datasets: Dataset[] = [];
    for (const id of ids) datasets.push(await this.datasets.get(caller, id));
    const consortia = new Set(datasets.map((dataset) => dataset.consortiumId));
    if (consortia.size > 1) {
      throw new InvalidInputError('All datasets of one request must belong to the same consortium.', [
        { field: 'input.datasetIds', message: 'datasets of another consortium' },
      ]);
    }
    const own = datasets.find((dataset) => dataset.ownerOrganizationId === caller.organizationId);
    if (own) {
      throw new InvalidInputError(`Your organisation owns “${own.name}”: there is nothing to request.`, [
        { field: 'input.datasetIds', message: 'a dataset of your own organisation' },
      ]);
    }
    return datasets;
  }

  private async assertNoOpenRequest(caller: Caller, input: SubmitDataAccessRequestInput): Promise<void> {
    const open = await this.dataSource
      .getRepository(DataAccessRequest)
      .createQueryBuilder('request')
      .innerJoin(DataAccessRequestItem, 'item', 'item.request_id = request.id')
      .where('request.requester_organization_id = :organization', { organization: caller.organizationId })
      .andWhere('request.purpose = :purpose', { purpose: input.purpose })
      .andWhere('request.status IN (:...open)', { open: OPEN })
      .andWhere('item.dataset_id IN (:...ids)', { ids: input.datasetIds })
      .getOne();
    if (open) {
      throw new ConflictError(
        `Your organisation already has request ${open.id} for ${input.purpose} under review for one of these datasets; withdraw it or wait for its decision.`,
        { requestId: open.id },
      );
    }
  }

  private async locked(work: Work, id: string, action: 'review' | 'withdraw'): Promise<DataAccessRequest> {
    const request = await work.lock({ type: 'DataAccessRequest', entity: DataAccessRequest, id, action });
    if (!OPEN.includes(request.status)) {
      throw new ConflictError(
        `This request is ${request.status} already; it can no longer be ${action === 'review' ? 'reviewed' : 'withdrawn'}.`,
        {
          currentStatus: request.status,
        },
      );
    }
    return request;
  }
}

function itemFor(
  request: DataAccessRequest,
  dataset: Dataset,
  input: SubmitDataAccessRequestInput,
): DataAccessRequestItem {
  const match = matchPurpose({ purpose: input.purpose, durationDays: input.durationDays }, dataset);
  return Object.assign(new DataAccessRequestItem(), {
    requestId: request.id,
    datasetId: dataset.id,
    ownerOrganizationId: dataset.ownerOrganizationId,
    matchDecision: match.decision,
    matchRationale: match.rationale,
    matcherVersion: match.version,
    decision: AccessDecision.PENDING,
    reason: null,
    reviewedByUserId: null,
    reviewedAt: null,
    overrideReason: null,
    overriddenByUserId: null,
    overriddenAt: null,
  });
}

/** A steward decides only their own organisation's datasets, each once; rejection needs a reason. */
function applyDecisions(
  caller: Caller,
  items: DataAccessRequestItem[],
  input: ReviewDataAccessRequestInput,
): void {
  for (const [index, decision] of input.decisions.entries()) {
    const field = `input.decisions.${index}`;
    const item = items.find((candidate) => candidate.datasetId === decision.datasetId);
    if (!item)
      throw new InvalidInputError('That dataset is not part of this request.', [
        { field, message: 'not requested' },
      ]);
    if (item.ownerOrganizationId !== caller.organizationId) {
      throw new ForbiddenError("You decide only your own organisation's datasets.");
    }
    if (item.decision !== AccessDecision.PENDING) {
      throw new ConflictError('This dataset has been decided already.', { datasetId: item.datasetId });
    }
    if (!decision.approve && !decision.reason) {
      throw new InvalidInputError('Give the requester a reason for the rejection.', [
        { field: `${field}.reason`, message: 'required to reject' },
      ]);
    }
    const problem = overrideReasonProblem(item.matchDecision, decision.approve, decision.reason);
    if (problem) {
      throw new InvalidInputError(problem, [{ field: `${field}.reason`, message: problem }]);
    }
    const now = new Date();
    const override = overridesMatcher(item.matchDecision, decision.approve);
    Object.assign(item, {
      decision: decision.approve ? AccessDecision.APPROVED : AccessDecision.REJECTED,
      reason: decision.reason ?? null,
      reviewedByUserId: caller.userId,
      reviewedAt: now,
      overrideReason: override ? decision.reason!.trim() : null,
      overriddenByUserId: override ? caller.userId : null,
      overriddenAt: override ? now : null,
    });
  }
}

/** What the review's audit entry says of each override: the advice, its rationale and the reason. */
function overridesIn(items: readonly DataAccessRequestItem[], input: ReviewDataAccessRequestInput) {
  const decided = new Set(input.decisions.map((decision) => decision.datasetId));
  return items
    .filter((item) => decided.has(item.datasetId) && item.overrideReason !== null)
    .map((item) => ({
      datasetId: item.datasetId,
      matchDecision: item.matchDecision,
      matchRationale: item.matchRationale,
      matcherVersion: item.matcherVersion,
      reason: item.overrideReason,
    }));
}

function decideRequest(request: DataAccessRequest, items: DataAccessRequestItem[]): void {
  if (items.some((item) => item.decision === AccessDecision.PENDING)) {
    request.status = DataAccessRequestStatus.UNDER_REVIEW;
    return;
  }
  const anyApproved = items.some((item) => item.decision === AccessDecision.APPROVED);
  request.status = anyApproved ? DataAccessRequestStatus.APPROVED : DataAccessRequestStatus.REJECTED;
  request.decidedAt = new Date();
}
