import { Field, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { DateTimeScalar, UUIDScalar } from '@tetrad/core';
import { Ticket } from './ticket.entity';

export enum TicketLinkKind {
  BLOCKS = 'BLOCKS',
  RELATES_TO = 'RELATES_TO',
  DUPLICATES = 'DUPLICATES',
}

registerEnumType(TicketLinkKind, { name: 'TicketLinkKind' });

/** "from BLOCKS to", "from DUPLICATES to", "from RELATES_TO to": between tickets of one consortium. */
@Entity({ name: 'ticket_link' })
@Index('ticket_link_to_idx', ['toTicketId'])
@ObjectType()
export class TicketLink {
  @PrimaryColumn({ name: 'from_ticket_id', type: 'uuid', primaryKeyConstraintName: 'ticket_link_pkey' })
  @Field(() => UUIDScalar)
  fromTicketId!: string;

  @PrimaryColumn({ name: 'to_ticket_id', type: 'uuid', primaryKeyConstraintName: 'ticket_link_pkey' })
  @Field(() => UUIDScalar)
  toTicketId!: string;

  @Column({ type: 'enum', enum: TicketLinkKind, enumName: 'ticket_link_kind' })
  @Field(() => TicketLinkKind)
  kind!: TicketLinkKind;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  @Field(() => DateTimeScalar)
  createdAt!: Date;

  @ManyToOne(() => Ticket, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'from_ticket_id', foreignKeyConstraintName: 'ticket_link_from_fk' })
  from?: Ticket;

  @ManyToOne(() => Ticket, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'to_ticket_id', foreignKeyConstraintName: 'ticket_link_to_fk' })
  to?: Ticket;
}

/** Who follows a ticket. */
@Entity({ name: 'ticket_watcher' })
@Index('ticket_watcher_user_idx', ['userId'])
export class TicketWatcher {
  @PrimaryColumn({ name: 'ticket_id', type: 'uuid', primaryKeyConstraintName: 'ticket_watcher_pkey' })
  ticketId!: string;

  @PrimaryColumn({ name: 'user_id', type: 'uuid', primaryKeyConstraintName: 'ticket_watcher_pkey' })
  userId!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @ManyToOne(() => Ticket, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'ticket_id', foreignKeyConstraintName: 'ticket_watcher_ticket_fk' })
  ticket?: Ticket;
}
