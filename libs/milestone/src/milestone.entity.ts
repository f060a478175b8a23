import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
  type ValueTransformer,
} from 'typeorm';
import { DateTimeScalar, SafeIntScalar, UUIDScalar } from '@tetrad/core';
import { Consortium } from '@tetrad/consortium';
import { Scenario } from '@tetrad/scenario';
import {
  KpiComparator,
  LedgerEntryKind,
  MilestoneProposalKind,
  MilestoneProposalStatus,
  MilestoneStatus,
} from './milestone-enums';

/** bigint columns hold integer minor units; as numbers they are exact up to 2^53 (checked on input). */
const MINOR_UNITS: ValueTransformer = {
  to: (value: number | null) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};

@ObjectType('KpiTarget')
export class KpiTargetType {
  @Field()
  kpiKey!: string;

  @Field(() => KpiComparator)
  comparator!: KpiComparator;

  @Field(() => Float)
  value!: number;

  @Field(() => Float, { nullable: true, description: 'Over at least this many operating hours.' })
  minOperatingHours!: number | null;
}

@ObjectType('BasisPointShare')
export class BasisPointShareType {
  @Field(() => UUIDScalar)
  organizationId!: string;

  @Field(() => Int, { description: '1/100 of a percent; the shares of a milestone sum to 10,000.' })
  basisPoints!: number;
}

/** A risk/reward milestone of a scenario, judged from verified KPI reports in its window. */
@Entity({ name: 'milestone' })
@Index('milestone_consortium_idx', ['consortiumId', 'dueAt', 'id'])
@Index('milestone_scenario_idx', ['scenarioId', 'dueAt'])
@Index('milestone_open_due_idx', { synchronize: false })
@Check('milestone_amounts_check', '"reward_pool_minor" >= 0 AND "risk_amount_minor" >= 0')
@ObjectType({ description: 'KPI targets of a scenario with a reward pool and a risk shared by the members.' })
export class Milestone {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'milestone_pkey' })
  @Field(() => UUIDScalar)
  id!: string;

  @Column({ name: 'consortium_id', type: 'uuid' })
  @Field(() => UUIDScalar)
  consortiumId!: string;

  @Column({ name: 'scenario_id', type: 'uuid' })
  @Field(() => UUIDScalar)
  scenarioId!: string;

  @Column({ type: 'varchar', length: 200 })
  @Field()
  name!: string;

  @Column({ type: 'text', default: '' })
  @Field()
  description!: string;

  @Column({ type: 'jsonb' })
  @Field(() => [KpiTargetType])
  targets!: KpiTargetType[];

  @Column({ name: 'window_start', type: 'timestamptz' })
  @Field(() => DateTimeScalar, { description: 'Reports whose period lies in the window count.' })
  windowStart!: Date;

  @Column({ name: 'window_end', type: 'timestamptz' })
  @Field(() => DateTimeScalar)
  windowEnd!: Date;

  @Column({ name: 'due_at', type: 'timestamptz' })
  @Field(() => DateTimeScalar, { description: 'Not achieved by then: MISSED.' })
  dueAt!: Date;

  /** As stored; the `status` field reads it through the evaluation (past due reads MISSED at once). */
  @Column({
    name: 'status',
    type: 'enum',
    enum: MilestoneStatus,
    enumName: 'milestone_status',
    default: MilestoneStatus.PROPOSED,
  })
  storedStatus!: MilestoneStatus;

  @Column({ name: 'terms_version', type: 'integer', default: 1 })
  @Field(() => Int, { description: 'Starts at 1; every amendment of the terms adds one.' })
  termsVersion!: number;

  @Column({ name: 'reward_funder_organization_id', type: 'uuid' })
  @Field(() => UUIDScalar, { description: 'Pays the reward pool to the parties if it is ACHIEVED.' })
  rewardFunderOrganizationId!: string;

  @Column({ name: 'risk_beneficiary_organization_id', type: 'uuid' })
  @Field(() => UUIDScalar, { description: 'Is paid the risk by the parties if it is MISSED.' })
  riskBeneficiaryOrganizationId!: string;

  @Column({ name: 'proposed_by_organization_id', type: 'uuid', nullable: true })
  @Field(() => UUIDScalar, { nullable: true, description: 'Null for milestones older than agreements.' })
  proposedByOrganizationId!: string | null;

  @Column({ name: 'committed_at', type: 'timestamptz', precision: 3, nullable: true })
  @Field(() => DateTimeScalar, { nullable: true, description: 'When the last bound party accepted.' })
  committedAt!: Date | null;

  @Column({ name: 'committed_terms_hash', type: 'char', length: 64, nullable: true })
  @Field(() => String, { nullable: true, description: 'The terms hash every bound party accepted.' })
  committedTermsHash!: string | null;

  @Column({ name: 'decision_summary', type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'What deciding it found, in words, as decided.' })
  decisionSummary!: string | null;

  @Column({ type: 'char', length: 3 })
  @Field({ description: 'ISO 4217, e.g. CNY.' })
  currency!: string;

  @Column({ name: 'reward_pool_minor', type: 'bigint', transformer: MINOR_UNITS })
  @Field(() => SafeIntScalar, { description: 'In minor units (fen for CNY).' })
  rewardPoolMinor!: number;

  @Column({ name: 'risk_amount_minor', type: 'bigint', transformer: MINOR_UNITS })
  @Field(() => SafeIntScalar, { description: 'Cost or penalty if missed, in minor units.' })
  riskAmountMinor!: number;

  @Column({ type: 'jsonb' })
  @Field(() => [BasisPointShareType])
  shares!: BasisPointShareType[];

  @Column({ name: 'achieved_by_report_id', type: 'uuid', nullable: true })
  @Field(() => UUIDScalar, { nullable: true, description: 'The report at which every target was met.' })
  achievedByReportId!: string | null;

  @Column({ name: 'decided_at', type: 'timestamptz', precision: 3, nullable: true })
  @Field(() => DateTimeScalar, { nullable: true })
  decidedAt!: Date | null;

  @Column({ name: 'created_by_user_id', type: 'uuid', nullable: true })
  createdByUserId!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  @Field(() => DateTimeScalar)
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  @Field(() => DateTimeScalar)
  updatedAt!: Date;

  @ManyToOne(() => Consortium, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'consortium_id', foreignKeyConstraintName: 'milestone_consortium_fk' })
  consortium?: Consortium;

  @ManyToOne(() => Scenario, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'scenario_id', foreignKeyConstraintName: 'milestone_scenario_fk' })
  scenario?: Scenario;
}

