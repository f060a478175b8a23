import { Field, Int, ObjectType } from '@nestjs/graphql';
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
  VersionColumn,
} from 'typeorm';
import { DateTimeScalar, TextMatch, UUIDScalar } from '@tetrad/core';
import { Consortium } from '@tetrad/consortium';
import { Scenario } from '@tetrad/scenario';
import { TicketCategory, TicketSeverity, TicketStatus } from './ticket-enums';

/** A real problem raised in a scenario: the consortium's shared work queue. */
@Entity({ name: 'ticket' })
@Unique('ticket_number_unique', ['consortiumId', 'number'])
@Index('ticket_consortium_updated_idx', ['consortiumId', 'updatedAt', 'id'])
@Index('ticket_consortium_status_idx', ['consortiumId', 'status'])
@Index('ticket_scenario_idx', ['scenarioId'])
@Index('ticket_assignee_organization_idx', ['assigneeOrganizationId'])
@Index('ticket_consortium_created_idx', ['consortiumId', 'createdAt', 'id'])
@Index('ticket_consortium_severity_idx', ['consortiumId', 'severityRank', 'id'])
@Index('ticket_consortium_due_idx', ['consortiumId', 'resolutionDueAt', 'id'])
@Index('ticket_consortium_category_idx', ['consortiumId', 'category'])
@Index('ticket_assignee_user_idx', ['assigneeUserId'])
@Index('ticket_raised_by_user_idx', ['raisedByUserId'])
@Index('ticket_labels_idx', { synchronize: false })
// Full-text search index on an expression TypeORM does not model (see the migration).
@Index('ticket_search_idx', { synchronize: false })
@ObjectType('PainPointTicket', { description: 'A pain point raised in a scenario (DOMAIN.md).' })
export class Ticket {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'ticket_pkey' })
  @Field(() => UUIDScalar)
  id!: string;

  @Column({ name: 'consortium_id', type: 'uuid' })
  @Field(() => UUIDScalar)
  consortiumId!: string;

  @Column({ name: 'scenario_id', type: 'uuid' })
  @Field(() => UUIDScalar)
  scenarioId!: string;

  @Column({ type: 'integer' })
  @Field(() => Int, { description: 'Number within the consortium, e.g. #42.' })
  number!: number;

  @Column({ type: 'varchar', length: 200 })
  @Field()
  title!: string;

  /** Kept by a trigger from title and description (migration ChineseSearch1764830000000). */
  @Index('ticket_search_vector_idx', { synchronize: false })
  @Column({
    name: 'search_vector',
    type: 'tsvector',
    nullable: true,
    select: false,
    insert: false,
    update: false,
  })
  searchVector?: string | null;

  /** Set on the results of a searched list only. */
  @Field(() => [TextMatch], {
    nullable: true,
    description: 'Where the search occurs in title and description, when this came from a searched list.',
  })
  searchHighlight?: TextMatch[];

  @Column({ type: 'text' })
  @Field({ description: 'Markdown.' })
  description!: string;

  @Column({ type: 'enum', enum: TicketCategory, enumName: 'ticket_category' })
  @Field(() => TicketCategory)
  category!: TicketCategory;

  @Column({ type: 'enum', enum: TicketSeverity, enumName: 'ticket_severity' })
  @Field(() => TicketSeverity)
  severity!: TicketSeverity;

  @Column({ name: 'severity_rank', type: 'smallint' })
  severityRank!: number;

  @Column({ type: 'enum', enum: TicketStatus, enumName: 'ticket_status', default: TicketStatus.OPEN })
  @Field(() => TicketStatus)
  status!: TicketStatus;

  @Column({ type: 'text', array: true, default: '{}' })
  @Field(() => [String])
  labels!: string[];

  @Column({ name: 'raised_by_user_id', type: 'uuid' })
  @Field(() => UUIDScalar)
  raisedByUserId!: string;

  @Column({ name: 'raised_by_organization_id', type: 'uuid' })
  @Field(() => UUIDScalar)
  raisedByOrganizationId!: string;

  @Column({ name: 'assignee_organization_id', type: 'uuid', nullable: true })
  @Field(() => UUIDScalar, { nullable: true })
  assigneeOrganizationId!: string | null;

  @Column({ name: 'assignee_user_id', type: 'uuid', nullable: true })
  @Field(() => UUIDScalar, { nullable: true })
  assigneeUserId!: string | null;

  @Column({ name: 'response_due_at', type: 'timestamptz', precision: 3 })
  @Field(() => DateTimeScalar)
  responseDueAt!: Date;

  @Column({ name: 'resolution_due_at', type: 'timestamptz', precision: 3 })
  @Field(() => DateTimeScalar)
  resolutionDueAt!: Date;

  @Column({ name: 'responded_at', type: 'timestamptz', precision: 3, nullable: true })
  @Field(() => DateTimeScalar, { nullable: true })
  respondedAt!: Date | null;

  @Column({ name: 'resolved_at', type: 'timestamptz', precision: 3, nullable: true })
  @Field(() => DateTimeScalar, { nullable: true })
  resolvedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  @Field(() => DateTimeScalar)
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  @Field(() => DateTimeScalar)
  updatedAt!: Date;

  // TypeORM adds `version = version + 1` to every UPDATE of the row; the check is ours (TicketService).
  @VersionColumn({ type: 'integer', default: 1 })
  @Field(() => Int, {
    description:
      'Starts at 1 and grows with every change; send it back as expectedVersion so that an edit made on what you read is refused once someone else has changed the ticket.',
  })
  version!: number;

  @ManyToOne(() => Consortium, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'consortium_id', foreignKeyConstraintName: 'ticket_consortium_fk' })
  consortium?: Consortium;

  @ManyToOne(() => Scenario, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'scenario_id', foreignKeyConstraintName: 'ticket_scenario_fk' })
  scenario?: Scenario;
}

