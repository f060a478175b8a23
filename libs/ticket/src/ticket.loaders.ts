import { Injectable, type OnModuleInit } from '@nestjs/common';
import DataLoader from 'dataloader';
import { LoaderKey, LoaderRegistry } from '@tetrad/core';
import { TicketCommentService } from './ticket-comment.service';

export const TICKET_COMMENT_COUNT = new LoaderKey<string, number>('ticket.commentCount');

@Injectable()
export class TicketLoaders implements OnModuleInit {
  constructor(
    private readonly registry: LoaderRegistry,
    private readonly comments: TicketCommentService,
  ) {}

  onModuleInit(): void {
    this.registry.register(
      TICKET_COMMENT_COUNT,
      () =>
        new DataLoader<string, number>(async (ids) => {
          const counts = await this.comments.countsFor(ids);
          return ids.map((id) => counts.get(id) ?? 0);
        }),
    );
  }
}
