import { Field, ObjectType } from '@nestjs/graphql';
import { CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { DateTimeScalar } from '@tetrad/core';
import { Consortium } from '@tetrad/consortium';

/** A consortium's label vocabulary: tickets carry only labels defined here. */
@Entity({ name: 'ticket_label' })
@ObjectType()
export class TicketLabel {
  @PrimaryColumn({ name: 'consortium_id', type: 'uuid', primaryKeyConstraintName: 'ticket_label_pkey' })
  consortiumId!: string;

  @PrimaryColumn({ type: 'varchar', length: 40, primaryKeyConstraintName: 'ticket_label_pkey' })
  @Field()
  name!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  @Field(() => DateTimeScalar)
  createdAt!: Date;

  @ManyToOne(() => Consortium, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'consortium_id', foreignKeyConstraintName: 'ticket_label_consortium_fk' })
  consortium?: Consortium;
}
