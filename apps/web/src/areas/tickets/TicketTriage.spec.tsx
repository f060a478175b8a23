import { fireEvent, screen } from '@testing-library/react';
import { App } from 'antd';
import type { DocumentNode, OperationDefinitionNode } from 'graphql';
import { MemoryRouter, Route, Routes } from 'react-router';
import { Client, makeResult, Provider, type Exchange, type Operation } from 'urql';
import { filter, map, pipe } from 'wonka';
import { renderWithI18n } from '../../../test/render';
import { SessionGate } from '../../auth/session';
import { TicketTriage } from './TicketTriage';

const ME = {
  __typename: 'User',
  id: 'u1',
  name: 'Chen Jie',
  email: 'chen.jie@lingbu-robotics.example',
  roles: ['ENGINEER'],
  platformAdmin: false,
  organization: { __typename: 'Organization', id: 'org-a', name: 'Lingbu', kind: 'ROBOT_MAKER' },
  consortia: { __typename: 'ConsortiumConnection', nodes: [] },
};
const OPTIONS = {
  scenarios: { __typename: 'ScenarioConnection', nodes: [] },
  ticketLabels: [
    { __typename: 'TicketLabel', name: 'gripper' },
    { __typename: 'TicketLabel', name: 'vision' },
  ],
  memberships: {
    __typename: 'MembershipConnection',
    nodes: [
      {
        __typename: 'Membership',
        id: 'm1',
        organization: { __typename: 'Organization', id: 'org-b', name: 'Jiading' },
      },
    ],
  },
};
/** The ticket as someone else left it after the forms were filled (version 5). */
const CURRENT = {
  version: 5,
  status: 'TRIAGED',
  severity: 'CRITICAL',
  category: 'SAFETY',
  labels: ['vision'],
  assigneeOrganizationId: 'org-b',
  assigneeUserId: null,
};

const nameOf = (query: DocumentNode): string | undefined =>
  (query.definitions[0] as OperationDefinitionNode).name?.value;

/** Answers each operation by name; the first triage is refused because the ticket moved on. */
function fakeApi() {
  const triages: Record<string, unknown>[] = [];
  const answer = (operation: Operation) => {
    switch (nameOf(operation.query)) {
      case 'Session':
        return makeResult(operation, { data: { me: ME } });
      case 'TicketsOptions':
        return makeResult(operation, { data: OPTIONS });
      case 'TicketsPeople':
        return makeResult(operation, { data: { users: { __typename: 'UserConnection', nodes: [] } } });
      case 'TicketsTriage': {
        const input = (operation.variables as { input: Record<string, unknown> }).input;
        triages.push(input);
        if (triages.length === 1) {
          return makeResult(operation, {
            data: null,
            errors: [
              {
                message:
                  'Ticket #7 was changed by someone else since you read it (you read version 3, it is now at version 5).',
                extensions: { code: 'CONFLICT', expectedVersion: 3, currentVersion: 5, current: CURRENT },
              },
            ],
          });
        }
        return makeResult(operation, {
          data: {
            triageTicket: {
              __typename: 'PainPointTicket',
              id: 't1',
              version: 6,
              severity: input['severity'],
              category: input['category'],
              labels: input['labels'],
              responseDueAt: '2026-12-04T00:00:00.000Z',
              resolutionDueAt: '2026-12-05T00:00:00.000Z',
            },
          },
        });
      }
      default:
        return makeResult(operation, { data: null, errors: [{ message: 'not in this test' }] });
    }
  };
  const exchange: Exchange = () => (operations$) =>
    pipe(
      operations$,
      filter((operation) => operation.kind !== 'teardown'),
      map(answer),
    );
  return { client: new Client({ url: 'http://localhost/graphql', exchanges: [exchange] }), triages };
}

describe('TicketTriage', () => {
  it('sends the version it was filled from; refused, it shows the ticket as it is now and saves on that version', async () => {
    const { client, triages } = fakeApi();
    await renderWithI18n(
      <Provider value={client}>
        <App>
          <SessionGate>
            <MemoryRouter initialEntries={['/c/c1/tickets/t1']}>
              <Routes>
                <Route
                  path="/c/:consortiumId/tickets/:id"
                  element={
                    <TicketTriage
                      ticket={{
                        id: 't1',
                        version: 3,
                        severity: 'LOW',
                        category: 'OTHER',
                        labels: ['gripper'],
                        assigneeOrganizationId: null,
                        assigneeUserId: null,
                      }}
                    />
                  }
                />
              </Routes>
            </MemoryRouter>
          </SessionGate>
        </App>
      </Provider>,
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Save triage' }));
    await screen.findByText(/changed by someone else since you read it/);
    expect(triages[0]).toMatchObject({ expectedVersion: 3, severity: 'LOW', labels: ['gripper'] });
    // The forms now hold what the ticket says at version 5.
    await screen.findByText('Critical');
    expect(screen.getByText('Safety')).toBeTruthy();
    expect(screen.getByText('vision')).toBeTruthy();
    expect(screen.queryByText('gripper', { selector: '.ant-select-selection-item-content' })).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Save triage' }));
    await screen.findByText('Triage saved');
    expect(triages).toHaveLength(2);
    expect(triages[1]).toEqual({
      expectedVersion: 5,
      severity: 'CRITICAL',
      category: 'SAFETY',
      labels: ['vision'],
    });
  });
});
