import { DEMO_CONSORTIA, DEMO_DATASETS, DEMO_ORGANIZATIONS, DEMO_PEOPLE } from '@tetrad/demo-data';
import { DemoSeeder } from '@tetrad/demo-data/seeder';
import { startTestApp, type TestApp } from '../../support/test-app';
import { createTestDatabase, usesPostgresServer, type TestDatabase } from '../../support/test-database';

const TABLES = [
  'organization',
  'invitation',
  'consortium',
  'membership',
  'scenario',
  'dataset',
  'kpi_report',
  'milestone',
  'milestone_acceptance',
  'audit_entry',
] as const;

/** What the demo seed writes, exactly once. */
const SEEDED = {
  organization: DEMO_ORGANIZATIONS.length,
  invitation: DEMO_PEOPLE.filter((person) => person.organization).length,
  consortium: DEMO_CONSORTIA.length,
  membership: DEMO_CONSORTIA.reduce((sum, consortium) => sum + consortium.members.length, 0),
  scenario: 1,
  dataset: DEMO_DATASETS.length,
  kpi_report: 1,
  milestone: 1,
};

async function counts(t: TestApp): Promise<Record<(typeof TABLES)[number], number>> {
  const [row] = await t.dataSource.query<Record<string, number>[]>(
    `SELECT ${TABLES.map((table) => `(SELECT count(*)::int FROM "${table}") AS "${table}"`).join(', ')}`,
  );
  return row as Record<(typeof TABLES)[number], number>;
}

describe('demo seeding at boot', () => {
  it('seeds the demo data once, and finds it in place when it runs again', async () => {
    const t = await startTestApp();
    try {
      const seeded = await counts(t);
      expect(seeded).toMatchObject(SEEDED);
      await t.app.get(DemoSeeder).seed();
      expect(await counts(t)).toEqual(seeded);
    } finally {
      await t.close();
    }
  });

  // Two instances share a database only on a PostgreSQL server; the embedded one belongs to one process.
  (usesPostgresServer ? it : it.skip)(
    'lets two instances started together on one fresh database both come up, seeding once',
    async () => {
      const database: TestDatabase = await createTestDatabase();
      const started = await Promise.allSettled([
        startTestApp({}, { database }),
        startTestApp({}, { database }),
      ]);
      const instances = started.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
      try {
        expect(started.filter((result) => result.status === 'rejected')).toEqual([]);
        expect(await counts(instances[0]!)).toMatchObject(SEEDED);
        const seeds = await instances[0]!.dataSource.query<{ action: string; n: number }[]>(
          `SELECT action, count(*)::int AS n FROM audit_entry GROUP BY action ORDER BY action`,
        );
        expect(seeds).toEqual([
          { action: 'consortium.seed', n: SEEDED.consortium },
          { action: 'dataset.seed', n: SEEDED.dataset },
          { action: 'invitation.seed', n: SEEDED.invitation },
          { action: 'kpiReport.seed', n: 1 },
          { action: 'milestone.seed', n: 1 },
          { action: 'organization.create', n: SEEDED.organization },
          { action: 'scenario.seed', n: 1 },
        ]);
        const health = await instances[1]!.app.inject({ method: 'GET', url: '/health/ready' });
        expect(health.statusCode).toBe(200);
      } finally {
        await Promise.all(instances.map((instance) => instance.close()));
        await database.drop();
      }
    },
  );
});
