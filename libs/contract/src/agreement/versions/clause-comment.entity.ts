import { Field, Int, ObjectType } from '@nestjs/graphql';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { DateTimeScalar, UUIDScalar } from '@tetrad/core';
import { ContractVersion } from '../contract.entity';

export const MAX_COMMENT_BODY = 4_000;
export const MAX_COMMENT_QUOTE = 500;

/**
 * A remark by a party's legal team on one clause of one version (or on the version as a whole
 * when `clauseKey` is null). Kept with the version it was made on, never edited; a thread is a
 * root comment and its replies, and resolving or reopening acts on the root.
 */
@Entity({ name: 'contract_clause_comment' })
@Index('contract_clause_comment_contract_idx', ['contractId', 'createdAt', 'id'])
@Index('contract_clause_comment_version_idx', ['contractId', 'version', 'createdAt'])
@Index('contract_clause_comment_reply_idx', ['replyToId', 'createdAt'])
@Index('contract_clause_comment_open_idx', { synchronize: false })
@Check('contract_clause_comment_body_check', `char_length("body") BETWEEN 1 AND ${MAX_COMMENT_BODY}`)
@Check(
  'contract_clause_comment_quote_check',
  `"quote" IS NULL OR (char_length("quote") BETWEEN 1 AND ${MAX_COMMENT_QUOTE} AND "clause_key" IS NOT NULL)`,
)
@Check(
  'contract_clause_comment_resolved_check',
  `("resolved_at" IS NULL AND "resolved_by_user_id" IS NULL)
   OR ("resolved_at" IS NOT NULL AND "resolved_by_user_id" IS NOT NULL AND "reply_to_id" IS NULL)`,
)
@ObjectType('ClauseComment', {
  description:
    "A comment between the parties' legal teams on a clause of one version; replies form a thread on their root.",
})
export class ContractClauseComment {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'contract_clause_comment_pkey' })
  @Field(() => UUIDScalar)
  id!: string;

  @Column({ name: 'contract_id', type: 'uuid' })
  @Field(() => UUIDScalar)
  contractId!: string;

  /** The contract's consortium: where the audit trail files the change. */
  @Column({ name: 'consortium_id', type: 'uuid' })
  consortiumId!: string;

  @Column({ type: 'integer' })
  @Field(() => Int, { description: 'The version it was made on.' })
  version!: number;

  @Column({ name: 'clause_key', type: 'varchar', length: 60, nullable: true })
  @Field(() => String, {
    nullable: true,
    description: 'The clause it is about; null for a comment on the version as a whole (its terms).',
  })
  clauseKey!: string | null;

  /** SHA-256 of the clause's title and text as commented on: tells whether it changed since. */
  @Column({ name: 'clause_hash', type: 'char', length: 64, nullable: true })
  clauseHash!: string | null;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'The passage of the clause it is about.' })
  quote!: string | null;

  @Column({ type: 'text' })
  @Field({ description: 'Plain text, 1 to 4,000 characters.' })
  body!: string;

  @Column({ name: 'author_user_id', type: 'uuid' })
  authorUserId!: string;

  @Column({ name: 'author_organization_id', type: 'uuid' })
  @Field(() => UUIDScalar)
  authorOrganizationId!: string;

  @Column({ name: 'reply_to_id', type: 'uuid', nullable: true })
  @Field(() => UUIDScalar, { nullable: true, description: 'The root comment of the thread it answers.' })
  replyToId!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  @Field(() => DateTimeScalar)
  createdAt!: Date;

  @Column({ name: 'resolved_at', type: 'timestamptz', precision: 3, nullable: true })
  @Field(() => DateTimeScalar, { nullable: true, description: 'When its thread was resolved (roots only).' })
  resolvedAt!: Date | null;

  @Column({ name: 'resolved_by_user_id', type: 'uuid', nullable: true })
  resolvedByUserId!: string | null;

  @ManyToOne(() => ContractVersion, { onDelete: 'CASCADE' })
  @JoinColumn([
    {
      name: 'contract_id',
      referencedColumnName: 'contractId',
      foreignKeyConstraintName: 'contract_clause_comment_version_fk',
    },
    { name: 'version', referencedColumnName: 'number' },
  ])
  madeOn?: ContractVersion;

  @ManyToOne(() => ContractClauseComment, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'reply_to_id', foreignKeyConstraintName: 'contract_clause_comment_reply_to_fk' })
  replyTo?: ContractClauseComment;
}
