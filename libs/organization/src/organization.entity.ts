import { Field, ObjectType } from '@nestjs/graphql';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
} from 'typeorm';
import { DateTimeScalar, UUIDScalar } from '@tetrad/core';
import { OrganizationKind } from './organization-kind';

export const ORGANIZATION_USCC_UNIQUE = 'organization_uscc_unique';

/** A legal entity taking part in consortia. */
@Entity({ name: 'organization' })
@Unique(ORGANIZATION_USCC_UNIQUE, ['unifiedSocialCreditCode'])
@Index('organization_name_id_idx', ['name', 'id'])
@Index('organization_created_at_id_idx', ['createdAt', 'id'])
@Index('organization_kind_idx', ['kind'])
@ObjectType({ description: 'A legal entity: a scenario user, robot maker, supplier or research institute.' })
export class Organization {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'organization_pkey' })
  @Field(() => UUIDScalar)
  id!: string;

  @Column({ type: 'varchar', length: 200 })
  @Field()
  name!: string;

  @Column({ type: 'enum', enum: OrganizationKind, enumName: 'organization_kind' })
  @Field(() => OrganizationKind)
  kind!: OrganizationKind;

  @Column({ name: 'unified_social_credit_code', type: 'char', length: 18 })
  @Field({ description: 'Unified social credit code (统一社会信用代码), 18 characters.' })
  unifiedSocialCreditCode!: string;

  @Column({ type: 'varchar', length: 100 })
  @Field({ description: 'Province, city or administrative region.' })
  region!: string;

  @Column({ name: 'state_owned', type: 'boolean', default: false })
  @Field({ description: 'Whether the organisation is state-owned.' })
  stateOwned!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  @Field(() => DateTimeScalar)
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  @Field(() => DateTimeScalar)
  updatedAt!: Date;
}
