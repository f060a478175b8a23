import { createHash } from 'node:crypto';
import { Args, Context, Query, Resolver } from '@nestjs/graphql';
import type { Caller } from '../auth/caller';
import { CurrentCaller } from '../auth/current-caller.decorator';
import { AuthorizationService } from '../authorization/authorization.service';
import { Authorized } from '../authorization/resolver-policy';
import { InvalidInputError, NotFoundError } from '../errors/domain-error';
import { connectionCost, COST } from '../graphql/query-cost';
import type { ChainVerification } from './audit-checkpoint-verification';
import { AuditEntry } from './audit-entry.entity';
import { canonicalJson, chainOf } from './audit-hash';
import { keptCheckpoints } from './audit-kept-checkpoints';
import { AuditTrail, type AuditScope } from './audit-trail.service';
import {
  AuditCheckpointsArgs,
  AuditCheckpointsType,
  AuditEntriesArgs,
  AuditEntryConnection,
  AuditProblemKindEnum,
  AuditVerificationType,
  VerifyAuditChainArgs,
} from './dto/audit.types';

/** Members read the trail of their own consortia, platform admins all; anyone signed in may verify it. */
@Resolver(() => AuditEntry)
export class AuditResolver {
  constructor(
    private readonly trail: AuditTrail,
    private readonly authorization: AuthorizationService,
  ) {}

  @Authorized({ by: 'caller', check: 'consortiumMember' })
  @Query(() => AuditEntryConnection, {
    description: 'Audit entries, newest first.',
    complexity: connectionCost,
  })
  async auditEntries(
    @CurrentCaller() caller: Caller,
    @Args() args: AuditEntriesArgs,
  ): Promise<AuditEntryConnection> {
    const scope: AuditScope = caller.platformAdmin
      ? 'all'
      : { consortiumIds: await this.authorization.activeConsortiumIds(caller) };
    if (args.consortiumId && scope !== 'all' && !scope.consortiumIds.includes(args.consortiumId)) {
      throw new NotFoundError('Consortium', args.consortiumId);
    }
    const { consortiumId, action, subjectType, subjectId, actorUserId, first, after } = args;
    return this.trail.list(
      scope,
      { consortiumId, action, subjectType, subjectId, actorUserId },
      { first, after },
    );
  }

  @Authorized({ by: 'caller', check: 'consortiumMember' })
  @Query(() => AuditCheckpointsType, {
    description: 'The signed checkpoints of a consortium’s chain and the public keys that verify them.',
    complexity: ({ args }: { args: { first?: number } }) =>
      1 + Math.min(Math.max(args.first ?? 100, 1), 1_000),
  })
  async auditCheckpoints(
    @CurrentCaller() caller: Caller,
    @Args() args: AuditCheckpointsArgs,
  ): Promise<AuditCheckpointsType> {
    const chain = await this.chainFor(caller, args.consortiumId);
    const [length, latest, checkpoints] = [
      await this.trail.length(chain),
      await this.trail.latestCheckpoint(chain),
      await this.trail.checkpoints(chain, args.afterSeq, args.first),
    ];
    return {
      chain,
      consortiumId: args.consortiumId ?? null,
      length,
      latest,
      checkpoints,
      publicKeys: this.trail.publicKeys(),
    };
  }

  @Authorized({ by: 'caller', check: 'consortiumMember' })
  @Query(() => AuditVerificationType, {
    description:
      'Checks a chain’s hashes against its signed checkpoints (and the ones you kept) and names the first entry that was edited, deleted, reordered, forged or cut off.',
    // A walk over a chain (from the last intact checkpoint, or all of it with `full`); aliases of the
    // same verification are answered once per request.
    complexity: ({ args }: { args: { full?: boolean } }) =>
      args.full ? COST.fullVerification : COST.verification,
  })
  async verifyAuditChain(
    @CurrentCaller() caller: Caller,
    @Args() args: VerifyAuditChainArgs,
    @Context() context: object,
  ): Promise<AuditVerificationType> {
    const chain = await this.chainFor(caller, args.consortiumId);
    if (args.full && !caller.platformAdmin) {
      throw new InvalidInputError(
        'Only platform administrators can ask for a full verification; leave out `full` to verify from the last verified checkpoint, or pass the checkpoints you kept.',
      );
    }
    const kept = keptCheckpoints(args.checkpoints, chain);
    const key = `${chain}|${args.full}|${kept.length ? createHash('sha256').update(canonicalJson(kept)).digest('hex') : ''}`;
    const memo = requestMemo(context);
    let pending = memo.get(key);
    if (!pending) {
      pending = this.trail.verify(chain, { full: args.full, kept });
      memo.set(key, pending);
    }
    return verificationType(await pending);
  }

  /** The chain a caller may read: a consortium they are an active member of, or any for admins. */
  private async chainFor(caller: Caller, consortiumId: string | undefined): Promise<string> {
    if (caller.platformAdmin) return chainOf(consortiumId?.toLowerCase() ?? null);
    if (!consortiumId) {
      throw new InvalidInputError('Name the consortium whose audit trail to read (consortiumId).');
    }
    const ids = await this.authorization.activeConsortiumIds(caller);
    const id = consortiumId.toLowerCase();
    if (!ids.includes(id)) throw new NotFoundError('Consortium', consortiumId);
    return id;
  }
}

const memos = new WeakMap<object, Map<string, Promise<ChainVerification>>>();

/** Verifications asked in one request (aliases, repeated fields) run once. */
function requestMemo(context: object): Map<string, Promise<ChainVerification>> {
  let memo = memos.get(context);
  if (!memo) {
    memo = new Map();
    memos.set(context, memo);
  }
  return memo;
}

function verificationType(result: ChainVerification): AuditVerificationType {
  return {
    valid: result.valid,
    chain: result.chain,
    checkedEntries: result.checkedEntries,
    headSeq: result.headSeq,
    incremental: result.incremental,
    checkpointSeq: result.anchor?.seq ?? null,
    firstProblem: result.firstProblem
      ? { ...result.firstProblem, kind: result.firstProblem.kind as AuditProblemKindEnum }
      : undefined,
  };
}
