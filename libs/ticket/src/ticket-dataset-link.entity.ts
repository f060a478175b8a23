import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Dataset } from '@tetrad/dataset';
import { Ticket } from './ticket.entity';

/** A ticket names a dataset it concerns (traceability: ticket → data → contract). */
@Entity({ name: 'ticket_dataset_link' })
@Index('ticket_dataset_link_dataset_idx', ['datasetId', 'ticketId'])
export class TicketDatasetLink {
  @PrimaryColumn({ name: 'ticket_id', type: 'uuid', primaryKeyConstraintName: 'ticket_dataset_link_pkey' })
  ticketId!: string;

  @PrimaryColumn({ name: 'dataset_id', type: 'uuid', primaryKeyConstraintName: 'ticket_dataset_link_pkey' })
  datasetId!: string;

  @Column({ name: 'consortium_id', type: 'uuid' })
  consortiumId!: string;

  @Column({ name: 'created_by_user_id', type: 'uuid', nullable: true })
  createdByUserId!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @ManyToOne(() => Ticket, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'ticket_id', foreignKeyConstraintName: 'ticket_dataset_link_ticket_fk' })
  ticket?: Ticket;

  @ManyToOne(() => Dataset, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'dataset_id', foreignKeyConstraintName: 'ticket_dataset_link_dataset_fk' })
  dataset?: Dataset;
}
