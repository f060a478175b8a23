import { createHash } from 'node:crypto';
import {
  ArgsType,
  Context,
  Field,
  Int,
  ObjectType,
  Query,
  Resolver,
  registerEnumType,
} from '@nestjs/graphql';
import { Args } from '@nestjs/graphql';
import {
  IsBoolean,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import type { Caller } from '../auth/caller';
import { CurrentCaller } from '../auth/current-caller.decorator';
import { AuthorizationService } from '../authorization/authorization.service';
import { InvalidInputError, NotFoundError } from '../errors/domain-error';
import { connectionCost } from '../graphql/query-cost';
import { DateTimeScalar, JSONScalar, UUIDScalar } from '../graphql/scalars';
import { Connection } from '../pagination/connection.type';
import { PageArgs } from '../pagination/page-args';
import { AuditEntry } from './audit-entry.entity';
import type { ChainVerification } from './audit-chain';
import { canonicalJson, chainOf } from './audit-hash';
import type { AuditCheckpoint } from './audit-signing';
import { AuditTrail, type AuditScope } from './audit-trail.service';

@ObjectType()
export class AuditEntryConnection extends Connection(AuditEntry) {}

export enum AuditProblemKindEnum {
  EDITED = 'EDITED',
  DELETED = 'DELETED',
  REORDERED = 'REORDERED',
  FORGED = 'FORGED',
  TRUNCATED = 'TRUNCATED',
  UNKNOWN_KEY = 'UNKNOWN_KEY',
  BAD_SIGNATURE = 'BAD_SIGNATURE',
}

registerEnumType(AuditProblemKindEnum, { name: 'AuditProblemKind' });

@ObjectType('AuditProblem')
export class AuditProblemType {
  @Field({ description: 'Position in its chain of the first entry that disagrees.' })
  seq!: string;

  @Field(() => UUIDScalar, { nullable: true, description: 'Null when the entry no longer exists.' })
  id!: string | null;

  @Field(() => AuditProblemKindEnum)
  kind!: AuditProblemKindEnum;

  @Field()
  message!: string;
}

@ObjectType('AuditVerification', {
  description: 'The result of checking one chain’s hashes against its signed checkpoints.',
})
export class AuditVerificationType {
  @Field()
  valid!: boolean;

  @Field({ description: 'The chain checked: its consortium’s id, or `platform`.' })
  chain!: string;

  @Field(() => Int, { description: 'Entries of this chain read by this verification.' })
  checkedEntries!: number;

  @Field(() => String, { nullable: true, description: 'The seq of the last entry read (null: empty).' })
  headSeq!: string | null;

  @Field({ description: 'Started from the last checkpoint an earlier verification found intact.' })
  incremental!: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'The latest checkpoint found signed by a known key and matching its entry.',
  })
  checkpointSeq!: string | null;

  @Field(() => AuditProblemType, { nullable: true })
  firstProblem?: AuditProblemType;
}

@ObjectType('AuditCheckpoint', {
  description: 'A signed statement of a chain’s head: entry #seq of the chain has this hash.',
})
export class AuditCheckpointType {
  @Field()
  chain!: string;

  @Field()
  seq!: string;

  @Field()
  hash!: string;

  @Field(() => DateTimeScalar, { description: 'When it was signed (as signed: an ISO 8601 string).' })
  signedAt!: string;

  @Field({ description: 'The signing key (see publicKeys).' })
  keyId!: string;

  @Field({
    description:
      'Ed25519, base64, over `tetrad.audit.checkpoint.v1` and the canonical JSON of chain, seq, hash and signedAt.',
  })
  signature!: string;
}

@ObjectType('AuditPublicKey')
export class AuditPublicKeyType {
  @Field()
  keyId!: string;

  @Field({ description: 'Ed25519 public key, SPKI PEM.' })
  publicKey!: string;

  @Field({ description: 'The key that signs new checkpoints; the others signed earlier ones.' })
  current!: boolean;
}

@ObjectType('AuditCheckpoints', {
  description: 'One chain’s signed checkpoints, to keep and to verify the chain against later.',
})
export class AuditCheckpointsType {
  @Field()
  chain!: string;

  @Field(() => UUIDScalar, { nullable: true })
  consortiumId!: string | null;

  @Field({ description: 'How many entries the chain holds.' })
  length!: string;

  @Field(() => AuditCheckpointType, { nullable: true, description: 'The checkpoint of the head.' })
  latest!: AuditCheckpointType | null;

  @Field(() => [AuditCheckpointType], { description: 'Oldest first, after `afterSeq`.' })
  checkpoints!: AuditCheckpointType[];

