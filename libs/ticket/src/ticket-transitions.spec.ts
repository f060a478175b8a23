import { TicketSeverity, TicketStatus } from './ticket-enums';
import { allowedTransitions, canTransition, mayMove, needsRaisingOrganization } from './ticket-transitions';
import { dueDates, isOverdue } from './service-levels';

const S = TicketStatus;

describe('ticket transitions', () => {
  it.each([
    [S.OPEN, S.TRIAGED, true],
    [S.TRIAGED, S.IN_PROGRESS, true],
    [S.IN_PROGRESS, S.RESOLVED, true],
    [S.RESOLVED, S.VERIFIED, true],
    [S.VERIFIED, S.CLOSED, true],
    [S.RESOLVED, S.REOPENED, true],
    [S.VERIFIED, S.REOPENED, true],
    [S.REOPENED, S.IN_PROGRESS, true],
    [S.OPEN, S.RESOLVED, false],
    [S.OPEN, S.REOPENED, false],
    [S.IN_PROGRESS, S.VERIFIED, false],
    [S.CLOSED, S.REOPENED, false],
    [S.CLOSED, S.OPEN, false],
  ])('%s → %s is %p', (from, to, allowed) => {
    expect(canTransition(from, to)).toBe(allowed);
  });

  it('closed is final', () => {
    expect(allowedTransitions(S.CLOSED)).toEqual([]);
  });

  it('only VERIFIED needs the raising organisation', () => {
    expect(Object.values(S).filter(needsRaisingOrganization)).toEqual([S.VERIFIED]);
  });
});

describe('service levels', () => {
  const raised = new Date('2026-11-25T08:00:00Z');

  it.each([
    [TicketSeverity.CRITICAL, '2026-11-25T12:00:00.000Z', '2026-11-26T08:00:00.000Z'],
    [TicketSeverity.LOW, '2026-12-02T08:00:00.000Z', '2026-12-25T08:00:00.000Z'],
  ])('%s is due for response at %s and resolution at %s', (severity, response, resolution) => {
    const due = dueDates(severity, raised);
    expect(due.responseDueAt.toISOString()).toBe(response);
    expect(due.resolutionDueAt.toISOString()).toBe(resolution);
  });

  it('is overdue when the response or the resolution is late', () => {
    const due = dueDates(TicketSeverity.CRITICAL, raised);
    const at = (iso: string) => new Date(iso);
    expect(isOverdue({ ...due, respondedAt: null, resolvedAt: null }, at('2026-11-25T11:00:00Z'))).toBe(
      false,
    );
    expect(isOverdue({ ...due, respondedAt: null, resolvedAt: null }, at('2026-11-25T13:00:00Z'))).toBe(true);
    expect(
      isOverdue(
        { ...due, respondedAt: at('2026-11-25T09:00:00Z'), resolvedAt: null },
        at('2026-11-25T13:00:00Z'),
      ),
    ).toBe(false);
    expect(
      isOverdue(
        { ...due, respondedAt: at('2026-11-25T09:00:00Z'), resolvedAt: null },
        at('2026-11-27T00:00:00Z'),
      ),
    ).toBe(true);
  });
});

describe('mayMove', () => {
  const raised = { status: S.RESOLVED, raisedByOrganizationId: 'raiser' };
  it.each([
    ['the raiser verifies', raised, S.VERIFIED, 'raiser', true],
    ['another organisation may not verify', raised, S.VERIFIED, 'other', false],
    ['no organisation may not verify', raised, S.VERIFIED, undefined, false],
    ['anyone reopens', raised, S.REOPENED, 'other', true],
    ['not along the state machine', raised, S.OPEN, 'raiser', false],
  ])('%s', (_case, ticket, to, organizationId, expected) => {
    expect(mayMove(ticket, to, organizationId)).toBe(expected);
  });
});
