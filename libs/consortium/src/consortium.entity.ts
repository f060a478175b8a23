import { Field, ObjectType } from '@nestjs/graphql';
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
import { Organization } from '@tetrad/organization';
import { ConsortiumStatus, Sector } from './consortium-enums';
import { DEFAULT_TIME_ZONE } from './time-zone';

/** Four kinds of organisations bound to real scenarios, sharing risk and reward. */
@Entity({ name: 'consortium' })
@Index('consortium_name_id_idx', ['name', 'id'])
@Index('consortium_status_idx', ['status'])
@ObjectType({ description: 'An Innovation Application Consortium.' })
export class Consortium {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'consortium_pkey' })
  @Field(() => UUIDScalar)
  id!: string;

  @Column({ type: 'varchar', length: 200 })
  @Field()
  name!: string;

  @Column({ type: 'enum', enum: Sector, enumName: 'sector' })
  @Field(() => Sector)
  sector!: Sector;

  @Column({ type: 'varchar', length: 100 })
  @Field()
  region!: string;

  @Column({
    type: 'enum',
    enum: ConsortiumStatus,
    enumName: 'consortium_status',
    default: ConsortiumStatus.FORMING,
  })
  @Field(() => ConsortiumStatus)
  status!: ConsortiumStatus;

  @Column({ name: 'time_zone', type: 'varchar', length: 64, default: DEFAULT_TIME_ZONE })
  @Field({
    description:
      'IANA time zone (default Asia/Shanghai): contract periods are dates in it, and contract documents state times in it.',
  })
  timeZone!: string;

  @Column({ name: 'founded_by_organization_id', type: 'uuid' })
  @Field(() => UUIDScalar)
  foundedByOrganizationId!: string;

  @Column({ name: 'activated_at', type: 'timestamptz', precision: 3, nullable: true })
  @Field(() => DateTimeScalar, { nullable: true })
  activatedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  @Field(() => DateTimeScalar)
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  @Field(() => DateTimeScalar)
  updatedAt!: Date;

  @ManyToOne(() => Organization, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'founded_by_organization_id', foreignKeyConstraintName: 'consortium_founder_fk' })
  foundedBy?: Organization;
}
