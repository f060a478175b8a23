import { Field, Float, ObjectType, registerEnumType } from '@nestjs/graphql';
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
import { Consortium, Sector } from '@tetrad/consortium';
import type { KpiMeasure } from './kpi-measure';

export enum KpiDirection {
  HIGHER_IS_BETTER = 'HIGHER_IS_BETTER',
  LOWER_IS_BETTER = 'LOWER_IS_BETTER',
}

registerEnumType(KpiDirection, { name: 'KpiDirection' });

/** A KPI the scenario is judged by, e.g. parcels per minute against a human baseline of 30–40. */
@ObjectType('KpiDefinition')
export class KpiDefinition {
  @Field({ description: 'Stable key, e.g. "throughput".' })
  key!: string;

  @Field({ description: 'e.g. "Parcels sorted per minute".' })
  name!: string;

  @Field({ description: 'e.g. "parcels/min", "%".' })
  unit!: string;

  @Field(() => KpiDirection)
  direction!: KpiDirection;

  @Field(() => Float, { nullable: true, description: 'What people achieve today (the low end of a range).' })
  humanBaseline?: number | null;

  @Field(() => Float, { nullable: true, description: 'The top of the human range, if a range.' })
  humanBaselineHigh?: number | null;

  @Field(() => Float, { nullable: true })
  target?: number | null;

  /** As stored; absent means "by its key" (see `kpiMeasureOf`). GraphQL resolves the measure in force. */
  measure?: KpiMeasure | null;
}

/** One real deployment inside a consortium, e.g. "screw-tightening station, body shop 2". */
@Entity({ name: 'scenario' })
@Index('scenario_consortium_idx', ['consortiumId', 'name', 'id'])
@ObjectType({ description: 'A real deployment of robots inside a consortium.' })
export class Scenario {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'scenario_pkey' })
  @Field(() => UUIDScalar)
  id!: string;

  @Column({ name: 'consortium_id', type: 'uuid' })
  @Field(() => UUIDScalar)
  consortiumId!: string;

  @Column({ type: 'varchar', length: 200 })
  @Field()
  name!: string;

  @Column({ type: 'enum', enum: Sector, enumName: 'sector' })
  @Field(() => Sector)
  sector!: Sector;

  @Column({ type: 'varchar', length: 200 })
  @Field({ description: 'Where: plant, line, station.' })
  site!: string;

  @Column({ name: 'units_deployed', type: 'integer', default: 0 })
  @Field()
  unitsDeployed!: number;

  @Column({ name: 'target_units', type: 'integer', default: 0 })
  @Field()
  targetUnits!: number;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  @Field(() => [KpiDefinition])
  kpis!: KpiDefinition[];

  @Column({ name: 'created_by_user_id', type: 'uuid', nullable: true })
  createdByUserId!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  @Field(() => DateTimeScalar)
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  @Field(() => DateTimeScalar)
  updatedAt!: Date;

  @ManyToOne(() => Consortium, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'consortium_id', foreignKeyConstraintName: 'scenario_consortium_fk' })
  consortium?: Consortium;
}
