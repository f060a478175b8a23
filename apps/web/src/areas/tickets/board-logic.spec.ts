import type { TicketStatus } from '../../gql/graphql';
import { acceptsDrop, dropDecision, groupByStatus, refusalFromError } from './board-logic';
import { nextColumnCentre } from './board-keyboard';

const ticket = (status: TicketStatus, allowedTransitions: TicketStatus[]) => ({
  id: 't1',
  status,
  allowedTransitions,
});

describe('dropping a ticket on a column', () => {
  it.each<[string, ReturnType<typeof ticket>, string | null, ReturnType<typeof dropDecision>]>([
    ['on its own column: nothing', ticket('OPEN', ['TRIAGED', 'CLOSED']), 'OPEN', { kind: 'stay' }],
    ['outside any column: nothing', ticket('OPEN', ['TRIAGED']), null, { kind: 'stay' }],
    ['on something that is not a column: nothing', ticket('OPEN', ['TRIAGED']), 'ticket-2', { kind: 'stay' }],
    ['an allowed move', ticket('OPEN', ['TRIAGED', 'CLOSED']), 'TRIAGED', { kind: 'move', to: 'TRIAGED' }],
    [
      'resolving asks for a resolution note',
      ticket('IN_PROGRESS', ['RESOLVED', 'TRIAGED']),
      'RESOLVED',
      { kind: 'move', to: 'RESOLVED', note: 'resolution' },
    ],
    [
      'reopening asks why',
      ticket('RESOLVED', ['VERIFIED', 'REOPENED']),
      'REOPENED',
      { kind: 'move', to: 'REOPENED', note: 'reopen' },
    ],
    [
      'a move the state machine refuses',
      ticket('OPEN', ['TRIAGED', 'CLOSED']),
      'VERIFIED',
      { kind: 'refused', from: 'OPEN', to: 'VERIFIED', allowed: ['TRIAGED', 'CLOSED'] },
    ],
    [
      'verification by another organisation (the API left it out)',
      ticket('RESOLVED', ['REOPENED']),
      'VERIFIED',
      { kind: 'refused', from: 'RESOLVED', to: 'VERIFIED', allowed: ['REOPENED'] },
    ],
    [
      'anything from CLOSED',
      ticket('CLOSED', []),
      'OPEN',
      { kind: 'refused', from: 'CLOSED', to: 'OPEN', allowed: [] },
    ],
  ])('%s', (_name, t, to, expected) => {
    expect(dropDecision(t, to)).toEqual(expected);
  });

  it('highlights only the columns the dragged ticket may go to', () => {
    const dragged = ticket('IN_PROGRESS', ['RESOLVED', 'TRIAGED']);
    expect(acceptsDrop(dragged, 'RESOLVED')).toBe(true);
    expect(acceptsDrop(dragged, 'CLOSED')).toBe(false);
    expect(acceptsDrop(undefined, 'OPEN')).toBe(false);
  });
});

describe('columns', () => {
  it('puts every ticket in its status column, keeping the order, with all columns present', () => {
    const columns = groupByStatus([
      { id: 'a', status: 'OPEN' as const },
      { id: 'b', status: 'CLOSED' as const },
      { id: 'c', status: 'OPEN' as const },
    ]);
    expect(columns.OPEN.map((t) => t.id)).toEqual(['a', 'c']);
    expect(columns.CLOSED.map((t) => t.id)).toEqual(['b']);
    expect(Object.keys(columns)).toHaveLength(7);
    expect(columns.VERIFIED).toEqual([]);
  });

  it('keyboard arrows jump to the nearest column left or right', () => {
    const cols = [0, 250, 500, 750].map((left) => ({ left, width: 232, top: 0, height: 600 }));
    const card = { left: 260, width: 212, top: 40, height: 80 }; // in the second column
    expect(nextColumnCentre(card, cols, 1)).toBe(616);
    expect(nextColumnCentre(card, cols, -1)).toBe(116);
    expect(nextColumnCentre({ ...card, left: 760 }, cols, 1)).toBeUndefined();
  });
});

describe("the API's refusal", () => {
  it('reads the current and allowed states from a CONFLICT', () => {
    const error = {
      graphQLErrors: [
        {
          message: 'x',
          extensions: {
            code: 'CONFLICT',
            currentStatus: 'TRIAGED',
            allowedStatuses: ['IN_PROGRESS', 'CLOSED'],
          },
        },
      ],
    } as never;
    expect(refusalFromError(error)).toEqual({ current: 'TRIAGED', allowed: ['IN_PROGRESS', 'CLOSED'] });
  });

  it('is nothing for other errors', () => {
    expect(
      refusalFromError({ graphQLErrors: [{ message: 'no', extensions: { code: 'FORBIDDEN' } }] } as never),
    ).toBeUndefined();
    expect(refusalFromError(undefined)).toBeUndefined();
  });
});
