import { ArgsType, Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
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
import { DateTimeScalar, JSONScalar, UUIDScalar } from '../../graphql/scalars';
import { Connection } from '../../pagination/connection.type';
import { PageArgs } from '../../pagination/page-args';
import { AuditEntry } from '../audit-entry.entity';

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
