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
import { ContractDuty, ContractLanguageCode, ContractStatus } from '../contract-enums';
import type { Clause, ContractTerms } from './contract-terms';
import { ClauseType, ContractTermsType } from './dto/contract.types';

/**
 * A data-use agreement between provider and recipient organisations. The row holds the stored
 * lifecycle state and, once agreed, the frozen version's hash and period; the text and terms
 * live in numbered versions that are never updated.
 */
@Entity({ name: 'data_sharing_contract' })
@Index('data_sharing_contract_consortium_idx', ['consortiumId', 'createdAt', 'id'])
@Index('data_sharing_contract_parties_idx', { synchronize: false })
@Index('data_sharing_contract_datasets_idx', { synchronize: false })
@Index('data_sharing_contract_recipient_idx', ['recipientOrganizationId', 'storedStatus'])
@Check('data_sharing_contract_governing_language_check', `"governing_language" IN ('zh-CN', 'en')`)
@ObjectType('DataSharingContract', { description: 'A data-use agreement whose terms Tetrad enforces.' })
export class DataSharingContract {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'data_sharing_contract_pkey' })
  @Field(() => UUIDScalar)
  id!: string;

  @Column({ name: 'consortium_id', type: 'uuid' })
  @Field(() => UUIDScalar)
  consortiumId!: string;

  @Column({ name: 'access_request_id', type: 'uuid', nullable: true })
  @Field(() => UUIDScalar, { nullable: true, description: 'The approved request it was drafted from.' })
  accessRequestId!: string | null;

  @Column({ type: 'varchar', length: 200 })
  @Field()
  title!: string;

  @Column({ name: 'governing_language', type: 'varchar', length: 8, default: ContractLanguageCode.ZH_CN })
  @Field(() => ContractLanguageCode, {
    description: 'The language whose text governs; clauses carry a convenience translation in the other.',
  })
  governingLanguage!: ContractLanguageCode;

  /** Stored state; GraphQL shows the state as of now (see contract-status.ts). */
  @Column({
    name: 'status',
    type: 'enum',
    enum: ContractStatus,
    enumName: 'contract_status',
    default: ContractStatus.DRAFT,
  })
  storedStatus!: ContractStatus;

  @Column({ name: 'recipient_organization_id', type: 'uuid' })
  @Field(() => UUIDScalar)
  recipientOrganizationId!: string;

  @Column({ name: 'provider_organization_ids', type: 'uuid', array: true })
  @Field(() => [UUIDScalar])
  providerOrganizationIds!: string[];

  @Column({ name: 'party_organization_ids', type: 'uuid', array: true })
  partyOrganizationIds!: string[];

  /** The datasets of the latest version (what makes trade secrets visible to the parties). */
  @Column({ name: 'dataset_ids', type: 'uuid', array: true })
  datasetIds!: string[];

  @Column({ name: 'current_version', type: 'integer', default: 1 })
  @Field(() => Int, { description: 'The latest version: edits must be based on it.' })
  currentVersion!: number;

  @Column({ name: 'agreed_version', type: 'integer', nullable: true })
  @Field(() => Int, { nullable: true })
  agreedVersion!: number | null;

  @Column({ name: 'agreed_hash', type: 'char', length: 64, nullable: true })
  @Field(() => String, {
    nullable: true,
    description: 'SHA-256 of the agreed version: what each SIGNATORY signs.',
  })
  agreedHash!: string | null;

  @Column({ name: 'starts_at', type: 'timestamptz', nullable: true })
  @Field(() => DateTimeScalar, { nullable: true })
  startsAt!: Date | null;

  @Column({ name: 'ends_at', type: 'timestamptz', nullable: true })
  @Field(() => DateTimeScalar, { nullable: true })
  endsAt!: Date | null;

  @Column({ name: 'fully_signed_at', type: 'timestamptz', precision: 3, nullable: true })
  @Field(() => DateTimeScalar, { nullable: true })
  fullySignedAt!: Date | null;

  @Column({ name: 'status_reason', type: 'text', nullable: true })
  statusReason!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  @Field(() => DateTimeScalar)
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  @Field(() => DateTimeScalar)
  updatedAt!: Date;

  @ManyToOne(() => Consortium, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'consortium_id', foreignKeyConstraintName: 'data_sharing_contract_consortium_fk' })
  consortium?: Consortium;
}

/** One numbered version of the terms and clauses; inserted, never updated. */
@Entity({ name: 'contract_version' })
@Check(
  'contract_version_governing_language_check',
  `"governing_language" IS NULL OR "governing_language" IN ('zh-CN', 'en')`,
)
@ObjectType('ContractVersion')
export class ContractVersion {
  @PrimaryColumn({ name: 'contract_id', type: 'uuid', primaryKeyConstraintName: 'contract_version_pkey' })
  @Field(() => UUIDScalar)
  contractId!: string;

