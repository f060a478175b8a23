import { Field, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Ticket, TicketComment } from '../ticket.entity';

export enum TicketLiveEventKind {
  CHANGED = 'CHANGED',
  COMMENTED = 'COMMENTED',
  RESYNC = 'RESYNC',
}

registerEnumType(TicketLiveEventKind, {
  name: 'TicketLiveEventKind',
  valuesMap: {
    CHANGED: { description: 'A ticket was raised or changed: `ticket` holds it as it is now.' },
    COMMENTED: { description: 'A comment was added, edited or deleted: `comment` holds it.' },
    RESYNC: {
      description:
        'Events you missed are no longer kept (or the cursor is unknown): reload what you show, then carry on.',
    },
  },
});

@ObjectType({ description: 'One event of a ticket feed, in the order the changes committed.' })
export class TicketLiveEvent {
  @Field(() => String, {
    nullable: true,
    description: 'The event id. Subscribe again with `after` set to it to resume after a disconnect.',
  })
  cursor!: string | null;

  @Field(() => TicketLiveEventKind)
  kind!: TicketLiveEventKind;

  @Field(() => Ticket, { nullable: true })
  ticket?: Ticket | null;

  @Field(() => TicketComment, { nullable: true })
  comment?: TicketComment | null;
}
