import fc from 'fast-check';
import { DEMO_CONSORTIA } from '@tetrad/demo-data';
import { consortiumIdByName, organizationIdByName } from '../../support/members';
import { startTestApp, type TestApp } from '../../support/test-app';

/**
 * "No party is ever charged or rewarded by terms it did not accept" (DOMAIN.md), as a property over
 * random proposers, splits, funders, beneficiaries, amendments and acceptance orders, through
 * GraphQL as the parties' own people: whatever happens, every ledger entry's payer and payee
 * accepted exactly the committed terms, and terms that were never committed write nothing.
 */
const PARTIES = [
  { kind: 'SCENARIO_USER', name: 'Shanghai Jiading Auto Body Works', admin: 'li.wei@jiading-auto.example' },
  { kind: 'ROBOT_MAKER', name: 'Hangzhou Lingbu Robotics', admin: 'chen.jie@lingbu-robotics.example' },
  { kind: 'SUPPLIER', name: 'Suzhou Precision Harmonic Drives', admin: 'zhao.lei@harmonic-drives.example' },
  {
    kind: 'RESEARCH_INSTITUTE',
    name: 'Beijing Institute for Embodied Intelligence',
    admin: 'sun.li@embodied-institute.example',
  },
] as const;
/** People who may or may not bind their organisation. */
const PEOPLE = [
  ...PARTIES.map((party) => party.admin),
  'liu.yang@lingbu-robotics.example', // robot maker: SIGNATORY
  'zhang.min@jiading-auto.example', // scenario user: ENGINEER, may not accept
];
const DAY = 86_400_000;
const at = (days: number) => new Date(Date.now() + days * DAY).toISOString();

type Step =
  { kind: 'accept'; person: number; stale: boolean } | { kind: 'amend'; person: number; pool: number };

const split = fc
  .tuple(fc.nat(4), fc.nat(4), fc.nat(4), fc.nat(4))
  .filter((weights) => weights.some((w) => w > 0))
  .map((weights) => {
    const total = weights.reduce((a, b) => a + b, 0);
    const points = weights.map((w) => Math.floor((w * 10_000) / total));
    const first = points.findIndex((p) => p > 0);
    points[first]! += 10_000 - points.reduce((a, b) => a + b, 0);
    return points;
  });
const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('accept' as const),
      person: fc.nat(PEOPLE.length - 1),
      stale: fc.boolean(),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('amend' as const),
      person: fc.nat(3),
      pool: fc.integer({ min: 1, max: 5_000_000 }),
    }),
  },
);

