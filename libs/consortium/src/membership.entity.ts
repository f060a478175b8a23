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
import { Organization, OrganizationKind } from '@tetrad/organization';
import { MembershipStatus } from './consortium-enums';
import { Consortium } from './consortium.entity';

export const MEMBERSHIP_OPEN_UNIQUE = 'membership_open_unique';

/** An organisation in a consortium, with its party role: INVITED → ACTIVE → WITHDRAWN (or DECLINED). */
@Entity({ name: 'membership' })
@Index(MEMBERSHIP_OPEN_UNIQUE, ['consortiumId', 'organizationId'], {
  unique: true,
  where: `"status" IN ('INVITED', 'ACTIVE')`,
})
@Index('membership_organization_idx', ['organizationId', 'status'])
@Index('membership_consortium_idx', ['consortiumId', 'status'])
@ObjectType({ description: "An organisation's membership of a consortium." })
export class Membership {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'membership_pkey' })
  @Field(() => UUIDScalar)
  id!: string;

  @Column({ name: 'consortium_id', type: 'uuid' })
  @Field(() => UUIDScalar)
  consortiumId!: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  @Field(() => UUIDScalar)
  organizationId!: string;

  @Column({ name: 'party_role', type: 'enum', enum: OrganizationKind, enumName: 'organization_kind' })
  @Field(() => OrganizationKind, { description: 'The party this organisation plays in the consortium.' })
  partyRole!: OrganizationKind;

  @Column({
    type: 'enum',
    enum: MembershipStatus,
    enumName: 'membership_status',
    default: MembershipStatus.INVITED,
  })
  @Field(() => MembershipStatus)
  status!: MembershipStatus;

  @Column({ name: 'invited_by_organization_id', type: 'uuid', nullable: true })
  @Field(() => UUIDScalar, { nullable: true })
  invitedByOrganizationId!: string | null;

  @Column({ name: 'joined_at', type: 'timestamptz', precision: 3, nullable: true })
  @Field(() => DateTimeScalar, { nullable: true })
  joinedAt!: Date | null;

  @Column({ name: 'left_at', type: 'timestamptz', precision: 3, nullable: true })
  @Field(() => DateTimeScalar, { nullable: true })
  leftAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  @Field(() => DateTimeScalar)
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  @Field(() => DateTimeScalar)
  updatedAt!: Date;

  @ManyToOne(() => Consortium, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'consortium_id', foreignKeyConstraintName: 'membership_consortium_fk' })
  consortium?: Consortium;

  @ManyToOne(() => Organization, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'membership_organization_fk' })
  organization?: Organization;
}
