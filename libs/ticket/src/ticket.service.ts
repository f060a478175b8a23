import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuthorizationService, authorizedRecord, UnitOfWork, type Caller, type Work } from '@tetrad/core';
import { ConsortiumService } from '@tetrad/consortium';
import { UserService } from '@tetrad/identity';
import { ScenarioService } from '@tetrad/scenario';
import type { AssignTicketInput, RaiseTicketInput, TriageTicketInput } from './dto/ticket.inputs';
import { TicketStatus } from './ticket-enums';
import {
  ConflictingLabelChangesError,
  NotAMemberAssigneeError,
  NotRaisingOrganizationError,
  TicketChangedError,
  TicketReadOnlyError,
  TicketTransitionError,
} from './ticket.errors';
import { allowedTransitions, canTransition, mayMove } from './ticket-transitions';
import { dueDates, SEVERITY_RANK } from './service-levels';
import { Ticket } from './ticket.entity';
import { TicketLabelService } from './ticket-label.service';
import { editLabels } from './label-edits';
import { TICKET_CHANGED } from './ticket-events';
import { ServiceLevelService } from './service-level.service';

/** Raising, triage, assignment and the state machine; each change is one unit of work. */
@Injectable()
export class TicketService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly authorization: AuthorizationService,
    private readonly scenarios: ScenarioService,
    private readonly consortia: ConsortiumService,
    private readonly users: UserService,
    private readonly serviceLevels: ServiceLevelService,
    private readonly work: UnitOfWork,
    private readonly labels: TicketLabelService,
  ) {}

  async raise(caller: Caller, input: RaiseTicketInput): Promise<Ticket> {
    const scenario = await this.scenarios.get(caller, input.scenarioId);
    await this.assertMay(caller, 'create', {
      id: '',
      consortiumId: scenario.consortiumId,
      raisedByOrganizationId: caller.organizationId ?? '',
    });
    const levels = await this.serviceLevels.table(scenario.consortiumId);
    await this.labels.assertKnown(scenario.consortiumId, input.labels);
    const raisedAt = new Date();
    return this.work.run(caller, async (work) => {
      const { manager } = work;
      // The consortium row lock serialises numbering: #1, #2, … without gaps or duplicates.
      await manager.query('SELECT 1 FROM consortium WHERE id = $1 FOR UPDATE', [scenario.consortiumId]);
      const [{ next }] = await manager.query<[{ next: number }]>(
        'SELECT coalesce(max(number), 0) + 1 AS next FROM ticket WHERE consortium_id = $1',
        [scenario.consortiumId],
      );
      const ticket = await manager.save(
        manager.create(Ticket, {
          ...input,
          consortiumId: scenario.consortiumId,
          number: next,
          severityRank: SEVERITY_RANK[input.severity],
          raisedByUserId: caller.userId,
          raisedByOrganizationId: caller.organizationId!,
          ...dueDates(input.severity, raisedAt, levels),
        }),
      );
      await work.record('Ticket', ticket, { action: 'ticket.raise', after: ticket });
      return this.announce(work, ticket);
    });
  }

  /** Live subscribers of the consortium hear of it once it commits (see TicketResolver.ticketChanged). */
  announce(work: Work, ticket: Ticket): Ticket {
    work.publish(TICKET_CHANGED, ticket.consortiumId, {
      ticketId: ticket.id,
      raisedByOrganizationId: ticket.raisedByOrganizationId,
    });
    return ticket;
  }

  /** For a ticket the caller can read: FORBIDDEN unless they may also `action` it (the programme office reads only). */
  async assertMay(
    caller: Caller,
    action: 'create' | 'comment',
    ticket: Pick<Ticket, 'id' | 'consortiumId' | 'raisedByOrganizationId'>,
  ): Promise<void> {
    const ability = await this.authorization.abilityFor(caller);
    const { id, consortiumId, raisedByOrganizationId } = ticket;
    const target = { id, consortiumId, raisedByOrganizationId, __caslSubjectType__: 'Ticket' as const };
    if (!ability.can(action, target)) {
      throw new TicketReadOnlyError(action === 'create' ? 'raise tickets' : 'link or annotate its tickets');
    }
  }

  get(caller: Caller, id: string): Promise<Ticket> {
    return authorizedRecord(this.authorization, this.dataSource.manager, caller, {
      type: 'Ticket',
      entity: Ticket,
      id,
      action: 'read',
    });
  }

  async triage(caller: Caller, id: string, input: TriageTicketInput): Promise<Ticket> {
    const { labels, addLabels, removeLabels } = input;
    if (labels && (addLabels || removeLabels)) throw new ConflictingLabelChangesError();
    const current = await this.get(caller, id);
    assertVersion(input.expectedVersion, current);
    const levels = await this.serviceLevels.table(current.consortiumId);
    await this.labels.assertKnown(current.consortiumId, [...(labels ?? []), ...(addLabels ?? [])]);
    return this.change(caller, id, 'triage', 'ticket.triage', input.expectedVersion, (ticket) => {
      if (input.category) ticket.category = input.category;
      if (labels) ticket.labels = [...new Set(labels)];
      // Applied to the labels the ticket has now, so that concurrent additions all stay.
      if (addLabels || removeLabels) ticket.labels = editLabels(ticket.labels, addLabels, removeLabels);
      if (input.severity && input.severity !== ticket.severity) {
        ticket.severity = input.severity;
        ticket.severityRank = SEVERITY_RANK[input.severity];
        Object.assign(ticket, dueDates(input.severity, ticket.createdAt, levels));
      }
    });
  }

  async assign(caller: Caller, id: string, input: AssignTicketInput): Promise<Ticket> {
    const ticket = await this.get(caller, id);
    assertVersion(input.expectedVersion, ticket);
    const memberships = await this.consortia.activeMemberships(input.organizationId);
    const person = input.userId ? await this.users.find(input.userId) : undefined;
    const isMember = memberships.some((membership) => membership.consortiumId === ticket.consortiumId);
    if (!isMember || (input.userId && person?.organizationId !== input.organizationId)) {
      throw new NotAMemberAssigneeError();
    }
    return this.change(caller, id, 'assign', 'ticket.assign', input.expectedVersion, (locked) => {
      locked.assigneeOrganizationId = input.organizationId;
      locked.assigneeUserId = input.userId ?? null;
    });
  }

  async transition(caller: Caller, id: string, to: TicketStatus, expectedVersion?: number): Promise<Ticket> {
    return this.change(caller, id, 'transition', 'ticket.transition', expectedVersion, (ticket) => {
      if (!canTransition(ticket.status, to)) {
        throw new TicketTransitionError(ticket.status, to, allowedTransitions(ticket.status));
      }
      if (!mayMove(ticket, to, caller.organizationId)) throw new NotRaisingOrganizationError();
      ticket.status = to;
      if (to === TicketStatus.RESOLVED) ticket.resolvedAt = new Date();
      if (to === TicketStatus.REOPENED) ticket.resolvedAt = null;
    });
  }

  /** A first reaction from another organisation counts as the response the service level asks for. */
  markResponded(ticket: Ticket, caller: Caller): void {
    if (!ticket.respondedAt && caller.organizationId !== ticket.raisedByOrganizationId)
      ticket.respondedAt = new Date();
  }

  private async change(
    caller: Caller,
    id: string,
    action: 'triage' | 'assign' | 'transition',
    auditAction: string,
    expectedVersion: number | undefined,
    apply: (ticket: Ticket) => void,
  ): Promise<Ticket> {
    return this.work.run(caller, async (work) => {
      const ticket = await work.lock({ type: 'Ticket', entity: Ticket, id, action });
      // Checked on the locked row: no edit made on an older version slips in between.
      assertVersion(expectedVersion, ticket);
      const before = { ...ticket };
      apply(ticket);
      this.markResponded(ticket, caller);
      const saved = await work.manager.save(ticket);
      await work.record('Ticket', saved, { action: auditAction, before, after: saved });
      return this.announce(work, saved);
    });
  }
}

/**
 * Refuses an edit made on another version than `ticket`'s. Versions only grow, so a mismatch on a
 * read before the lock is already final (and spares the lock); a match is checked again under it.
 */
function assertVersion(expectedVersion: number | undefined, ticket: Ticket): void {
  if (expectedVersion !== undefined && expectedVersion !== ticket.version) {
    throw new TicketChangedError(expectedVersion, ticket);
  }
}