  @Field(() => [AuditPublicKeyType])
  publicKeys!: AuditPublicKeyType[];
}

/** At most this many checkpoints in a kept file per verification. */
export const MAX_KEPT_CHECKPOINTS = 10_000;

@ArgsType()
export class AuditChainArgs {
  @Field(() => UUIDScalar, {
    nullable: true,
    description: 'The consortium whose chain; absent: the platform chain (platform admins only).',
  })
  @IsOptional()
  @IsUUID()
  consortiumId?: string;
}

@ArgsType()
export class AuditCheckpointsArgs extends AuditChainArgs {
  @Field({ nullable: true, description: 'Only checkpoints after this seq.' })
  @IsOptional()
  @Matches(/^\d{1,19}$/, { message: 'afterSeq must be a seq: digits only' })
  afterSeq?: string;

  @Field(() => Int, { defaultValue: 100, description: 'At most 1,000.' })
  @IsInt()
  @Min(1)
  @Max(1_000)
  first!: number;
}

@ArgsType()
export class VerifyAuditChainArgs extends AuditChainArgs {
  @Field({
    defaultValue: false,
    description:
      'Re-read the whole chain (platform admins; otherwise it runs from the last verified checkpoint).',
  })
  @IsBoolean()
  full!: boolean;

  @Field(() => JSONScalar, {
    nullable: true,
    description:
      'Checkpoints you kept (what auditCheckpoints returned, or its `checkpoints` list): the whole chain is checked against them too.',
  })
  @IsOptional()
  checkpoints?: unknown;
}

@ArgsType()
export class AuditEntriesArgs extends PageArgs {
  @Field(() => UUIDScalar, { nullable: true })
  @IsOptional()
  @IsUUID()
  consortiumId?: string;

  @Field({ nullable: true, description: 'e.g. membership.accept' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  action?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  subjectType?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  subjectId?: string;

  @Field(() => UUIDScalar, { nullable: true })
  @IsOptional()
  @IsUUID()
  actorUserId?: string;
}

/** Members read the trail of their own consortia, platform admins all; anyone signed in may verify it. */
@Resolver(() => AuditEntry)
export class AuditResolver {
  constructor(
    private readonly trail: AuditTrail,
    private readonly authorization: AuthorizationService,
  ) {}

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

  @Query(() => AuditVerificationType, {
    description:
      'Checks a chain’s hashes against its signed checkpoints (and the ones you kept) and names the first entry that was edited, deleted, reordered, forged or cut off.',
    // A walk over a chain: aliases of the same verification are answered once per request.
    complexity: 50,
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

/**
 * A kept checkpoint file: what auditCheckpoints returned (an object with `checkpoints` and/or
 * `latest`), or a list of checkpoints. Each must belong to the chain verified.
 */
export function keptCheckpoints(value: unknown, chain: string): AuditCheckpoint[] {
  if (value === undefined || value === null) return [];
  const record =
    typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  const listed: unknown = record?.['checkpoints'];
  const list: unknown[] = Array.isArray(value)
    ? (value as unknown[])
    : [
        ...(Array.isArray(listed) ? (listed as unknown[]) : []),
        ...(record?.['latest'] ? [record['latest']] : []),
      ];
  if (list.length === 0) {
    throw new InvalidInputError(
      '`checkpoints` holds no checkpoint: pass what auditCheckpoints returned, or its list.',
    );
  }
  if (list.length > MAX_KEPT_CHECKPOINTS) {
    throw new InvalidInputError(
      `Pass at most ${MAX_KEPT_CHECKPOINTS} checkpoints (the latest one you kept is enough).`,
    );
  }
  return list.map((item, index) => {
    const checkpoint = item as Partial<Record<keyof AuditCheckpoint, unknown>>;
    const fields = ['chain', 'seq', 'hash', 'signedAt', 'keyId', 'signature'] as const;
    if (
      typeof item !== 'object' ||
      item === null ||
      fields.some((field) => typeof checkpoint[field] !== 'string') ||
      !/^\d{1,19}$/.test(checkpoint.seq as string)
    ) {
      throw new InvalidInputError(
        `Checkpoint ${index + 1} is not a checkpoint: it needs chain, seq, hash, signedAt, keyId and signature (as auditCheckpoints returns them).`,
      );
    }
    if (checkpoint.chain !== chain) {
      throw new InvalidInputError(
        `Checkpoint ${index + 1} belongs to chain ${String(checkpoint.chain)}, not to the chain verified (${chain}).`,
      );
    }
    return Object.fromEntries(
      fields.map((field) => [field, checkpoint[field]]),
    ) as unknown as AuditCheckpoint;
  });
}
