import { Field, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Consortium } from '@tetrad/consortium';
import { TicketSeverity } from './ticket-enums';

/** A consortium's own service level for one severity; defaults apply where none is set. */
@Entity({ name: 'ticket_service_level' })
@ObjectType()
export class TicketServiceLevel {
  @PrimaryColumn({
    name: 'consortium_id',
    type: 'uuid',
    primaryKeyConstraintName: 'ticket_service_level_pkey',
  })
  consortiumId!: string;

  @PrimaryColumn({
    type: 'enum',
    enum: TicketSeverity,
    enumName: 'ticket_severity',
    primaryKeyConstraintName: 'ticket_service_level_pkey',
  })
  @Field(() => TicketSeverity)
  severity!: TicketSeverity;

  @Column({ name: 'response_hours', type: 'integer' })
  @Field(() => Int)
  responseHours!: number;

  @Column({ name: 'resolution_hours', type: 'integer' })
  @Field(() => Int)
  resolutionHours!: number;

  @ManyToOne(() => Consortium, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'consortium_id', foreignKeyConstraintName: 'ticket_service_level_consortium_fk' })
  consortium?: Consortium;
}
