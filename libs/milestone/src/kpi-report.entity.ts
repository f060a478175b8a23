import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { DateTimeScalar, UUIDScalar } from '@tetrad/core';
import { Consortium } from '@tetrad/consortium';
import { Scenario } from '@tetrad/scenario';
import { KpiReportStatus } from './milestone-enums';

@ObjectType('KpiValue')
export class KpiValue {
  @Field()
  kpiKey!: string;

  @Field(() => Float)
  value!: number;
}

/**
 * Measured values of a scenario over a period, submitted by the scenario user and verified or
 * disputed by another party of the consortium; the submitter may withdraw it. Periods of a
 * scenario's live (submitted or verified) reports never overlap.
 */
@Entity({ name: 'kpi_report' })
@Index('kpi_report_scenario_period_idx', ['scenarioId', 'periodStart', 'id'])
@Index('kpi_report_consortium_idx', ['consortiumId', 'periodStart', 'id'])
@ObjectType({ description: 'Measured KPI values of a scenario over a period.' })
export class KpiReport {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'kpi_report_pkey' })
  @Field(() => UUIDScalar)
  id!: string;

  @Column({ name: 'consortium_id', type: 'uuid' })
  @Field(() => UUIDScalar)
  consortiumId!: string;

  @Column({ name: 'scenario_id', type: 'uuid' })
  @Field(() => UUIDScalar)
  scenarioId!: string;

  @Column({ name: 'submitted_by_organization_id', type: 'uuid' })
  @Field(() => UUIDScalar)
  submittedByOrganizationId!: string;

  @Column({ name: 'submitted_by_user_id', type: 'uuid', nullable: true })
  @Field(() => UUIDScalar, { nullable: true, description: 'Null for the seeded demo report.' })
  submittedByUserId!: string | null;

  @Column({ name: 'period_start', type: 'timestamptz' })
  @Field(() => DateTimeScalar)
  periodStart!: Date;

  @Column({ name: 'period_end', type: 'timestamptz' })
  @Field(() => DateTimeScalar)
  periodEnd!: Date;

  @Column({ name: 'units_processed', type: 'integer' })
  @Field(() => Int)
  unitsProcessed!: number;

  @Column({ name: 'operating_hours', type: 'double precision' })
  @Field(() => Float, { description: 'Wall-clock hours the robots ran in the period.' })
  operatingHours!: number;

  @Column({ name: 'robots_in_service', type: 'integer' })
  @Field(() => Int)
  robotsInService!: number;

  @Column({ type: 'integer' })
  @Field(() => Int, { description: 'Times a person had to step in.' })
  interventions!: number;

  @Column({ type: 'integer', nullable: true })
  @Field(() => Int, { nullable: true })
  successes!: number | null;

  @Column({ type: 'integer', nullable: true })
  @Field(() => Int, { nullable: true })
  attempts!: number | null;

  @Column({ type: 'jsonb' })
  @Field(() => [KpiValue], { description: "Values of the scenario's KPIs." })
  values!: KpiValue[];

  @Column({
    type: 'enum',
    enum: KpiReportStatus,
    enumName: 'kpi_report_status',
    default: KpiReportStatus.SUBMITTED,
  })
  @Field(() => KpiReportStatus)
  status!: KpiReportStatus;

  @Column({ name: 'reviewed_by_organization_id', type: 'uuid', nullable: true })
  @Field(() => UUIDScalar, { nullable: true })
  reviewedByOrganizationId!: string | null;

  @Column({ name: 'reviewed_by_user_id', type: 'uuid', nullable: true })
  @Field(() => UUIDScalar, { nullable: true })
  reviewedByUserId!: string | null;

  @Column({ name: 'reviewed_at', type: 'timestamptz', precision: 3, nullable: true })
  @Field(() => DateTimeScalar, { nullable: true })
  reviewedAt!: Date | null;

  @Column({ name: 'review_reason', type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Why it was disputed (or a verifier’s remark).' })
  reviewReason!: string | null;

  @Column({ name: 'withdrawn_by_user_id', type: 'uuid', nullable: true })
  @Field(() => UUIDScalar, { nullable: true })
  withdrawnByUserId!: string | null;

  @Column({ name: 'withdrawn_at', type: 'timestamptz', precision: 3, nullable: true })
  @Field(() => DateTimeScalar, { nullable: true })
  withdrawnAt!: Date | null;

  @Column({ name: 'withdrawal_reason', type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Why the submitter withdrew it.' })
  withdrawalReason!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  @Field(() => DateTimeScalar)
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  @Field(() => DateTimeScalar)
  updatedAt!: Date;

  @ManyToOne(() => Consortium, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'consortium_id', foreignKeyConstraintName: 'kpi_report_consortium_fk' })
  consortium?: Consortium;

  @ManyToOne(() => Scenario, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'scenario_id', foreignKeyConstraintName: 'kpi_report_scenario_fk' })
  scenario?: Scenario;
}
