import { DEMO_CONSORTIA } from '@tetrad/demo-data';
import { consortiumIdByName, memberWithRoles, organizationIdByName } from '../../support/members';
import { usesPostgresServer } from '../../support/test-database';
import { startTestApp, type GraphQLClient, type GraphQLResponse, type TestApp } from '../../support/test-app';

/**
 * Many people edit one ticket at once, each edit made on the version they read (expectedVersion).
 * Every edit rewrites the whole label list from what its editor read: a counter label `n-<count>`
 * one higher than the one read. An edit applied on a version its editor did not read would repeat a
 * count (a lost update): the final count would fall short of the acknowledged edits. A refused
 * editor redoes its edit on the state the refusal carries.
 *
 * 50 editors each send 20 edits on a PostgreSQL server; the embedded database has one connection and
 * runs a small variant. Every edit contends with every other (one version for the whole ticket), so
 * most are refused: each refusal must carry the current state, and each acknowledged edit must be
 * kept. (Insisting until 20 edits each are acknowledged costs about 30 refusals per edit: 6,450
 * requests for 4 each took 40 s, 1,000 acknowledged 200 s; TICKET_CONCURRENCY_EDITS changes the 20.)
 */
const EDITS_EACH = Number(process.env['TICKET_CONCURRENCY_EDITS'] ?? 20);
const FULL = { editors: 50, editsEach: EDITS_EACH };
const SMALL = { editors: 5, editsEach: 4 };
/** Generous bounds for a loaded machine; nothing asserts on time. */
const TIMEOUT = 300_000;
const PARCEL_ORGANIZATIONS = [
  'Shanghai Jiading Auto Body Works',
  'Hangzhou Lingbu Robotics',
  'Suzhou Precision Harmonic Drives',
  'Beijing Institute for Embodied Intelligence',
];
const ZHANG_MIN = 'zhang.min@jiading-auto.example';
const HUANG_MEI = 'huang.mei@pearl-care.example'; // another consortium

const STATE = 'id version status severity category labels assigneeOrganizationId assigneeUserId';
const READ = `query T($id: UUID!) { ticket(id: $id) { ${STATE} } }`;
const TRIAGE = `mutation G($id: UUID!, $input: TriageTicketInput!) { triageTicket(id: $id, input: $input) { ${STATE} } }`;
const ASSIGN = `mutation A($id: UUID!, $input: AssignTicketInput!) { assignTicket(id: $id, input: $input) { ${STATE} } }`;
const MOVE = `mutation M($id: UUID!, $to: TicketStatus!, $v: Int) { transitionTicket(id: $id, to: $to, expectedVersion: $v) { ${STATE} } }`;
const LABEL = 'mutation L($c: UUID!, $n: String!) { createTicketLabel(consortiumId: $c, name: $n) { name } }';

interface TicketState {
  id: string;
  version: number;
  status: string;
  severity: string;
  category: string;
  labels: string[];
  assigneeOrganizationId: string | null;
  assigneeUserId: string | null;
}

const counterOf = (labels: readonly string[]): number => {
  const counter = labels.find((label) => label.startsWith('n-'));
  return counter ? Number(counter.slice(2)) : 0;
};