/** A Markdown comment; edits and deletion keep the earlier bodies in `history`. */
@Entity({ name: 'ticket_comment' })
@Index('ticket_comment_ticket_idx', ['ticketId', 'createdAt', 'id'])
@Index('ticket_comment_search_idx', { synchronize: false })
@ObjectType({ description: 'A comment on a ticket.' })
export class TicketComment {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'ticket_comment_pkey' })
  @Field(() => UUIDScalar)
  id!: string;

  @Column({ name: 'ticket_id', type: 'uuid' })
  @Field(() => UUIDScalar)
  ticketId!: string;

  @Column({ name: 'consortium_id', type: 'uuid' })
  consortiumId!: string;

  @Column({ name: 'author_user_id', type: 'uuid' })
  @Field(() => UUIDScalar)
  authorUserId!: string;

  @Column({ type: 'text' })
  @Field({ description: 'Markdown; empty once deleted.' })
  body!: string;

  /** Kept by a trigger from the body (migration ChineseSearch1764830000000). */
  @Index('ticket_comment_search_vector_idx', { synchronize: false })
  @Column({
    name: 'search_vector',
    type: 'tsvector',
    nullable: true,
    select: false,
    insert: false,
    update: false,
  })
  searchVector?: string | null;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  history!: { body: string; replacedAt: string }[];

  @Column({ name: 'edited_at', type: 'timestamptz', precision: 3, nullable: true })
  @Field(() => DateTimeScalar, { nullable: true })
  editedAt!: Date | null;

  @Column({ name: 'deleted_at', type: 'timestamptz', precision: 3, nullable: true })
  @Field(() => DateTimeScalar, { nullable: true })
  deletedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  @Field(() => DateTimeScalar)
  createdAt!: Date;

  @ManyToOne(() => Ticket, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'ticket_id', foreignKeyConstraintName: 'ticket_comment_ticket_fk' })
  ticket?: Ticket;
}