  @PrimaryColumn({ type: 'integer', primaryKeyConstraintName: 'contract_version_pkey' })
  @Field(() => Int)
  number!: number;

  @Column({ name: 'based_on', type: 'integer', nullable: true })
  @Field(() => Int, { nullable: true, description: 'The version its author edited.' })
  basedOn!: number | null;

  @Column({ type: 'varchar', length: 200 })
  @Field()
  title!: string;

  @Column({ type: 'jsonb' })
  @Field(() => ContractTermsType)
  terms!: ContractTerms;

  @Column({ type: 'jsonb' })
  @Field(() => [ClauseType])
  clauses!: Clause[];

  /** Null on versions written before contracts had a governing language (English, hashed without it). */
  @Column({ name: 'governing_language', type: 'varchar', length: 8, nullable: true })
  @Field(() => ContractLanguageCode, {
    nullable: true,
    description:
      'The governing language this version was written under; null before languages were kept (English).',
  })
  governingLanguage!: ContractLanguageCode | null;

  @Column({ name: 'content_hash', type: 'char', length: 64 })
  @Field({ description: 'SHA-256 over the canonical serialization of this version.' })
  contentHash!: string;

  @Column({ type: 'text', default: '' })
  @Field({ description: "The author's note on the change." })
  note!: string;

  @Column({ name: 'author_user_id', type: 'uuid', nullable: true })
  @Field(() => UUIDScalar, { nullable: true })
  authorUserId!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  @Field(() => DateTimeScalar)
  createdAt!: Date;

  @ManyToOne(() => DataSharingContract, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'contract_id', foreignKeyConstraintName: 'contract_version_contract_fk' })
  contract?: DataSharingContract;
}

/** A party's signature over the agreed hash; voided (never deleted) when negotiation reopens. */
@Entity({ name: 'contract_signature' })
@Index('contract_signature_contract_idx', ['contractId', 'signedAt'])
@Index('contract_signature_one_live_idx', { synchronize: false })
@ObjectType('ContractSignature')
export class ContractSignature {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'contract_signature_pkey' })
  @Field(() => UUIDScalar)
  id!: string;

  @Column({ name: 'contract_id', type: 'uuid' })
  contractId!: string;

  @Column({ type: 'integer' })
  @Field(() => Int)
  version!: number;

  @Column({ name: 'organization_id', type: 'uuid' })
  @Field(() => UUIDScalar)
  organizationId!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  @Field(() => UUIDScalar)
  userId!: string;

  @Column({ type: 'char', length: 64 })
  @Field({ description: 'The content hash that was signed.' })
  hash!: string;

  @CreateDateColumn({ name: 'signed_at', type: 'timestamptz', precision: 3 })
  @Field(() => DateTimeScalar)
  signedAt!: Date;

  @Column({ name: 'voided_at', type: 'timestamptz', precision: 3, nullable: true })
  @Field(() => DateTimeScalar, { nullable: true })
  voidedAt!: Date | null;

  @Column({ name: 'void_reason', type: 'text', nullable: true })
  @Field(() => String, { nullable: true })
  voidReason!: string | null;

  @ManyToOne(() => DataSharingContract, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'contract_id', foreignKeyConstraintName: 'contract_signature_contract_fk' })
  contract?: DataSharingContract;
}

/** A duty of the agreed terms, owed by the recipient, with its due date. */
@Entity({ name: 'contract_obligation' })
@Index('contract_obligation_contract_idx', ['contractId', 'dueAt'])
@ObjectType('ContractObligation')
export class ContractObligation {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'contract_obligation_pkey' })
  @Field(() => UUIDScalar)
  id!: string;

  @Column({ name: 'contract_id', type: 'uuid' })
  @Field(() => UUIDScalar)
  contractId!: string;

  @Column({ type: 'enum', enum: ContractDuty, enumName: 'contract_duty' })
  @Field(() => ContractDuty)
  duty!: ContractDuty;

  @Column({ name: 'due_at', type: 'timestamptz', nullable: true })
  @Field(() => DateTimeScalar, { nullable: true, description: 'Null for a standing duty.' })
  dueAt!: Date | null;

  @Column({ name: 'met_at', type: 'timestamptz', precision: 3, nullable: true })
  @Field(() => DateTimeScalar, { nullable: true })
  metAt!: Date | null;

  @Column({ name: 'met_by_user_id', type: 'uuid', nullable: true })
  @Field(() => UUIDScalar, { nullable: true })
  metByUserId!: string | null;

  @Column({ type: 'text', default: '' })
  @Field({ description: 'What shows the duty was met (a certificate, a report link, …).' })
  evidence!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  @Field(() => DateTimeScalar)
  createdAt!: Date;

  @ManyToOne(() => DataSharingContract, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'contract_id', foreignKeyConstraintName: 'contract_obligation_contract_fk' })
  contract?: DataSharingContract;
}
