import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  AuditTrail,
  InvalidInputError,
  type AuditEntry,
  type Caller,
  type ConnectionShape,
  type PageArgs,
  UnitOfWork,
} from '@tetrad/core';
import { TicketLink, TicketLinkKind, TicketWatcher } from './ticket-link.entity';
import { TicketService } from './ticket.service';

/** Watchers, links between tickets, and each ticket's timeline (from the audit trail). */
@Injectable()
export class TicketCollaborationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tickets: TicketService,
    private readonly audit: AuditTrail,
    private readonly work: UnitOfWork,
  ) {}

  async watch(caller: Caller, ticketId: string, watching: boolean): Promise<boolean> {
    const ticket = await this.tickets.get(caller, ticketId);
    await this.work.run(caller, async ({ manager }) => {
      if (watching)
        await manager.upsert(TicketWatcher, { ticketId, userId: caller.userId }, ['ticketId', 'userId']);
      else await manager.delete(TicketWatcher, { ticketId, userId: caller.userId });
      await this.audit.record(manager, caller, {
        action: watching ? 'ticket.watch' : 'ticket.unwatch',
        subjectType: 'Ticket',
        subjectId: ticketId,
        consortiumId: ticket.consortiumId,
      });
    });
    return watching;
  }

  async watcherIds(caller: Caller, ticketId: string): Promise<string[]> {
    await this.tickets.get(caller, ticketId);
    const rows = await this.dataSource
      .getRepository(TicketWatcher)
      .find({ where: { ticketId }, order: { createdAt: 'ASC' } });
    return rows.map((row) => row.userId);
  }

  async link(
    caller: Caller,
    fromTicketId: string,
    toTicketId: string,
    kind: TicketLinkKind,
  ): Promise<TicketLink> {
    if (fromTicketId === toTicketId) throw new InvalidInputError('A ticket cannot be linked to itself.');
    const [from, to] = [
      await this.tickets.get(caller, fromTicketId),
      await this.tickets.get(caller, toTicketId),
    ];
    if (from.consortiumId !== to.consortiumId) {
      throw new InvalidInputError('Only tickets of the same consortium can be linked.');
    }
    // A link changes both tickets' shared record: members only, as for comments.
    await this.tickets.assertMay(caller, 'comment', from);
    return this.work.run(caller, async ({ manager }) => {
      await manager.upsert(TicketLink, { fromTicketId, toTicketId, kind }, ['fromTicketId', 'toTicketId']);
      const link = await manager.findOneByOrFail(TicketLink, { fromTicketId, toTicketId });
      await this.audit.record(manager, caller, {
        action: 'ticket.link',
        subjectType: 'Ticket',
        subjectId: fromTicketId,
        consortiumId: from.consortiumId,
        after: link,
      });
      return link;
    });
  }

  /** Links from and to a ticket (both ends are in the caller's reach: one consortium). */
  async links(caller: Caller, ticketId: string): Promise<TicketLink[]> {
    await this.tickets.get(caller, ticketId);
    return this.dataSource.getRepository(TicketLink).find({
      where: [{ fromTicketId: ticketId }, { toTicketId: ticketId }],
      order: { createdAt: 'ASC' },
    });
  }

  /** State changes, assignments and comments, newest first. */
  async timeline(caller: Caller, ticketId: string, page: PageArgs): Promise<ConnectionShape<AuditEntry>> {
    const ticket = await this.tickets.get(caller, ticketId);
    return this.audit.list(
      { consortiumIds: [ticket.consortiumId] },
      { consortiumId: ticket.consortiumId, subjectType: 'Ticket', subjectId: ticketId },
      page,
    );
  }
}