/** A change to committed terms (a waiver or a new split): applied once every bound party approves. */
@Entity({ name: 'milestone_proposal' })
@Index('milestone_proposal_milestone_idx', ['milestoneId', 'createdAt'])
@ObjectType()
export class MilestoneProposal {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'milestone_proposal_pkey' })
  @Field(() => UUIDScalar)
  id!: string;

  @Column({ name: 'milestone_id', type: 'uuid' })
  @Field(() => UUIDScalar)
  milestoneId!: string;

  @Column({ type: 'enum', enum: MilestoneProposalKind, enumName: 'milestone_proposal_kind' })
  @Field(() => MilestoneProposalKind)
  kind!: MilestoneProposalKind;

  @Column({ type: 'jsonb', nullable: true })
  @Field(() => [BasisPointShareType], { nullable: true, description: 'The proposed split (CHANGE_SPLIT).' })
  shares!: BasisPointShareType[] | null;

  @Column({ type: 'text' })
  @Field()
  reason!: string;

  @Column({
    type: 'enum',
    enum: MilestoneProposalStatus,
    enumName: 'milestone_proposal_status',
    default: MilestoneProposalStatus.OPEN,
  })
  @Field(() => MilestoneProposalStatus)
  status!: MilestoneProposalStatus;

  @Column({ name: 'proposed_by_user_id', type: 'uuid' })
  @Field(() => UUIDScalar)
  proposedByUserId!: string;

  @Column({ name: 'approved_by_organization_ids', type: 'uuid', array: true, default: '{}' })
  @Field(() => [UUIDScalar], { description: 'Bound parties whose admin or signatory approved.' })
  approvedByOrganizationIds!: string[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  @Field(() => DateTimeScalar)
  createdAt!: Date;

  @Column({ name: 'decided_at', type: 'timestamptz', precision: 3, nullable: true })
  @Field(() => DateTimeScalar, { nullable: true })
  decidedAt!: Date | null;

  @ManyToOne(() => Milestone, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'milestone_id', foreignKeyConstraintName: 'milestone_proposal_milestone_fk' })
  milestone?: Milestone;
}

