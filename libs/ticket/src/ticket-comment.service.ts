import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  AuditTrail,
  AuthorizationService,
  NotFoundError,
  paginate,
  type Caller,
  type ConnectionShape,
  type PageArgs,
  UnitOfWork,
  type Work,
} from '@tetrad/core';
import { TicketComment, Ticket } from './ticket.entity';
import { TICKET_COMMENTED } from './ticket-events';
import { TicketService } from './ticket.service';

/** Markdown comments; the author edits or deletes their own, and every earlier body is kept. */
@Injectable()
export class TicketCommentService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly authorization: AuthorizationService,
    private readonly tickets: TicketService,
    private readonly audit: AuditTrail,
    private readonly work: UnitOfWork,
  ) {}

  /** A comment the caller may read (for subscriptions), or NOT_FOUND. */
  async get(caller: Caller, id: string): Promise<TicketComment> {
    const comment = await this.dataSource.getRepository(TicketComment).findOneBy({ id });
    if (!comment) throw new NotFoundError('TicketComment', id);
    await this.authorization.assertCan(caller, 'read', 'TicketComment', { ...comment }, id);
    return comment;
  }

  /** Live subscribers of the consortium hear of it once it commits (TicketResolver.ticketCommented). */
  private announce(work: Work, comment: TicketComment): TicketComment {
    work.publish(TICKET_COMMENTED, comment.consortiumId, {
      commentId: comment.id,
      ticketId: comment.ticketId,
    });
    return comment;
  }

  add(caller: Caller, ticketId: string, body: string): Promise<TicketComment> {
    return this.work.run(caller, async (work) => {
      const { manager } = work;
      const ticket = await work.lock({ type: 'Ticket', entity: Ticket, id: ticketId, action: 'comment' });
      const comment = await manager.save(
        manager.create(TicketComment, {
          ticketId,
          consortiumId: ticket.consortiumId,
          authorUserId: caller.userId,
          body,
        }),
      );
      this.tickets.markResponded(ticket, caller);
      await manager.save(ticket);
      await this.audit.record(manager, caller, {
        // Filed under the ticket, so the ticket's timeline shows its conversation.
        action: 'ticket.comment.add',
        subjectType: 'Ticket',
        subjectId: ticketId,
        consortiumId: ticket.consortiumId,
        after: comment,
      });
      return this.announce(work, comment);
    });
  }

  edit(caller: Caller, id: string, body: string): Promise<TicketComment> {
    return this.rewrite(caller, id, 'update', body);
  }

  remove(caller: Caller, id: string): Promise<TicketComment> {
    return this.rewrite(caller, id, 'delete', '');
  }

  async list(caller: Caller, ticketId: string, page: PageArgs): Promise<ConnectionShape<TicketComment>> {
    await this.tickets.get(caller, ticketId);
    const query = this.dataSource
      .getRepository(TicketComment)
      .createQueryBuilder('comment')
      .where('comment.ticket_id = :ticketId', { ticketId });
    return paginate(query, page, {
      name: 'CREATED_AT_ASC',
      column: 'comment.created_at',
      direction: 'ASC',
      valueOf: (comment) => comment.createdAt.toISOString(),
    });
  }

  /** Comment counts of many tickets in one statement (for DataLoader). */
  async countsFor(ticketIds: readonly string[]): Promise<Map<string, number>> {
    const rows = await this.dataSource.query<{ ticket_id: string; n: number }[]>(
      'SELECT ticket_id, count(*)::int AS n FROM ticket_comment WHERE ticket_id = ANY($1) AND deleted_at IS NULL GROUP BY ticket_id',
      [[...ticketIds]],
    );
    return new Map(rows.map((row) => [row.ticket_id, row.n]));
  }

  private async rewrite(
    caller: Caller,
    id: string,
    action: 'update' | 'delete',
    body: string,
  ): Promise<TicketComment> {
    return this.work.run(caller, async (work) => {
      const { manager } = work;
      const comment = await manager.findOne(TicketComment, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!comment || comment.deletedAt) throw new NotFoundError('TicketComment', id);
      await this.authorization.assertCan(caller, action, 'TicketComment', { ...comment }, id);
      const before = { ...comment };
      comment.history = [...comment.history, { body: comment.body, replacedAt: new Date().toISOString() }];
      comment.body = body;
      if (action === 'delete') comment.deletedAt = new Date();
      else comment.editedAt = new Date();
      const saved = await manager.save(comment);
      await this.audit.record(manager, caller, {
        action: `ticket.comment.${action === 'delete' ? 'delete' : 'edit'}`,
        subjectType: 'Ticket',
        subjectId: comment.ticketId,
        consortiumId: comment.consortiumId,
        before,
        after: saved,
      });
      return this.announce(work, saved);
    });
  }
}
