import { DndContext } from '@dnd-kit/core';
import { screen } from '@testing-library/react';
import i18next from 'i18next';
import { MemoryRouter, Route, Routes } from 'react-router';
import { renderWithI18n, startTestI18n } from '../../../test/render';
import { DueTag } from './DueTag';
import { refusalLines } from './refusal';
import { TicketCard, type BoardTicket } from './TicketCard';

const card: BoardTicket = {
  id: 't1',
  number: 7,
  title: 'Gripper drops polybags',
  status: 'RESOLVED',
  allowedTransitions: ['REOPENED'],
  severity: 'HIGH',
  labels: ['gripper'],
  commentCount: 2,
  responseDueAt: '2020-01-01T00:00:00Z',
  resolutionDueAt: '2020-01-02T00:00:00Z',
  respondedAt: null,
  resolvedAt: null,
  assigneeOrganization: { name: 'Lingbu Robotics' },
};

describe('a refused move, in words', () => {
  it('says what was refused, why verification is not yours, and what is possible (Chinese)', async () => {
    await startTestI18n('zh-CN');
    const t = i18next.getFixedT('zh-CN', 'tickets');
    expect(refusalLines(t, { number: 7, from: 'RESOLVED', to: 'VERIFIED', allowed: ['REOPENED'] })).toEqual([
      '不能把 #7 从「已解决」移到「已验证」。',
      '只有提出工单的机构才能验证问题已解决。',
      '它目前只能移到：重新打开。',
    ]);
  });

  it('says a closed ticket is final', async () => {
    await startTestI18n('en');
    const t = i18next.getFixedT('en', 'tickets');
    expect(refusalLines(t, { number: 3, from: 'CLOSED', to: 'OPEN', allowed: [] })).toEqual([
      '#3 cannot move from “Closed” to “Open”.',
      'It is final and cannot move any more.',
    ]);
  });

  it('is shown next to the card, with the API refusal beside it', async () => {
    await renderWithI18n(
      <MemoryRouter initialEntries={['/c/c1/tickets']}>
        <Routes>
          <Route
            path="/c/:consortiumId/tickets"
            element={
              <DndContext>
                <TicketCard
                  ticket={card}
                  moving={false}
                  onMove={() => undefined}
                  onDismiss={() => undefined}
                  refusal={{
                    to: 'CLOSED',
                    lines: ['#7 cannot move from “Resolved” to “Closed”.', 'It can move only to: Reopened.'],
                    problem: {
                      code: 'CONFLICT',
                      message: 'A RESOLVED ticket cannot move to CLOSED.',
                      fields: {},
                    },
                  }}
                />
              </DndContext>
            }
          />
        </Routes>
      </MemoryRouter>,
    );
    const alerts = screen.getAllByRole('alert');
    expect(alerts[0]?.textContent).toContain('#7 cannot move from “Resolved” to “Closed”.');
    expect(alerts[0]?.textContent).toContain('It can move only to: Reopened.');
    expect(alerts[1]?.textContent).toContain('A RESOLVED ticket cannot move to CLOSED.');
    expect(screen.getByRole('button', { name: 'Drag #7 to change its status' })).toBeTruthy();
    expect(screen.getByText('Response overdue')).toBeTruthy();
  });
});

describe('the due tag', () => {
  it('marks a late response as overdue, and a far one as not', async () => {
    const now = new Date('2026-03-10T12:00:00Z');
    const { rerender, container } = await renderWithI18n(
      <DueTag
        now={now}
        ticket={{ responseDueAt: '2026-03-10T11:00:00Z', resolutionDueAt: '2026-03-12T00:00:00Z' }}
      />,
    );
    expect(container.textContent).toContain('Response overdue');
    rerender(
      <DueTag
        now={now}
        ticket={{ responseDueAt: '2026-03-20T11:00:00Z', resolutionDueAt: '2026-04-12T00:00:00Z' }}
      />,
    );
    expect(container.textContent).not.toContain('Overdue');
    expect(container.textContent).toContain('Response due in 10 days');
  });
});
