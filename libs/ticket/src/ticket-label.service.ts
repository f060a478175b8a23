import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { AuditTrail, ForbiddenError, InvalidInputError, type Caller, UnitOfWork } from '@tetrad/core';
import { ConsortiumService } from '@tetrad/consortium';
import { TicketLabel } from './ticket-label.entity';

/** Labels are a consortium's shared vocabulary, so a board's filters stay meaningful. */
@Injectable()
export class TicketLabelService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly consortia: ConsortiumService,
    private readonly audit: AuditTrail,
    private readonly work: UnitOfWork,
  ) {}

  async list(caller: Caller, consortiumId: string): Promise<TicketLabel[]> {
    await this.consortia.get(caller, consortiumId);
    return this.dataSource
      .getRepository(TicketLabel)
      .find({ where: { consortiumId }, order: { name: 'ASC' } });
  }

  async create(caller: Caller, consortiumId: string, name: string): Promise<TicketLabel> {
    const consortium = await this.consortia.get(caller, consortiumId);
    if (!caller.organizationId) throw new ForbiddenError('Only members of the consortium define its labels.');
    return this.work.run(caller, async ({ manager }) => {
      await manager.upsert(TicketLabel, { consortiumId, name }, ['consortiumId', 'name']);
      const label = await manager.findOneByOrFail(TicketLabel, { consortiumId, name });
      await this.audit.record(manager, caller, {
        action: 'ticket.label.create',
        subjectType: 'Consortium',
        subjectId: consortium.id,
        consortiumId,
        after: { name },
      });
      return label;
    });
  }

  /** Refuses labels the consortium has not defined, naming them. */
  async assertKnown(consortiumId: string, labels: readonly string[]): Promise<void> {
    if (labels.length === 0) return;
    const known = await this.dataSource
      .getRepository(TicketLabel)
      .findBy({ consortiumId, name: In([...labels]) });
    const names = new Set(known.map((label) => label.name));
    const unknown = labels.filter((label) => !names.has(label));
    if (unknown.length > 0) {
      throw new InvalidInputError(
        `Unknown labels: ${unknown.join(', ')}. Define them first (createTicketLabel) or pick from ticketLabels.`,
        [{ field: 'input.labels', message: `unknown: ${unknown.join(', ')}` }],
      );
    }
  }
}