/** One party's acceptance of one exact set of terms (by their hash); a change of terms voids it. */
@Entity({ name: 'milestone_acceptance' })
@Unique('milestone_acceptance_once_uq', ['milestoneId', 'organizationId', 'termsHash'])
@Index('milestone_acceptance_milestone_idx', ['milestoneId', 'acceptedAt'])
@ObjectType({ description: "A party's acceptance of a milestone's terms, bound to their hash." })
export class MilestoneAcceptance {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'milestone_acceptance_pkey' })
  @Field(() => UUIDScalar)
  id!: string;

  @Column({ name: 'milestone_id', type: 'uuid' })
  @Field(() => UUIDScalar)
  milestoneId!: string;

  @Column({ name: 'consortium_id', type: 'uuid' })
  consortiumId!: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  @Field(() => UUIDScalar)
  organizationId!: string;

  @Column({ name: 'terms_hash', type: 'char', length: 64 })
  @Field()
  termsHash!: string;

  @Column({ name: 'terms_version', type: 'integer' })
  @Field(() => Int)
  termsVersion!: number;

  @Column({ name: 'accepted_by_user_id', type: 'uuid', nullable: true })
  acceptedByUserId!: string | null;

  @CreateDateColumn({ name: 'accepted_at', type: 'timestamptz', precision: 3 })
  @Field(() => DateTimeScalar)
  acceptedAt!: Date;

  @ManyToOne(() => Milestone, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'milestone_id', foreignKeyConstraintName: 'milestone_acceptance_milestone_fk' })
  milestone?: Milestone;
}

/**
 * One party's share of an achieved milestone's reward or a missed one's risk. The unique key
 * (milestone, organisation, kind) is what makes "once and only once" hold, even for two
 * evaluations racing on two instances.
 */
@Entity({ name: 'ledger_entry' })
@Unique('ledger_entry_once_uq', ['milestoneId', 'organizationId', 'kind'])
@Index('ledger_entry_consortium_idx', ['consortiumId', 'createdAt', 'id'])
@Index('ledger_entry_organization_idx', ['organizationId', 'createdAt'])
@Index('ledger_entry_scenario_idx', ['scenarioId'])
@Index('ledger_entry_payer_idx', ['payerOrganizationId'])
@Index('ledger_entry_payee_idx', ['payeeOrganizationId'])
@ObjectType()
export class LedgerEntry {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'ledger_entry_pkey' })
  @Field(() => UUIDScalar)
  id!: string;

  @Column({ name: 'milestone_id', type: 'uuid' })
  @Field(() => UUIDScalar)
  milestoneId!: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  @Field(() => UUIDScalar)
  organizationId!: string;

  @Column({ type: 'enum', enum: LedgerEntryKind, enumName: 'ledger_entry_kind' })
  @Field(() => LedgerEntryKind)
  kind!: LedgerEntryKind;

  @Column({ name: 'consortium_id', type: 'uuid' })
  @Field(() => UUIDScalar)
  consortiumId!: string;

  @Column({ name: 'scenario_id', type: 'uuid' })
  @Field(() => UUIDScalar)
  scenarioId!: string;

  @Column({ name: 'basis_points', type: 'integer' })
  @Field(() => Int)
  basisPoints!: number;

  @Column({ name: 'amount_minor', type: 'bigint', transformer: MINOR_UNITS })
  @Field(() => SafeIntScalar, { description: 'Never negative: owed by the payer to the payee.' })
  amountMinor!: number;

  @Column({ name: 'payer_organization_id', type: 'uuid' })
  @Field(() => UUIDScalar, { description: "REWARD: the milestone's funder; RISK: the party itself." })
  payerOrganizationId!: string;

  @Column({ name: 'payee_organization_id', type: 'uuid' })
  @Field(() => UUIDScalar, { description: "REWARD: the party itself; RISK: the milestone's beneficiary." })
  payeeOrganizationId!: string;

  @Column({ name: 'settled_at', type: 'timestamptz', precision: 3, nullable: true })
  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'When the payee confirmed the payment (at once for a share paid to oneself).',
  })
  settledAt!: Date | null;

  @Column({ name: 'settlement_reference', type: 'varchar', length: 200, nullable: true })
  @Field(() => String, { nullable: true, description: "The payee's reference, e.g. a bank transfer number." })
  settlementReference!: string | null;

  @Column({ name: 'settled_by_user_id', type: 'uuid', nullable: true })
  settledByUserId!: string | null;

  @Column({ type: 'char', length: 3 })
  @Field()
  currency!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  @Field(() => DateTimeScalar)
  createdAt!: Date;

  @ManyToOne(() => Milestone, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'milestone_id', foreignKeyConstraintName: 'ledger_entry_milestone_fk' })
  milestone?: Milestone;
}
