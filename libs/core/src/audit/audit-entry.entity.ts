import { Field, ObjectType } from '@nestjs/graphql';
import { Check, Column, Entity, Generated, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { DateTimeScalar, JSONScalar, UUIDScalar } from '../graphql/scalars';
import type { AuditChainEntry } from './audit-chain';

export const AUDIT_ENTRY_TABLE = 'audit_entry';

/**
 * One change or data access, append-only and hash-chained per consortium: each consortium's
 * entries form a chain of their own (entries of no consortium form the `platform` chain), and
 * `hash` covers the entry's content, its chain and seq, and the previous entry's hash, so
 * editing, deleting or reordering entries shows. Signed checkpoints (audit_checkpoint) anchor
 * each chain's head outside the database's reach.
 *
 * Column `seq` is the global order of writing (`position`, never shown to members); column
 * `chain_seq` is the entry's place in its chain (`seq`, what members see and hashes cover).
 */
@Entity({ name: AUDIT_ENTRY_TABLE })
@Unique('audit_entry_id_unique', ['id'])
@Unique('audit_entry_hash_unique', ['hash'])
// One successor per entry: even a writer that skipped the chain lock cannot fork the chain.
@Unique('audit_entry_previous_hash_unique', ['previousHash'])
@Unique('audit_entry_chain_seq_unique', ['chain', 'seq'])
@Index('audit_entry_subject_seq_idx', ['subjectType', 'subjectId', 'position'])
@Check('audit_entry_chain_check', `"chain" = COALESCE("consortium_id"::text, 'platform')`)
@ObjectType({ description: 'An entry of the append-only audit trail, hash-chained per consortium.' })
export class AuditEntry implements AuditChainEntry {
  // BY DEFAULT: the trail inserts without it and the identity numbers entries in writing order.
  @PrimaryGeneratedColumn('identity', {
    name: 'seq',
    type: 'bigint',
    generatedIdentity: 'BY DEFAULT',
    primaryKeyConstraintName: 'audit_entry_pkey',
  })
  position!: string;

  @Column({ type: 'varchar', length: 36 })
  @Field({ description: 'The chain it belongs to: its consortium’s id, or `platform`.' })
  chain!: string;

  @Column({ name: 'chain_seq', type: 'bigint' })
  @Field(() => String, { description: 'Position in its chain, from 1 (a 64-bit integer, as a string).' })
  seq!: string;

  // Generated: TypeORM reads a gen_random_uuid() default as a generated uuid, not a plain default.
  @Column({ type: 'uuid' })
  @Generated('uuid')
  @Field(() => UUIDScalar)
  id!: string;

  @Column({ name: 'occurred_at', type: 'timestamptz', precision: 3, default: () => 'now()' })
  @Field(() => DateTimeScalar)
  occurredAt!: Date;

  @Column({ name: 'actor_user_id', type: 'uuid', nullable: true })
  @Field(() => UUIDScalar, { nullable: true, description: 'Who acted; null for the platform itself.' })
  actorUserId!: string | null;

  @Column({ name: 'actor_organization_id', type: 'uuid', nullable: true })
  @Field(() => UUIDScalar, { nullable: true })
  actorOrganizationId!: string | null;

  @Column({ name: 'consortium_id', type: 'uuid', nullable: true })
  @Field(() => UUIDScalar, { nullable: true, description: 'The consortium concerned; null: platform-wide.' })
  consortiumId!: string | null;

  @Column({ type: 'varchar', length: 100 })
  @Field({ description: 'What happened, e.g. `membership.accept`.' })
  action!: string;

  @Column({ name: 'subject_type', type: 'varchar', length: 50 })
  @Field({ description: 'The kind of record changed or accessed, e.g. `Membership`.' })
  subjectType!: string;

  @Column({ name: 'subject_id', type: 'varchar', length: 100 })
  @Field()
  subjectId!: string;

  @Column({ type: 'jsonb', nullable: true })
  @Field(() => JSONScalar, { nullable: true, description: 'The record before the change.' })
  before!: unknown;

  @Column({ type: 'jsonb', nullable: true })
  @Field(() => JSONScalar, { nullable: true, description: 'The record after the change.' })
  after!: unknown;

  @Column({ name: 'previous_hash', type: 'char', length: 64 })
  @Field({
    description:
      'The hash of the entry before this one in its chain (the chain’s genesis hash for the first).',
  })
  previousHash!: string;

  @Column({ type: 'char', length: 64 })
  @Field({ description: 'SHA-256 of the previous hash and this entry’s canonical content.' })
  hash!: string;
}
