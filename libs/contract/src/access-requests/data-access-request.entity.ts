import { Field, Int, ObjectType } from '@nestjs/graphql';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { DateTimeScalar, UUIDScalar } from '@tetrad/core';
import { Consortium } from '@tetrad/consortium';
import { Dataset, Purpose, type MatchDecision } from '@tetrad/dataset';
import { Organization } from '@tetrad/organization';
import { AccessDecision, DataAccessRequestStatus } from '../contract-enums';

/**
 * A member organisation asks to use one or more datasets for one purpose (DOMAIN.md, "Data").
 * The owners' data stewards decide their own datasets; the purpose matcher's advice is kept
 * beside each dataset, with the matcher's version.
 */
@Entity({ name: 'data_access_request' })
@Index('data_access_request_consortium_idx', ['consortiumId', 'createdAt', 'id'])
@Index('data_access_request_requester_idx', ['requesterOrganizationId', 'createdAt', 'id'])
@Index('data_access_request_providers_idx', { synchronize: false })
@ObjectType({ description: 'A request to use datasets for one purpose, reviewed by their owners.' })
export class DataAccessRequest {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'data_access_request_pkey' })
  @Field(() => UUIDScalar)
  id!: string;

  @Column({ name: 'consortium_id', type: 'uuid' })
  @Field(() => UUIDScalar)
  consortiumId!: string;

  @Column({ name: 'requester_organization_id', type: 'uuid' })
  @Field(() => UUIDScalar)
  requesterOrganizationId!: string;

  @Column({ name: 'requester_user_id', type: 'uuid' })
  @Field(() => UUIDScalar)
  requesterUserId!: string;

  @Column({ name: 'provider_organization_ids', type: 'uuid', array: true })
  @Field(() => [UUIDScalar], { description: 'The organisations owning the requested datasets.' })
  providerOrganizationIds!: string[];

  @Column({ type: 'enum', enum: Purpose, enumName: 'purpose' })
  @Field(() => Purpose)
  purpose!: Purpose;

  @Column({ name: 'intended_outputs', type: 'text' })
  @Field({ description: 'What the requester will produce (models, papers, benchmarks, …).' })
  intendedOutputs!: string;

  @Column({ name: 'duration_days', type: 'integer' })
  @Field(() => Int)
  durationDays!: number;

  @Column({ name: 'security_measures', type: 'text' })
  @Field()
  securityMeasures!: string;

  @Column({
    type: 'enum',
    enum: DataAccessRequestStatus,
    enumName: 'data_access_request_status',
    default: DataAccessRequestStatus.SUBMITTED,
  })
  @Field(() => DataAccessRequestStatus)
  status!: DataAccessRequestStatus;

  @Column({ name: 'review_due_at', type: 'timestamptz', precision: 3 })
  @Field(() => DateTimeScalar, { description: 'When the owners should have decided.' })
  reviewDueAt!: Date;

  @Column({ name: 'decided_at', type: 'timestamptz', precision: 3, nullable: true })
  @Field(() => DateTimeScalar, { nullable: true })
  decidedAt!: Date | null;

  @Column({ name: 'contract_id', type: 'uuid', nullable: true })
  @Field(() => UUIDScalar, { nullable: true, description: 'The draft contract opened by approval.' })
  contractId!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  @Field(() => DateTimeScalar)
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  @Field(() => DateTimeScalar)
  updatedAt!: Date;

  @ManyToOne(() => Consortium, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'consortium_id', foreignKeyConstraintName: 'data_access_request_consortium_fk' })
  consortium?: Consortium;

  @ManyToOne(() => Organization, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'requester_organization_id',
    foreignKeyConstraintName: 'data_access_request_requester_fk',
  })
  requester?: Organization;
}

/** One requested dataset: the matcher's advice and its owner's decision. */
@Entity({ name: 'data_access_request_item' })
@Index('data_access_request_item_dataset_idx', ['datasetId'])
@Check(
  'data_access_request_item_override_check',
  `("override_reason" IS NULL AND "overridden_by_user_id" IS NULL AND "overridden_at" IS NULL)
   OR ("override_reason" IS NOT NULL AND "overridden_by_user_id" IS NOT NULL AND "overridden_at" IS NOT NULL
       AND "decision" = 'APPROVED' AND "match_decision" IN ('DENY', 'ABSTAIN'))`,
)
@ObjectType('DataAccessRequestItem')
export class DataAccessRequestItem {
  @PrimaryColumn({
    name: 'request_id',
    type: 'uuid',
    primaryKeyConstraintName: 'data_access_request_item_pkey',
  })
  requestId!: string;

  @PrimaryColumn({
    name: 'dataset_id',
    type: 'uuid',
    primaryKeyConstraintName: 'data_access_request_item_pkey',
  })
  @Field(() => UUIDScalar)
  datasetId!: string;

  @Column({ name: 'owner_organization_id', type: 'uuid' })
  @Field(() => UUIDScalar)
  ownerOrganizationId!: string;

  @Column({ name: 'match_decision', type: 'varchar', length: 10 })
  matchDecision!: MatchDecision;

  @Column({ name: 'match_rationale', type: 'jsonb' })
  matchRationale!: string[];

  @Column({ name: 'matcher_version', type: 'varchar', length: 40 })
  matcherVersion!: string;

  @Column({
    type: 'enum',
    enum: AccessDecision,
    enumName: 'access_decision',
    default: AccessDecision.PENDING,
  })
  @Field(() => AccessDecision)
  decision!: AccessDecision;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Why the steward decided so (required to reject).' })
  reason!: string | null;

  @Column({ name: 'reviewed_by_user_id', type: 'uuid', nullable: true })
  @Field(() => UUIDScalar, { nullable: true })
  reviewedByUserId!: string | null;

  @Column({ name: 'reviewed_at', type: 'timestamptz', precision: 3, nullable: true })
  @Field(() => DateTimeScalar, { nullable: true })
  reviewedAt!: Date | null;

  @Column({ name: 'override_reason', type: 'text', nullable: true })
  @Field(() => String, {
    nullable: true,
    description:
      'Why the steward approved although the purpose matcher advised DENY or ABSTAIN (null otherwise); both legal teams read it on the contract.',
  })
  overrideReason!: string | null;

  @Column({ name: 'overridden_by_user_id', type: 'uuid', nullable: true })
  @Field(() => UUIDScalar, { nullable: true, description: 'The steward who overrode the matcher.' })
  overriddenByUserId!: string | null;

  @Column({ name: 'overridden_at', type: 'timestamptz', precision: 3, nullable: true })
  @Field(() => DateTimeScalar, { nullable: true })
  overriddenAt!: Date | null;

  @ManyToOne(() => DataAccessRequest, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'request_id', foreignKeyConstraintName: 'data_access_request_item_request_fk' })
  request?: DataAccessRequest;

  @ManyToOne(() => Dataset, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'dataset_id', foreignKeyConstraintName: 'data_access_request_item_dataset_fk' })
  dataset?: Dataset;
}
