import { DEMO_CONSORTIA } from '@tetrad/demo-data';
import { consortiumIdByName } from '../../support/members';
import { startTestApp, type TestApp } from '../../support/test-app';

const ZHANG_MIN = 'zhang.min@jiading-auto.example'; // scenario user, raises
const CHEN_JIE = 'chen.jie@lingbu-robotics.example'; // robot maker

const MOVES = `query Q($id: UUID!) { ticket(id: $id) { status allowedTransitions } }`;

describe('ticket fields the web board needs', () => {
  let t: TestApp;
  let ticketId: string;

  beforeAll(async () => {
    t = await startTestApp();
    const consortiumId = await consortiumIdByName(t, DEMO_CONSORTIA[0]!.name);
    const scenario = await t.as(ZHANG_MIN)<{ createScenario: { id: string } }>(
      'mutation S($c: UUID!) { createScenario(input: { consortiumId: $c, name: "Line 4", sector: LOGISTICS, site: "Jiading" }) { id } }',
      { c: consortiumId },
    );
    const raised = await t.as(ZHANG_MIN)<{ raiseTicket: { id: string } }>(
      'mutation R($s: UUID!) { raiseTicket(input: { scenarioId: $s, title: "Arm jitters", description: "x" }) { id } }',
      { s: scenario.data!.createScenario.id },
    );
    ticketId = raised.data!.raiseTicket.id;
  });

  afterAll(async () => {
    await t.close();
  });

  it('lists the moves the caller may make: verification only for the raising organisation', async () => {
    const open = await t.as(CHEN_JIE)<{ ticket: { allowedTransitions: string[] } }>(MOVES, { id: ticketId });
    expect(open.data?.ticket.allowedTransitions).toEqual(['TRIAGED', 'CLOSED']);
    const move =
      'mutation M($id: UUID!, $to: TicketStatus!) { transitionTicket(id: $id, to: $to) { status } }';
    for (const to of ['TRIAGED', 'IN_PROGRESS', 'RESOLVED']) await t.as(CHEN_JIE)(move, { id: ticketId, to });
    const maker = await t.as(CHEN_JIE)<{ ticket: { allowedTransitions: string[] } }>(MOVES, { id: ticketId });
    expect(maker.data?.ticket.allowedTransitions).toEqual(['REOPENED']);
    const raiser = await t.as(ZHANG_MIN)<{ ticket: { allowedTransitions: string[] } }>(MOVES, {
      id: ticketId,
    });
    expect(raiser.data?.ticket.allowedTransitions).toEqual(['VERIFIED', 'REOPENED']);
  });

  it("names a comment's author", async () => {
    const added = await t.as(CHEN_JIE)<{ commentOnTicket: { author: { email: string } | null } }>(
      'mutation C($id: UUID!) { commentOnTicket(ticketId: $id, input: { body: "Looking" }) { author { email } } }',
      { id: ticketId },
    );
    expect(added.data?.commentOnTicket.author?.email).toBe(CHEN_JIE);
  });
});
