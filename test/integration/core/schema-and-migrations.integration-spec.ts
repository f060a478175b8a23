import { readFileSync } from 'node:fs';
import { renderSchema, schemaFilePath } from '../../../apps/api/src/schema-file';
import { startTestApp, type TestApp } from '../../support/test-app';

describe('schema.graphql and migrations', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  it('schema.graphql is what the resolvers generate (run `npm run schema` when this fails)', () => {
    expect(readFileSync(schemaFilePath(), 'utf8')).toBe(renderSchema(t.app));
  });

  it('migrations leave nothing for the entities to change', async () => {
    const pending = await t.dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((query) => query.query)).toEqual([]);
  });

  it('every migration can be undone and applied again', async () => {
    const applied = t.dataSource.migrations.length;
    for (let index = 0; index < applied; index += 1) await t.dataSource.undoLastMigration();
    const [row] = await t.dataSource.query<{ exists: boolean }[]>(
      `SELECT to_regclass('public.organization') IS NOT NULL AS "exists"`,
    );
    expect(row?.exists).toBe(false);
    const reapplied = await t.dataSource.runMigrations({ transaction: 'each' });
    expect(reapplied).toHaveLength(applied);
    expect(await t.dataSource.showMigrations()).toBe(false);
  });
});