describe('milestone consent (property)', () => {
  let t: TestApp;
  let scenarioId: string;
  const org: string[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    for (const party of PARTIES) org.push(await organizationIdByName(t, party.name));
    const consortiumId = await consortiumIdByName(t, DEMO_CONSORTIA[0]!.name);
    const scenario = await t.as(PARTIES[0].admin)<{ createScenario: { id: string } }>(
      `mutation S($c: UUID!) { createScenario(input: { consortiumId: $c, name: "Consent property line", sector: LOGISTICS, site: "Hub 9", unitsDeployed: 3,
        kpis: [{ key: "throughput", name: "Parcels a minute", unit: "parcels/min", direction: HIGHER_IS_BETTER, humanBaseline: 30 }] }) { id } }`,
      { c: consortiumId },
    );
    scenarioId = scenario.data!.createScenario.id;
    // One verified report, 20.8 parcels a minute, that every milestone's window will contain.
    const report = await t.as('zhang.min@jiading-auto.example')<{ submitKpiReport: { id: string } }>(
      `mutation R($s: UUID!, $from: DateTime!, $to: DateTime!) { submitKpiReport(input: { scenarioId: $s, periodStart: $from, periodEnd: $to,
        unitsProcessed: 249600, operatingHours: 200, robotsInService: 3, interventions: 10, values: [{ kpiKey: "throughput", value: 20.8 }] }) { id } }`,
      { s: scenarioId, from: at(-50), to: at(-40) },
    );
    if (!report.data) throw new Error(JSON.stringify(report.errors));
    await t.as(PARTIES[1].admin)('mutation V($id: UUID!) { verifyKpiReport(id: $id) { status } }', {
      id: report.data.submitKpiReport.id,
    });
    // Submitted long before any of the milestones below falls due.
    await t.dataSource.query(`UPDATE kpi_report SET created_at = now() - interval '30 days' WHERE id = $1`, [
      report.data.submitKpiReport.id,
    ]);
  });

  afterAll(async () => {
    await t.close();
  });

  it('never names in the ledger a party that did not accept the committed terms', async () => {
    const seen = { committed: 0, uncommitted: 0 };
    await fc.assert(
      fc.asyncProperty(
        fc.nat(3),
        split,
        fc.nat(3),
        fc.nat(3),
        fc.integer({ min: 15, max: 26 }),
        fc.array(step, { minLength: 0, maxLength: 8 }),
        fc.boolean(),
        async (proposer, points, funder, beneficiary, target, steps, everyoneAtTheEnd) => {
          const created = await t.as(PARTIES[proposer]!.admin)<{
            createMilestone: { id: string; termsHash: string };
          }>(
            `mutation C($input: CreateMilestoneInput!) { createMilestone(input: $input) { id termsHash } }`,
            {
              input: {
                scenarioId,
                name: 'Consent property',
                targets: [{ kpiKey: 'throughput', comparator: 'GTE', value: target }],
                windowStart: at(1),
                windowEnd: at(20),
                dueAt: at(20),
                rewardPoolMinor: 1_000_000,
                riskAmountMinor: 700_000,
                shares: org.map((organizationId, index) => ({ organizationId, basisPoints: points[index]! })),
                rewardFunderOrganizationId: org[funder],
                riskBeneficiaryOrganizationId: org[beneficiary],
              },
            },
          );
          if (!created.data) throw new Error(JSON.stringify(created.errors));
          const id = created.data.createMilestone.id;
          let previousHash = created.data.createMilestone.termsHash;
          for (const next of steps) {
            const current = await t.as(PARTIES[0].admin)<{
              milestone: { termsHash: string; status: string };
            }>('query M($id: UUID!) { milestone(id: $id) { termsHash status } }', { id });
            const hash = current.data!.milestone.termsHash;
            if (next.kind === 'accept') {
              await t.as(PEOPLE[next.person]!)(
                'mutation A($m: UUID!, $h: String!) { acceptMilestoneTerms(milestoneId: $m, termsHash: $h) { status } }',
                { m: id, h: next.stale ? previousHash : hash },
              );
            } else {
              await t.as(PARTIES[next.person]!.admin)(
                `mutation M($m: UUID!, $h: String!, $p: SafeInt!) { amendMilestoneTerms(milestoneId: $m, baseTermsHash: $h, changes: { rewardPoolMinor: $p }) { termsHash } }`,
                { m: id, h: hash, p: next.pool },
              );
            }
            previousHash = hash;
          }
          if (everyoneAtTheEnd) {
            const { data } = await t.as(PARTIES[0].admin)<{ milestone: { termsHash: string } }>(
              'query M($id: UUID!) { milestone(id: $id) { termsHash } }',
              { id },
            );
            await Promise.all(
              PARTIES.map((party) =>
                t.as(party.admin)(
                  'mutation A($m: UUID!, $h: String!) { acceptMilestoneTerms(milestoneId: $m, termsHash: $h) { status } }',
                  { m: id, h: data!.milestone.termsHash },
                ),
              ),
            );
          }
          // Time passes: the window opens (a day after any commitment) and the due date goes by.
          await t.dataSource.query(
            `UPDATE milestone SET committed_at = committed_at - interval '70 days', window_start = now() - interval '60 days',
                    window_end = now() - interval '2 days', due_at = now() - interval '1 day' WHERE id = $1`,
            [id],
          );
          await t.as(PARTIES[3].admin)('mutation E($id: UUID!) { evaluateMilestone(id: $id) { status } }', {
            id,
          });

          const [state] = await t.dataSource.query<{ status: string; hash: string | null }[]>(
            'SELECT status::text AS status, committed_terms_hash AS hash FROM milestone WHERE id = $1',
            [id],
          );
          const entries = await t.dataSource.query<{ payer: string; payee: string; kind: string }[]>(
            `SELECT payer_organization_id AS payer, payee_organization_id AS payee, kind::text AS kind
               FROM ledger_entry WHERE milestone_id = $1`,
            [id],
          );
          if (state!.hash === null) {
            seen.uncommitted += 1;
            expect(state!.status).toBe('PROPOSED');
            expect(entries).toEqual([]);
            return;
          }
          const accepted = await t.dataSource.query<{ organization_id: string }[]>(
            'SELECT organization_id FROM milestone_acceptance WHERE milestone_id = $1 AND terms_hash = $2',
            [id, state!.hash],
          );
          seen.committed += 1;
          const consenting = new Set(accepted.map((row) => row.organization_id));
          expect(state!.status).toBe(target <= 20.8 ? 'ACHIEVED' : 'MISSED');
          expect(entries.length).toBeGreaterThan(0);
          for (const entry of entries) {
            expect(consenting.has(entry.payer)).toBe(true);
            expect(consenting.has(entry.payee)).toBe(true);
          }
        },
      ),
      { numRuns: 25 },
    );
    // Not vacuous: both branches were exercised (about half the runs end with every party accepting).
    expect(seen.committed).toBeGreaterThan(0);
    expect(seen.uncommitted).toBeGreaterThan(0);
  });
});