describe.each([
  ['the configured database', false],
  ['the embedded database', true],
])('concurrent edits of one ticket on %s', (_database, embedded) => {
  const scale = usesPostgresServer && !embedded ? FULL : SMALL;
  const total = scale.editors * scale.editsEach;
  let t: TestApp;
  let consortiumId: string;
  let scenarioId: string;
  let editors: GraphQLClient[];
  let organizationIds: string[];

  const data = <T>(response: GraphQLResponse<T>): T => {
    if (!response.data) throw new Error(JSON.stringify(response.errors));
    return response.data;
  };
  const raise = async (title: string): Promise<TicketState> =>
    data(
      await t.as(ZHANG_MIN)<{ raiseTicket: TicketState }>(
        `mutation R($input: RaiseTicketInput!) { raiseTicket(input: $input) { ${STATE} } }`,
        { input: { scenarioId, title, description: 'Edited by many at once.' } },
      ),
    ).raiseTicket;
  const auditOf = (ticketId: string, action: string) =>
    t.dataSource.query<{ before: TicketState; after: TicketState }[]>(
      `SELECT before, after FROM audit_entry WHERE subject_id = $1 AND action = $2 ORDER BY seq`,
      [ticketId, action],
    );

  beforeAll(async () => {
    t = await startTestApp({}, { embedded });
    consortiumId = await consortiumIdByName(t, DEMO_CONSORTIA[0]!.name);
    organizationIds = await Promise.all(PARCEL_ORGANIZATIONS.map((name) => organizationIdByName(t, name)));
    editors = [];
    for (let index = 0; index < scale.editors; index += 1) {
      const organizationId = organizationIds[index % organizationIds.length]!;
      const { token } = await memberWithRoles(t, organizationId, ['ENGINEER'], `editor-${index}`);
      editors.push((query, variables) => t.graphql(query, variables, { bearer: token }));
    }
    scenarioId = data(
      await t.as(ZHANG_MIN)<{ createScenario: { id: string } }>(
        'mutation S($c: UUID!) { createScenario(input: { consortiumId: $c, name: "Parcel sorting line 9", sector: LOGISTICS, site: "Minhang" }) { id } }',
        { c: consortiumId },
      ),
    ).createScenario.id;
    // The counter labels n-1 … n-<total> and one label per editor, defined by the editors themselves.
    await Promise.all(
      editors.map(async (editor, index) => {
        const names = [`e-${index}`];
        for (let count = index + 1; count <= total; count += scale.editors) names.push(`n-${count}`);
        for (const name of names) data(await editor(LABEL, { c: consortiumId, n: name }));
      }),
    );
  }, TIMEOUT);

  afterAll(async () => {
    await t?.close();
  });

  it(
    `${scale.editors} editors × ${scale.editsEach} edits sent at once, each on the version its editor read: every acknowledged edit kept, every loser told the current state`,
    async () => {
      const ticket = await raise('Counted by everyone at once');
      expect(ticket.version).toBe(1);
      const acknowledged: TicketState[] = [];
      const refusals: { expected: number; current: TicketState; currentVersion: number }[] = [];
      const unexpected: unknown[] = [];

      await Promise.all(
        editors.map(async (editor) => {
          let seen = data(await editor<{ ticket: TicketState }>(READ, { id: ticket.id })).ticket;
          let retries = 0;
          for (let attempt = 0; attempt < scale.editsEach; attempt += 1) {
            const response = await editor<{ triageTicket: TicketState }>(TRIAGE, {
              id: ticket.id,
              input: { expectedVersion: seen.version, labels: [`n-${counterOf(seen.labels) + 1}`] },
            });
            if (response.data) {
              acknowledged.push(response.data.triageTicket);
              seen = response.data.triageTicket;
              continue;
            }
            const error = response.errors?.[0];
            // An overloaded server may say "retry" (no pooled connection came free in time); nothing
            // was changed, so the editor sends the same edit again, as a client should (not counted
            // as another edit; a few times at most).
            const retryable =
              error?.extensions['retryable'] === true && error.extensions['outcome'] !== 'UNKNOWN';
            if (retryable && retries < 20) {
              retries += 1;
              attempt -= 1;
              continue;
            }
            if (error?.extensions.code !== 'CONFLICT') {
              unexpected.push(response.errors);
              return;
            }
            const current = error.extensions['current'] as TicketState;
            refusals.push({
              expected: seen.version,
              current,
              currentVersion: error.extensions['currentVersion'] as number,
            });
            expect(error.message).toContain('changed by someone else since you read it');
            // Redo the edit on the state the refusal carries, without reading again.
            seen = { ...seen, ...current };
          }
        }),
      );

      expect(unexpected).toEqual([]);
      // Every edit sent was answered: acknowledged, or refused with the current state.
      expect(acknowledged.length + refusals.length).toBe(total);
      const made = acknowledged.length;
      expect(made).toBeGreaterThan(0);
      // Each acknowledged edit made exactly one new version, none twice.
      expect(acknowledged.map((state) => state.version).sort((a, b) => a - b)).toEqual(
        Array.from({ length: made }, (_, index) => index + 2),
      );
      // No lost update: each edit counted one on from the edit before it.
      for (const state of acknowledged) expect(state.labels).toEqual([`n-${state.version - 1}`]);
      const final = data(await editors[0]!<{ ticket: TicketState }>(READ, { id: ticket.id })).ticket;
      expect(final).toMatchObject({ version: made + 1, labels: [`n-${made}`] });
      // Every refusal names a newer version than the one edited, with that version's state.
      for (const refusal of refusals) {
        expect(refusal.currentVersion).toBeGreaterThan(refusal.expected);
        expect(refusal.current).toMatchObject({
          version: refusal.currentVersion,
          labels: [`n-${refusal.currentVersion - 1}`],
          status: 'OPEN',
          severity: 'MEDIUM',
          category: 'OTHER',
          assigneeOrganizationId: null,
          assigneeUserId: null,
        });
      }
      // The audit trail holds one entry per acknowledged edit, each from the version before it.
      const entries = await auditOf(ticket.id, 'ticket.triage');
      expect(entries).toHaveLength(made);
      for (const entry of entries) {
        expect(entry.after.version).toBe(entry.before.version + 1);
        expect(entry.after.labels).toEqual([`n-${entry.after.version - 1}`]);
      }
      console.log(`ticket: ${made} edits acknowledged, ${refusals.length} refused with CONFLICT`);
    },
    TIMEOUT,
  );

  it('merges label additions sent at once without a version: every editor’s label stays', async () => {
    const ticket = await raise('Labelled by everyone at once');
    const responses = await Promise.all(
      editors.map((editor, index) => editor(TRIAGE, { id: ticket.id, input: { addLabels: [`e-${index}`] } })),
    );
    expect(responses.filter((response) => response.errors)).toEqual([]);
    const final = data(await editors[0]!<{ ticket: TicketState }>(READ, { id: ticket.id })).ticket;
    expect([...final.labels].sort()).toEqual(editors.map((_, index) => `e-${index}`).sort());
    expect(final.version).toBe(editors.length + 1);
    // Removals merge the same way.
    const removed = await Promise.all(
      editors
        .filter((_, index) => index % 2 === 0)
        .map((editor, half) => editor(TRIAGE, { id: ticket.id, input: { removeLabels: [`e-${half * 2}`] } })),
    );
    expect(removed.filter((response) => response.errors)).toEqual([]);
    const after = data(await editors[0]!<{ ticket: TicketState }>(READ, { id: ticket.id })).ticket;
    expect([...after.labels].sort()).toEqual(
      editors.flatMap((_, index) => (index % 2 === 1 ? [`e-${index}`] : [])).sort(),
    );
    const both = await editors[0]!(TRIAGE, {
      id: ticket.id,
      input: { labels: ['e-1'], addLabels: ['e-2'] },
    });
    expect(both.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
  });

  it('refuses a stale assignment or move with the current state and changes nothing; without a version the last edit wins', async () => {
    const ticket = await raise('Assigned and moved on stale reads');
    const [first, second] = [editors[0]!, editors[1]!];
    const assigned = data(
      await first<{ assignTicket: TicketState }>(ASSIGN, {
        id: ticket.id,
        input: { organizationId: organizationIds[1], expectedVersion: 1 },
      }),
    ).assignTicket;
    expect(assigned).toMatchObject({ version: 2, assigneeOrganizationId: organizationIds[1] });

    const staleAssign = await second(ASSIGN, {
      id: ticket.id,
      input: { organizationId: organizationIds[2], expectedVersion: 1 },
    });
    const staleMove = await second(MOVE, { id: ticket.id, to: 'TRIAGED', v: 1 });
    for (const refused of [staleAssign, staleMove]) {
      expect(refused.errors?.[0]?.extensions).toMatchObject({
        code: 'CONFLICT',
        expectedVersion: 1,
        currentVersion: 2,
        current: { version: 2, status: 'OPEN', assigneeOrganizationId: organizationIds[1], labels: [] },
      });
      expect(refused.errors?.[0]?.message).toMatch(
        /^Ticket #\d+ was changed by someone else since you read it/,
      );
    }
    expect(data(await first<{ ticket: TicketState }>(READ, { id: ticket.id })).ticket).toMatchObject({
      version: 2,
      status: 'OPEN',
      assigneeOrganizationId: organizationIds[1],
    });

    const moved = data(
      await second<{ transitionTicket: TicketState }>(MOVE, { id: ticket.id, to: 'TRIAGED', v: 2 }),
    ).transitionTicket;
    expect(moved).toMatchObject({ version: 3, status: 'TRIAGED' });
    // Without expectedVersion, as before: the edit applies to whatever the ticket is now.
    const lastWins = data(
      await second<{ assignTicket: TicketState }>(ASSIGN, {
        id: ticket.id,
        input: { organizationId: organizationIds[2] },
      }),
    ).assignTicket;
    expect(lastWins).toMatchObject({ version: 4, assigneeOrganizationId: organizationIds[2] });
    // Another consortium learns nothing, not even the version.
    const foreign = await t.as(HUANG_MEI)(MOVE, { id: ticket.id, to: 'IN_PROGRESS', v: 1 });
    expect(foreign.errors?.[0]?.extensions.code).toBe('NOT_FOUND');
    expect(foreign.errors?.[0]?.extensions).not.toHaveProperty('current');
  });
});
