import {
  Args,
  Context,
  Field,
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
  UUIDScalar,
  type Caller,
  type RequestLoaders,
} from '@tetrad/core';
import { Dataset, DatasetService, matchPurpose } from '@tetrad/dataset';
import { AccessRequestService } from './access-request.service';
import { DataAccessRequestStatus } from '../contract-enums';
import { ContractPeopleService, withParties } from '../agreement/contract-people.service';
import { ACCESS_REQUEST_ITEMS } from '../agreement/contract.loaders';
import { DataAccessRequest, DataAccessRequestItem } from './data-access-request.entity';
import {
  DataAccessRequestsArgs,
  ReviewDataAccessRequestInput,
  SubmitDataAccessRequestInput,
} from './dto/access-request.inputs';
import { PurposeMatchArgs } from '../agreement/dto/contract.inputs';
import { ContractPersonType } from '../agreement/dto/contract.types';

@ObjectType()
export class DataAccessRequestConnection extends Connection(DataAccessRequest) {}

@ObjectType('PurposeMatch', { description: "The purpose matcher's advice; the owner's steward decides." })
export class PurposeMatchResult {
  @Field(() => UUIDScalar)
  datasetId!: string;

  @Field({ description: 'APPROVE, DENY or ABSTAIN.' })
  decision!: string;

  @Field(() => [String])
  rationale!: string[];

  @Field({ description: 'The matcher version that produced it, e.g. purpose-match/1.' })
  version!: string;
}

@Resolver(() => DataAccessRequest)
export class AccessRequestResolver {
  constructor(
    private readonly requests: AccessRequestService,
    private readonly datasets: DatasetService,
  ) {}

  @Authorized({ by: 'ability', subject: 'DataAccessRequest', action: 'read' })
  @Query(() => DataAccessRequest)
  dataAccessRequest(
    @CurrentCaller() caller: Caller,
    @Args('id', { type: () => UUIDScalar }) id: string,
  ): Promise<DataAccessRequest> {
    return this.requests.get(caller, id);
  }

  @Authorized({ by: 'ability', subject: 'DataAccessRequest', action: 'read' })
  @Query(() => DataAccessRequestConnection, {
    description: 'Requests your organisation made or must review.',
    complexity: connectionCost,
  })
  dataAccessRequests(
    @CurrentCaller() caller: Caller,
    @Args() args: DataAccessRequestsArgs,
  ): Promise<DataAccessRequestConnection> {
    return this.requests.list(caller, args);
  }

  @Authorized({ by: 'ability', subject: 'Dataset', action: 'read' })
  @Query(() => [PurposeMatchResult], {
    description: 'What the purpose matcher would advise, before submitting (datasets you can see).',
  })
  async purposeMatch(
    @CurrentCaller() caller: Caller,
    @Args() args: PurposeMatchArgs,
  ): Promise<PurposeMatchResult[]> {
    const results: PurposeMatchResult[] = [];
    for (const id of args.datasetIds) {
      const dataset = await this.datasets.get(caller, id);
      results.push({ datasetId: id, ...matchPurpose(args, dataset) });
    }
    return results;
  }

  @Authorized({ by: 'ability', subject: 'DataAccessRequest', action: 'create' })
  @Mutation(() => DataAccessRequest, {
    description: 'Ask to use datasets of your consortium for one purpose; the owners review.',
  })
  submitDataAccessRequest(
    @CurrentCaller() caller: Caller,
    @Args('input') input: SubmitDataAccessRequestInput,
  ): Promise<DataAccessRequest> {
    return this.requests.submit(caller, input);
  }

  @Authorized({ by: 'ability', subject: 'DataAccessRequest', action: 'review' })
  @Mutation(() => DataAccessRequest, {
    description:
      "An owner's data steward approves or rejects (with a reason) its datasets; the last decision approves (opening a contract draft) or rejects the request.",
  })
  reviewDataAccessRequest(
    @CurrentCaller() caller: Caller,
    @Args('input') input: ReviewDataAccessRequestInput,
  ): Promise<DataAccessRequest> {
    return this.requests.review(caller, input);
  }

  @Authorized({ by: 'ability', subject: 'DataAccessRequest', action: 'withdraw' })
  @Mutation(() => DataAccessRequest, { description: 'The requester withdraws an undecided request.' })
  withdrawDataAccessRequest(
    @CurrentCaller() caller: Caller,
    @Args('id', { type: () => UUIDScalar }) id: string,
  ): Promise<DataAccessRequest> {
    return this.requests.withdraw(caller, id);
  }

  @Authorized({ by: 'parent' })
  @ResolveField(() => [DataAccessRequestItem], { description: 'Each dataset with its advice and decision.' })
  items(
    @Parent() request: DataAccessRequest,
    @Context('loaders') loaders: RequestLoaders,
  ): Promise<DataAccessRequestItem[]> {
    return loaders
      .get(ACCESS_REQUEST_ITEMS)
      .load(request.id)
      .then((items) =>
        withParties(items, [request.requesterOrganizationId, ...request.providerOrganizationIds]),
      );
  }

  @Authorized({ by: 'parent' })
  @ResolveField(() => Boolean, { description: 'Undecided past its review due date.' })
  overdue(@Parent() request: DataAccessRequest): boolean {
    const open =
      request.status === DataAccessRequestStatus.SUBMITTED ||
      request.status === DataAccessRequestStatus.UNDER_REVIEW;
    return open && request.reviewDueAt.getTime() < Date.now();
  }
}

@Resolver(() => DataAccessRequestItem)
export class AccessRequestItemResolver {
  constructor(
    private readonly datasets: DatasetService,
    private readonly people: ContractPeopleService,
  ) {}

  @Authorized({ by: 'caller', check: 'party' })
  @ResolveField(() => ContractPersonType, {
    nullable: true,
    description:
      "The steward who decided on this dataset; shown to the requester's and the providers' people only (null for anyone else).",
  })
  decidedBy(
    @CurrentCaller() caller: Caller,
    @Parent() item: DataAccessRequestItem,
    @Context('loaders') loaders: RequestLoaders,
  ): Promise<ContractPersonType | null> {
    return this.people.person(caller, item, item.reviewedByUserId, loaders);
  }

  @Authorized({ by: 'ability', subject: 'Dataset', action: 'read' })
  @ResolveField(() => Dataset, { nullable: true, description: 'Null if you can no longer see it.' })
  dataset(@CurrentCaller() caller: Caller, @Parent() item: DataAccessRequestItem): Promise<Dataset | null> {
    return this.datasets.readable(caller, item.datasetId);
  }

  @Authorized({ by: 'parent' })
  @ResolveField(() => PurposeMatchResult, { description: "The purpose matcher's advice, as stored." })
  purposeMatch(@Parent() item: DataAccessRequestItem): PurposeMatchResult {
    return {
      datasetId: item.datasetId,
      decision: item.matchDecision,
      rationale: item.matchRationale,
      version: item.matcherVersion,
    };
  }
}
