import { Field, Int, ObjectType } from '@nestjs/graphql';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  accessibleBy,
  AuditTrail,
  AuthorizationService,
  InvalidInputError,
  UUIDScalar,
  type Caller,
  UnitOfWork,
} from '@tetrad/core';
import { ConsortiumService } from '@tetrad/consortium';
import { SERVICE_LEVELS, type ServiceLevelTable } from './service-levels';
import { TicketServiceLevel } from './service-level.entity';
import { TicketSeverity } from './ticket-enums';
import { Ticket } from './ticket.entity';
import { TICKET_COLUMNS } from './ticket.rules';

@ObjectType({ description: 'Overdue tickets per assignee organisation (null: not assigned yet).' })
export class TicketBreachCount {
  @Field(() => UUIDScalar, { nullable: true })
  assigneeOrganizationId!: string | null;

  @Field(() => Int)
  overdue!: number;
}

const OVERDUE =
  '((ticket.responded_at IS NULL AND ticket.response_due_at < now()) OR (ticket.resolved_at IS NULL AND ticket.resolution_due_at < now()))';

/** Per-consortium service levels (the defaults where none is set) and their breaches. */
@Injectable()
export class ServiceLevelService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly authorization: AuthorizationService,
    private readonly consortia: ConsortiumService,
    private readonly audit: AuditTrail,
    private readonly work: UnitOfWork,
  ) {}

  /** Effective levels of a consortium (no authorization: callers have already read the consortium). */
  async table(consortiumId: string): Promise<ServiceLevelTable> {
    const rows = await this.dataSource.getRepository(TicketServiceLevel).findBy({ consortiumId });
    const table = { ...SERVICE_LEVELS };
    for (const row of rows)
      table[row.severity] = { responseHours: row.responseHours, resolutionHours: row.resolutionHours };
    return table;
  }

  async list(caller: Caller, consortiumId: string): Promise<TicketServiceLevel[]> {
    await this.consortia.get(caller, consortiumId);
    const table = await this.table(consortiumId);
    return Object.values(TicketSeverity).map((severity) => ({ consortiumId, severity, ...table[severity] }));
  }

  /** ORG_ADMINs of member organisations set a level; it applies to tickets raised or re-triaged afterwards. */
  async set(caller: Caller, level: TicketServiceLevel): Promise<TicketServiceLevel> {
    const consortium = await this.consortia.get(caller, level.consortiumId);
    await this.authorization.assertCan(caller, 'update', 'Consortium', { ...consortium }, consortium.id);
    if (level.resolutionHours < level.responseHours) {
      throw new InvalidInputError('resolutionHours cannot be shorter than responseHours.', [
        { field: 'resolutionHours', message: 'must be at least responseHours' },
      ]);
    }
    return this.work.run(caller, async ({ manager }) => {
      await manager.upsert(TicketServiceLevel, level, ['consortiumId', 'severity']);
      await this.audit.record(manager, caller, {
        action: 'ticket.service-level.set',
        subjectType: 'Consortium',
        subjectId: level.consortiumId,
        consortiumId: level.consortiumId,
        after: level,
      });
      return level;
    });
  }

  async breaches(caller: Caller, consortiumId: string): Promise<TicketBreachCount[]> {
    await this.consortia.get(caller, consortiumId);
    const ability = await this.authorization.abilityFor(caller);
    const scope = accessibleBy(ability, 'read', 'Ticket', TICKET_COLUMNS);
    const rows = await this.dataSource
      .getRepository(Ticket)
      .createQueryBuilder('ticket')
      .select('ticket.assignee_organization_id', 'assigneeOrganizationId')
      .addSelect('count(*)::int', 'overdue')
      .where(scope.sql, scope.params)
      .andWhere('ticket.consortium_id = :consortiumId', { consortiumId })
      .andWhere(OVERDUE)
      .groupBy('ticket.assignee_organization_id')
      .orderBy('overdue', 'DESC')
      .getRawMany<TicketBreachCount>();
    return rows;
  }
}
