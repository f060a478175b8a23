import { dueMarks, nextDue } from './overdue';

const NOW = new Date('2026-03-10T12:00:00Z');
const base = { responseDueAt: '2026-03-10T16:00:00Z', resolutionDueAt: '2026-03-12T12:00:00Z' };

describe('overdue marks', () => {
  it.each([
    ['not responded, due in 4 h: soon', { ...base }, { response: 'soon', resolution: 'pending' }],
    [
      'response past due: overdue',
      { ...base, responseDueAt: '2026-03-10T11:00:00Z' },
      { response: 'overdue', resolution: 'pending' },
    ],
    [
      'responded in time, resolution past due',
      { ...base, respondedAt: '2026-03-10T10:00:00Z', resolutionDueAt: '2026-03-09T00:00:00Z' },
      { response: 'met', resolution: 'overdue' },
    ],
    [
      'responded late, resolved in time',
      { ...base, respondedAt: '2026-03-10T17:00:00Z', resolvedAt: '2026-03-11T00:00:00Z' },
      { response: 'metLate', resolution: 'met' },
    ],
    [
      'far away: pending',
      { responseDueAt: '2026-03-20T00:00:00Z', resolutionDueAt: '2026-04-20T00:00:00Z' },
      { response: 'pending', resolution: 'pending' },
    ],
  ])('%s', (_name, ticket, expected) => {
    expect(dueMarks(ticket, NOW)).toEqual(expected);
  });

  it('a card shows the response date first, then the resolution date, then nothing', () => {
    expect(nextDue(base, NOW)).toEqual({ kind: 'response', at: base.responseDueAt, mark: 'soon' });
    expect(nextDue({ ...base, respondedAt: '2026-03-10T10:00:00Z' }, NOW)?.kind).toBe('resolution');
    expect(
      nextDue({ ...base, respondedAt: '2026-03-10T10:00:00Z', resolvedAt: '2026-03-10T11:00:00Z' }, NOW),
    ).toBeNull();
  });
});
