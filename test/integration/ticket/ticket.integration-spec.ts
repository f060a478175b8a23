import { DEMO_CONSORTIA, DEMO_PLATFORM_ADMIN_EMAIL } from '@tetrad/demo-data';
import { consortiumIdByName, organizationIdByName } from '../../support/members';
import { startTestApp, type GraphQLClient, type TestApp } from '../../support/test-app';

const LI_WEI = 'li.wei@jiading-auto.example'; // scenario user, ORG_ADMIN
const ZHANG_MIN = 'zhang.min@jiading-auto.example'; // scenario user, ENGINEER
const CHEN_JIE = 'chen.jie@lingbu-robotics.example'; // robot maker, ORG_ADMIN
const ZHAO_LEI = 'zhao.lei@harmonic-drives.example'; // supplier
const HUANG_MEI = 'huang.mei@pearl-care.example'; // another consortium

const TICKET_FIELDS =
  'id number status category severity labels overdue commentCount responseDueAt resolutionDueAt respondedAt resolvedAt';
const RAISE = `mutation R($input: RaiseTicketInput!) { raiseTicket(input: $input) { ${TICKET_FIELDS} } }`;
const MOVE = `mutation M($id: UUID!, $to: TicketStatus!) { transitionTicket(id: $id, to: $to) { id status resolvedAt } }`;
const COMMENT = `mutation C($id: UUID!, $body: String!) { commentOnTicket(ticketId: $id, input: { body: $body }) { id body } }`;
const LIST = `query L($filter: TicketFilter, $first: Int, $orderBy: TicketOrder) { tickets(filter: $filter, first: $first, orderBy: $orderBy) {
  totalCount nodes { id title number severity labels commentCount raisedBy { name } scenario { name } raisedByOrganization { name } assigneeOrganization { name } } } }`;

interface TicketView {
  id: string;
  number: number;
  status: string;
  respondedAt: string | null;
  commentCount: number;
}

