import { Field, ObjectType, registerEnumType } from '@nestjs/graphql';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
} from 'typeorm';
import { Organization } from '@tetrad/organization';
import { DateTimeScalar, UserRole, UUIDScalar } from '@tetrad/core';

export enum UserStatus {
  ACTIVE = 'ACTIVE',
  DEACTIVATED = 'DEACTIVATED',
}

registerEnumType(UserStatus, { name: 'UserStatus' });

export const USER_EMAIL_UNIQUE = 'user_email_unique';
export const USER_OIDC_IDENTITY_UNIQUE = 'user_oidc_identity_unique';

/** A person, identified by OIDC issuer + subject, member of one organisation with roles there. */
@Entity({ name: 'user' })
@Unique(USER_EMAIL_UNIQUE, ['email'])
@Unique(USER_OIDC_IDENTITY_UNIQUE, ['oidcIssuer', 'oidcSubject'])
@Index('user_organization_id_idx', ['organizationId', 'email'])
@ObjectType({ description: 'A person working in Tetrad for one organisation.' })
export class User {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'user_pkey' })
  @Field(() => UUIDScalar)
  id!: string;

  @Column({ name: 'organization_id', type: 'uuid', nullable: true })
  @Field(() => UUIDScalar, { nullable: true, description: 'Null only for platform administrators.' })
  organizationId!: string | null;

  /** In the schema through UserResolver: shown to the person's own organisation only. */
  @Column({ type: 'varchar', length: 320 })
  email!: string;

  @Column({ type: 'varchar', length: 200 })
  @Field()
  name!: string;

  @Column({ type: 'enum', enum: UserRole, enumName: 'user_role', array: true, default: '{}' })
  @Field(() => [UserRole])
  roles!: UserRole[];

  @Column({ name: 'platform_admin', type: 'boolean', default: false })
  @Field({ description: 'Programme office: creates organisations and their first admin.' })
  platformAdmin!: boolean;

  /** In the schema through UserResolver: shown to the person's own organisation only. */
  @Column({ type: 'enum', enum: UserStatus, enumName: 'user_status', default: UserStatus.ACTIVE })
  status!: UserStatus;

  @Column({ name: 'oidc_issuer', type: 'varchar', length: 500, nullable: true })
  oidcIssuer!: string | null;

  @Column({ name: 'oidc_subject', type: 'varchar', length: 255, nullable: true })
  oidcSubject!: string | null;

  /** In the schema through UserResolver: shown to the person's own organisation only. */
  @Column({ name: 'last_sign_in_at', type: 'timestamptz', precision: 3, nullable: true })
  lastSignInAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  @Field(() => DateTimeScalar)
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  @Field(() => DateTimeScalar)
  updatedAt!: Date;

  @ManyToOne(() => Organization, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'user_organization_fk' })
  organization?: Organization;
}
