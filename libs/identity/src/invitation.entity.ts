import { Field, ObjectType, registerEnumType } from '@nestjs/graphql';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { Organization } from '@tetrad/organization';
import { DateTimeScalar, UserRole, UUIDScalar } from '@tetrad/core';

export enum InvitationStatus {
  PENDING = 'PENDING',
  ACCEPTED = 'ACCEPTED',
  REVOKED = 'REVOKED',
}

registerEnumType(InvitationStatus, { name: 'InvitationStatus' });

export const INVITATION_PENDING_EMAIL_UNIQUE = 'invitation_pending_email_unique';

/** An organisation admin's invitation: the invited email, on first sign-in, joins with these roles. */
@Entity({ name: 'invitation' })
@Index(INVITATION_PENDING_EMAIL_UNIQUE, ['email'], { unique: true, where: `"status" = 'PENDING'` })
@Index('invitation_organization_id_idx', ['organizationId', 'createdAt'])
@ObjectType({ description: 'An invitation of an email address into an organisation.' })
export class Invitation {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'invitation_pkey' })
  @Field(() => UUIDScalar)
  id!: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  @Field(() => UUIDScalar)
  organizationId!: string;

  @Column({ type: 'varchar', length: 320 })
  @Field()
  email!: string;

  @Column({ type: 'enum', enum: UserRole, enumName: 'user_role', array: true })
  @Field(() => [UserRole])
  roles!: UserRole[];

  @Column({
    type: 'enum',
    enum: InvitationStatus,
    enumName: 'invitation_status',
    default: InvitationStatus.PENDING,
  })
  @Field(() => InvitationStatus)
  status!: InvitationStatus;

  @Column({ name: 'invited_by_user_id', type: 'uuid', nullable: true })
  invitedByUserId!: string | null;

  @Column({ name: 'accepted_user_id', type: 'uuid', nullable: true })
  acceptedUserId!: string | null;

  @Column({ name: 'expires_at', type: 'timestamptz', precision: 3 })
  @Field(() => DateTimeScalar)
  expiresAt!: Date;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  @Field(() => DateTimeScalar)
  createdAt!: Date;

  @ManyToOne(() => Organization, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'invitation_organization_fk' })
  organization?: Organization;
}