describe('pain-point tickets', () => {
  let t: TestApp;
  let scenarioId: string;
  let consortiumId: string;
  const as = (email: string): GraphQLClient => t.as(email);

  async function raise(email: string, input: Record<string, unknown>): Promise<TicketView> {
    const response = await as(email)<{ raiseTicket: TicketView }>(RAISE, {
      input: { scenarioId, description: 'Seen on line 3.', ...input },
    });
    if (!response.data) throw new Error(JSON.stringify(response.errors));
    return response.data.raiseTicket;
  }

  beforeAll(async () => {
    t = await startTestApp();
    consortiumId = await consortiumIdByName(t, DEMO_CONSORTIA[0]!.name);
    const scenario = await as(ZHANG_MIN)<{ createScenario: { id: string } }>(
      'mutation S($c: UUID!) { createScenario(input: { consortiumId: $c, name: "Parcel sorting line 3", sector: LOGISTICS, site: "Yangpu" }) { id } }',
      { c: consortiumId },
    );
    scenarioId = scenario.data!.createScenario.id;
    for (const name of ['gripper', 'vision', 'night-shift', 'bulk']) {
      await as(LI_WEI)(
        'mutation L($c: UUID!, $n: String!) { createTicketLabel(consortiumId: $c, name: $n) { name } }',
        { c: consortiumId, n: name },
      );
    }
  });

  afterAll(async () => {
    await t.close();
  });

  it('any member raises a ticket: numbered per consortium, OPEN, due dates from severity', async () => {
    const first = await raise(CHEN_JIE, {
      title: 'Gripper drops polybags',
      category: 'HARDWARE_PERFORMANCE',
      severity: 'CRITICAL',
      labels: ['gripper'],
    });
    const second = await raise(ZHANG_MIN, {
      title: 'Vision fails under skylight glare',
      category: 'MODEL_ALGORITHM',
      severity: 'LOW',
    });
    expect(second.number).toBe(first.number + 1);
    expect(first).toMatchObject({ status: 'OPEN', overdue: false, commentCount: 0, respondedAt: null });
    const view = first as unknown as { responseDueAt: string; resolutionDueAt: string };
    expect(new Date(view.resolutionDueAt).getTime() - new Date(view.responseDueAt).getTime()).toBe(
      20 * 3600 * 1000,
    );
  });

  it('refuses raising in a scenario of another consortium (NOT_FOUND) and bad input (BAD_USER_INPUT)', async () => {
    const outsider = await as(HUANG_MEI)(RAISE, {
      input: { scenarioId, title: 'Not mine', description: 'x' },
    });
    expect(outsider.errors?.[0]?.extensions.code).toBe('NOT_FOUND');
    const bad = await as(CHEN_JIE)(RAISE, {
      input: { scenarioId, title: 'x', description: 'x', labels: ['<script>'] },
    });
    expect(bad.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
  });

  it('answers an invalid move with the current state and the states allowed from it', async () => {
    const ticket = await raise(ZHANG_MIN, { title: 'Charging dock misaligned' });
    const response = await as(CHEN_JIE)(MOVE, { id: ticket.id, to: 'VERIFIED' });
    expect(response.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      currentStatus: 'OPEN',
      allowedStatuses: ['TRIAGED', 'CLOSED'],
    });
    expect(response.errors?.[0]?.message).toContain('From OPEN it can move to: TRIAGED, CLOSED');
  });

  it('goes OPEN → … → CLOSED; only the raising organisation verifies; reopen from RESOLVED', async () => {
    const ticket = await raise(ZHANG_MIN, { title: 'Robot stops at conveyor gap', severity: 'HIGH' });
    for (const to of ['TRIAGED', 'IN_PROGRESS', 'RESOLVED']) {
      expect(
        (await as(CHEN_JIE)<{ transitionTicket: { status: string } }>(MOVE, { id: ticket.id, to })).data
          ?.transitionTicket.status,
      ).toBe(to);
    }
    const reopened = await as(ZHANG_MIN)<{ transitionTicket: { status: string; resolvedAt: string | null } }>(
      MOVE,
      { id: ticket.id, to: 'REOPENED' },
    );
    expect(reopened.data?.transitionTicket).toEqual({ id: ticket.id, status: 'REOPENED', resolvedAt: null });
    await as(CHEN_JIE)(MOVE, { id: ticket.id, to: 'IN_PROGRESS' });
    await as(CHEN_JIE)(MOVE, { id: ticket.id, to: 'RESOLVED' });
    const byMaker = await as(CHEN_JIE)(MOVE, { id: ticket.id, to: 'VERIFIED' });
    expect(byMaker.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
    expect(
      (await as(LI_WEI)<{ transitionTicket: { status: string } }>(MOVE, { id: ticket.id, to: 'VERIFIED' }))
        .data?.transitionTicket.status,
    ).toBe('VERIFIED');
    expect(
      (await as(LI_WEI)<{ transitionTicket: { status: string } }>(MOVE, { id: ticket.id, to: 'CLOSED' })).data
        ?.transitionTicket.status,
    ).toBe('CLOSED');
    const final = await as(LI_WEI)(MOVE, { id: ticket.id, to: 'REOPENED' });
    expect(final.errors?.[0]?.message).toContain('nothing (it is final)');
  });

  it('assigns only to an active member organisation and a person of it', async () => {
    const ticket = await raise(ZHANG_MIN, { title: 'Joint overheating after 4 h' });
    const ASSIGN =
      'mutation A($id: UUID!, $o: UUID!, $u: UUID) { assignTicket(id: $id, input: { organizationId: $o, userId: $u }) { assigneeOrganization { name } } }';
    const outsiderOrg = await organizationIdByName(t, 'Shenzhen Pearl River Care Homes');
    expect((await as(LI_WEI)(ASSIGN, { id: ticket.id, o: outsiderOrg })).errors?.[0]?.extensions.code).toBe(
      'BAD_USER_INPUT',
    );
    const supplier = await organizationIdByName(t, 'Suzhou Precision Harmonic Drives');
    const wrongPerson = await as(LI_WEI)<{ me: { id: string } }>('{ me { id } }');
    expect(
      (await as(LI_WEI)(ASSIGN, { id: ticket.id, o: supplier, u: wrongPerson.data!.me.id })).errors?.[0]
        ?.extensions.code,
    ).toBe('BAD_USER_INPUT');
    const zhao = await as(ZHAO_LEI)<{ me: { id: string } }>('{ me { id } }');
    const assigned = await as(LI_WEI)<{ assignTicket: { assigneeOrganization: { name: string } } }>(ASSIGN, {
      id: ticket.id,
      o: supplier,
      u: zhao.data!.me.id,
    });
    expect(assigned.data?.assignTicket.assigneeOrganization.name).toBe('Suzhou Precision Harmonic Drives');
  });

  it("comments: another organisation's comment is the response; authors edit and delete their own, history kept", async () => {
    const ticket = await raise(ZHANG_MIN, { title: 'Tactile sensor drifts' });
    const comment = await as(ZHAO_LEI)<{ commentOnTicket: { id: string } }>(COMMENT, {
      id: ticket.id,
      body: 'We see **thermal drift** on batch 7.',
    });
    const after = await as(ZHANG_MIN)<{ ticket: TicketView }>(
      'query T($id: UUID!) { ticket(id: $id) { respondedAt commentCount } }',
      { id: ticket.id },
    );
    expect(after.data?.ticket.respondedAt).toEqual(expect.any(String));
    expect(after.data?.ticket.commentCount).toBe(1);
    const EDIT =
      'mutation E($id: UUID!, $body: String!) { editTicketComment(id: $id, input: { body: $body }) { body editedAt } }';
    expect(
      (await as(ZHANG_MIN)(EDIT, { id: comment.data!.commentOnTicket.id, body: 'hijack' })).errors?.[0]
        ?.extensions.code,
    ).toBe('FORBIDDEN');
    const edited = await as(ZHAO_LEI)<{ editTicketComment: { body: string } }>(EDIT, {
      id: comment.data!.commentOnTicket.id,
      body: 'Thermal drift on batches 7 and 8.',
    });
    expect(edited.data?.editTicketComment.body).toBe('Thermal drift on batches 7 and 8.');
    await as(ZHAO_LEI)('mutation D($id: UUID!) { deleteTicketComment(id: $id) { id } }', {
      id: comment.data!.commentOnTicket.id,
    });
    const [row] = await t.dataSource.query<{ body: string; history: { body: string }[] }[]>(
      'SELECT body, history FROM ticket_comment WHERE id = $1',
      [comment.data!.commentOnTicket.id],
    );
    expect(row!.body).toBe('');
    expect(row!.history.map((entry) => entry.body)).toEqual([
      'We see **thermal drift** on batch 7.',
      'Thermal drift on batches 7 and 8.',
    ]);
  });

  it('finds work with filters and full-text search over titles, descriptions and comments', async () => {
    const glare = await raise(ZHANG_MIN, {
      title: 'Barcode unreadable',
      description: 'Shrink wrap reflections',
      category: 'DATA',
      severity: 'HIGH',
      labels: ['vision', 'night-shift'],
    });
    await as(CHEN_JIE)(COMMENT, { id: glare.id, body: 'Polarising filter might help' });
    const list = async (filter: Record<string, unknown>, orderBy?: string) =>
      (
        await as(ZHAO_LEI)<{ tickets: { totalCount: number; nodes: { id: string; severity: string }[] } }>(
          LIST,
          { filter, first: 100, orderBy },
        )
      ).data!.tickets;
    expect((await list({ search: 'reflections' })).nodes.map((n) => n.id)).toEqual([glare.id]);
    expect((await list({ search: 'polarising' })).nodes.map((n) => n.id)).toEqual([glare.id]);
    expect((await list({ label: 'night-shift', categories: ['DATA'] })).nodes.map((n) => n.id)).toEqual([
      glare.id,
    ]);
    const bySeverity = await list({ consortiumId }, 'SEVERITY_DESC');
    const ranks = bySeverity.nodes.map((n) => ['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'].indexOf(n.severity));
    expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
    const counts = await as(ZHAO_LEI)<{ ticketCounts: { status: string; count: number }[] }>(
      'query C($f: TicketFilter) { ticketCounts(filter: $f) { status count } }',
      {
        f: { consortiumId },
      },
    );
    expect(counts.data!.ticketCounts.reduce((sum, c) => sum + c.count, 0)).toBe(bySeverity.totalCount);
  });

  it('lists pages of 5 and 50 tickets with raiser, scenario, organisations, labels and comment counts in the same number of statements', async () => {
    for (let i = 0; i < 50; i += 1)
      await raise(i % 2 ? CHEN_JIE : ZHANG_MIN, { title: `Bulk ticket ${i}`, labels: ['bulk'] });
    const statements = async (first: number) => {
      const before = t.sqlStatements();
      const response = await as(ZHAO_LEI)<{ tickets: { nodes: unknown[] } }>(LIST, {
        filter: { label: 'bulk' },
        first,
      });
      expect(response.data!.tickets.nodes).toHaveLength(first);
      return t.sqlStatements() - before;
    };
    await statements(5);
    expect(await statements(50)).toBe(await statements(5));
  });

  it('watchers, links and a timeline of state changes, assignments and comments', async () => {
    const ticket = await raise(ZHANG_MIN, { title: 'Arm collides with tote lid' });
    const blocker = await raise(CHEN_JIE, { title: 'Tote lid sensor missing' });
    expect(
      (
        await as(ZHAO_LEI)<{ watchTicket: boolean }>(
          'mutation W($id: UUID!) { watchTicket(id: $id, watching: true) }',
          { id: ticket.id },
        )
      ).data?.watchTicket,
    ).toBe(true);
    const zhao = await as(ZHAO_LEI)<{ me: { id: string } }>('{ me { id } }');
    const LINK =
      'mutation L($a: UUID!, $b: UUID!, $k: TicketLinkKind!) { linkTickets(fromTicketId: $a, toTicketId: $b, kind: $k) { kind } }';
    expect(
      (
        await as(CHEN_JIE)<{ linkTickets: { kind: string } }>(LINK, {
          a: blocker.id,
          b: ticket.id,
          k: 'BLOCKS',
        })
      ).data?.linkTickets.kind,
    ).toBe('BLOCKS');
    expect(
      (await as(CHEN_JIE)(LINK, { a: ticket.id, b: ticket.id, k: 'RELATES_TO' })).errors?.[0]?.extensions
        .code,
    ).toBe('BAD_USER_INPUT');
    await as(CHEN_JIE)(MOVE, { id: ticket.id, to: 'TRIAGED' });
    await as(CHEN_JIE)(COMMENT, { id: ticket.id, body: 'Looking at the lid detection.' });
    const view = await as(ZHANG_MIN)<{
      ticket: {
        watcherIds: string[];
        links: { fromTicketId: string; kind: string }[];
        timeline: { nodes: { action: string }[] };
      };
    }>(
      'query T($id: UUID!) { ticket(id: $id) { watcherIds links { fromTicketId kind } timeline(first: 10) { nodes { action } } } }',
      { id: ticket.id },
    );
    expect(view.data?.ticket.watcherIds).toEqual([zhao.data!.me.id]);
    expect(view.data?.ticket.links).toEqual([{ fromTicketId: blocker.id, kind: 'BLOCKS' }]);
    expect(view.data?.ticket.timeline.nodes.map((node) => node.action)).toEqual([
      'ticket.comment.add',
      'ticket.transition',
      'ticket.watch',
      'ticket.raise',
    ]);
    await as(ZHAO_LEI)('mutation W($id: UUID!) { watchTicket(id: $id, watching: false) }', { id: ticket.id });
    const after = await as(ZHANG_MIN)<{ ticket: { watcherIds: string[] } }>(
      'query T($id: UUID!) { ticket(id: $id) { watcherIds } }',
      { id: ticket.id },
    );
    expect(after.data?.ticket.watcherIds).toEqual([]);
  });

  it('service levels are configurable per consortium, and breaches are counted per assignee organisation', async () => {
    const SET = `mutation S($c: UUID!, $r: Int!, $x: Int!) { setTicketServiceLevel(consortiumId: $c, severity: CRITICAL, responseHours: $r, resolutionHours: $x) { responseHours resolutionHours } }`;
    expect((await as(ZHANG_MIN)(SET, { c: consortiumId, r: 1, x: 2 })).errors?.[0]?.extensions.code).toBe(
      'FORBIDDEN',
    );
    expect((await as(HUANG_MEI)(SET, { c: consortiumId, r: 1, x: 2 })).errors?.[0]?.extensions.code).toBe(
      'NOT_FOUND',
    );
    expect((await as(LI_WEI)(SET, { c: consortiumId, r: 5, x: 2 })).errors?.[0]?.extensions.code).toBe(
      'BAD_USER_INPUT',
    );
    expect(
      (await as(LI_WEI)<{ setTicketServiceLevel: unknown }>(SET, { c: consortiumId, r: 1, x: 2 })).data
        ?.setTicketServiceLevel,
    ).toEqual({
      responseHours: 1,
      resolutionHours: 2,
    });
    const ticket = (await raise(ZHANG_MIN, {
      title: 'Emergency stop not triggered',
      severity: 'CRITICAL',
    })) as unknown as {
      id: string;
      responseDueAt: string;
      resolutionDueAt: string;
    };
    expect(new Date(ticket.resolutionDueAt).getTime() - new Date(ticket.responseDueAt).getTime()).toBe(
      3600 * 1000,
    );
    const supplier = await organizationIdByName(t, 'Suzhou Precision Harmonic Drives');
    await as(LI_WEI)(
      'mutation A($id: UUID!, $o: UUID!) { assignTicket(id: $id, input: { organizationId: $o }) { id } }',
      { id: ticket.id, o: supplier },
    );
    await t.dataSource.query(
      `UPDATE ticket SET response_due_at = now() - interval '1 hour', resolution_due_at = now() - interval '1 minute', responded_at = NULL WHERE id = $1`,
      [ticket.id],
    );
    const breaches = await as(ZHAO_LEI)<{
      ticketBreaches: { assigneeOrganizationId: string | null; overdue: number }[];
    }>('query B($c: UUID!) { ticketBreaches(consortiumId: $c) { assigneeOrganizationId overdue } }', {
      c: consortiumId,
    });
    expect(breaches.data?.ticketBreaches).toContainEqual({ assigneeOrganizationId: supplier, overdue: 1 });
    const overdueList = await as(ZHAO_LEI)<{ tickets: { nodes: { id: string }[] } }>(LIST, {
      filter: { overdue: true, consortiumId },
      first: 100,
    });
    expect(overdueList.data!.tickets.nodes.map((node) => node.id)).toEqual([ticket.id]);
  });

  it('lets one of two concurrent moves win; the other gets CONFLICT with the new state, nothing lost', async () => {
    const ticket = await raise(ZHANG_MIN, { title: 'Two people triage at once' });
    const [first, second] = await Promise.all([
      as(CHEN_JIE)<{ transitionTicket: { status: string } }>(MOVE, { id: ticket.id, to: 'TRIAGED' }),
      as(ZHAO_LEI)<{ transitionTicket: { status: string } }>(MOVE, { id: ticket.id, to: 'TRIAGED' }),
    ]);
    const outcomes = [first, second].map(
      (response) =>
        response.data?.transitionTicket.status ?? response.errors?.[0]?.extensions['currentStatus'],
    );
    expect(outcomes.sort()).toEqual(['TRIAGED', 'TRIAGED']);
    expect(
      [first, second].filter((response) => response.errors?.[0]?.extensions.code === 'CONFLICT'),
    ).toHaveLength(1);
    const [row] = await t.dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM audit_entry WHERE subject_id = $1 AND action = 'ticket.transition'`,
      [ticket.id],
    );
    expect(row!.n).toBe(1);
  });

  it('the programme office reads tickets but neither raises nor links them', async () => {
    const ticket = await raise(ZHANG_MIN, { title: 'Conveyor stops at shift change' });
    const other = await raise(CHEN_JIE, { title: 'Shift change resets the PLC' });
    const office = as(DEMO_PLATFORM_ADMIN_EMAIL);
    expect(
      (
        await office<{ ticket: { id: string } }>('query T($id: UUID!) { ticket(id: $id) { id } }', {
          id: ticket.id,
        })
      ).data?.ticket.id,
    ).toBe(ticket.id);
    const raised = await office(RAISE, { input: { scenarioId, title: 'From the office', description: 'x' } });
    expect(raised.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
    const linked = await office(
      'mutation L($a: UUID!, $b: UUID!) { linkTickets(fromTicketId: $a, toTicketId: $b, kind: RELATES_TO) { kind } }',
      { a: ticket.id, b: other.id },
    );
    expect(linked.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
    const links = await as(ZHANG_MIN)<{ ticket: { links: unknown[] } }>(
      'query T($id: UUID!) { ticket(id: $id) { links { kind } } }',
      { id: ticket.id },
    );
    expect(links.data?.ticket.links).toEqual([]);
  });

  it('shows nothing of it to another consortium', async () => {
    const ticket = await raise(ZHANG_MIN, { title: 'Private problem' });
    for (const [query, variables] of [
      ['query T($id: UUID!) { ticket(id: $id) { id } }', { id: ticket.id }],
      [MOVE, { id: ticket.id, to: 'TRIAGED' }],
      [COMMENT, { id: ticket.id, body: 'peek' }],
    ] as const) {
      expect((await as(HUANG_MEI)(query, variables)).errors?.[0]?.extensions.code).toBe('NOT_FOUND');
    }
    const theirs = await as(HUANG_MEI)<{ tickets: { totalCount: number } }>('{ tickets { totalCount } }');
    expect(theirs.data!.tickets.totalCount).toBe(0);
  });
});
