import { DEMO_CONSORTIA } from '@tetrad/demo-data';
import { consortiumIdByName, memberWithRoles, organizationIdByName } from '../../support/members';
import { usesPostgresServer } from '../../support/test-database';
import { startTestApp, type GraphQLClient, type GraphQLResponse, type TestApp } from '../../support/test-app';

/**
 * Many legal people of both parties edit one contract draft at once, each on the version they read
 * (baseVersion). Each owns a clause and appends the number of its edit to it: edits of different
 * clauses merge onto the latest version without a conflict. Some edits also rewrite one
 * shared clause: whoever edits it on a version older than the last change of it gets CONFLICT with
 * the current value, and redoes the edit on the version the refusal names.
 *
 * At full scale (50 editors × 20 edits) on a PostgreSQL server: ~30 s on a two-core machine, with
 * ~2,500 refusals (with the shared clause in every fourth edit: ~8,600 refusals and 120 s). The
 * embedded database has one connection and runs a small variant.
 */
const FULL = { editors: 50, editsEach: 20 };
const SMALL = { editors: 5, editsEach: 4 };
/** Every tenth edit of each editor, and its last, also rewrites the shared clause. */
const SHARED_EVERY = 10;
/** Generous bounds for a loaded machine; nothing asserts on time. */
const TIMEOUT = 300_000;

const ZHANG_MIN = 'zhang.min@jiading-auto.example'; // scenario user: ENGINEER
const WANG_FANG = 'wang.fang@jiading-auto.example'; // scenario user: LEGAL (provider)
const SUN_LI = 'sun.li@embodied-institute.example'; // institute: RESEARCHER (recipient)
const PARTIES = ['Shanghai Jiading Auto Body Works', 'Beijing Institute for Embodied Intelligence'];

const EDIT = `mutation E($input: EditContractInput!) { editContract(input: $input) { number basedOn merged clauses { key text } } }`;

interface Clause {
  key: string;
  text: string;
}
interface Version {
  number: number;
  basedOn: number | null;
  merged: boolean;
  clauses: Clause[];
}
interface Conflict {
  path: string;
  kind: string;
  base: unknown;
  mine: unknown;
  theirs: unknown;
}
interface Acknowledged {
  editor: number;
  edit: number;
  version: Version;
  shared: string | null;
}

const ownKey = (editor: number): string => `editor-${editor}`;
const ownStart = (editor: number): string => `Editor ${editor} notes:`;
const sharedText = (editor: number, edit: number): string =>
  `The shared clause, last set by editor ${editor} in edit ${edit}.`;

describe.each([
  ['the configured database', false],
  ['the embedded database', true],
])('concurrent edits of one contract draft on %s', (_database, embedded) => {
  const scale = usesPostgresServer && !embedded ? FULL : SMALL;
  const total = scale.editors * scale.editsEach;
  let t: TestApp;
  let contractId: string;
  let editors: GraphQLClient[];

  const data = <T>(response: GraphQLResponse<T>): T => {
    if (!response.data) throw new Error(JSON.stringify(response.errors));
    return response.data;
  };
  const gql = async <T>(email: string, query: string, variables: Record<string, unknown>) =>
    data(await t.as(email)<T>(query, variables));

  beforeAll(async () => {
    t = await startTestApp({}, { embedded });
    const consortiumId = await consortiumIdByName(t, DEMO_CONSORTIA[0]!.name);
    const { createScenario } = await gql<{ createScenario: { id: string } }>(
      ZHANG_MIN,
      'mutation S($c: UUID!) { createScenario(input: { consortiumId: $c, name: "Busy drafting", sector: LOGISTICS, site: "Hub 8" }) { id } }',
      { c: consortiumId },
    );
    const { registerDataset } = await gql<{ registerDataset: { id: string } }>(
      WANG_FANG,
      'mutation R($input: RegisterDatasetInput!) { registerDataset(input: $input) { id } }',
      {
        input: {
          scenarioId: createScenario.id,
          name: 'busy-grasps',
          sensitivity: 'CONSORTIUM',
          modalities: ['RGB'],
          format: 'MCAP',
          robotType: 'H1',
          allowedPurposes: ['RESEARCH'],
          storageLocation: 's3://jiading/busy-grasps',
        },
      },
    );
    const { submitDataAccessRequest } = await gql<{ submitDataAccessRequest: { id: string } }>(
      SUN_LI,
      'mutation S($input: SubmitDataAccessRequestInput!) { submitDataAccessRequest(input: $input) { id } }',
      {
        input: {
          datasetIds: [registerDataset.id],
          purpose: 'RESEARCH',
          intendedOutputs: 'A grasping paper',
          durationDays: 120,
          securityMeasures: 'Encrypted lab storage',
        },
      },
    );
    const { reviewDataAccessRequest } = await gql<{ reviewDataAccessRequest: { contractId: string } }>(
      WANG_FANG,
      'mutation R($input: ReviewDataAccessRequestInput!) { reviewDataAccessRequest(input: $input) { contractId } }',
      {
        input: {
          requestId: submitDataAccessRequest.id,
          decisions: [{ datasetId: registerDataset.id, approve: true }],
        },
      },
    );
    contractId = reviewDataAccessRequest.contractId;
    // Legal people of both parties; version 2 gives each of them a clause, and adds the shared one.
    const parties = await Promise.all(PARTIES.map((name) => organizationIdByName(t, name)));
    editors = [];
    for (let index = 0; index < scale.editors; index += 1) {
      const { token } = await memberWithRoles(t, parties[index % 2]!, ['LEGAL'], `legal-${index}`);
      editors.push((query, variables) => t.graphql(query, variables, { bearer: token }));
    }
    const added = editors.map((_, index) => ({
      key: ownKey(index),
      title: `Notes of editor ${index}`,
      text: ownStart(index),
    }));
    added.push({ key: 'shared', title: 'Shared', text: 'The shared clause, as first drafted.' });
    const { editContract } = await gql<{ editContract: Version }>(WANG_FANG, EDIT, {
      input: { contractId, baseVersion: 1, changes: { clauses: { added } } },
    });
    expect(editContract.number).toBe(2);
  }, TIMEOUT);

  afterAll(async () => {
    await t?.close();
  });

  it(
    `${scale.editors} editors × ${scale.editsEach} edits: different clauses merge, the shared one conflicts with its current value, nothing is lost`,
    async () => {
      const acknowledged: Acknowledged[] = [];
      const refusals: { currentVersion: number; baseVersion: number; conflicts: Conflict[]; mine: string }[] =
        [];
      const unexpected: unknown[] = [];

      await Promise.all(
        editors.map(async (editor, index) => {
          let base = 2;
          let own = ownStart(index);
          let retries = 0;
          for (let edit = 1; edit <= scale.editsEach;) {
            const text = `${own} ${edit}`;
            const touchesShared = edit % SHARED_EVERY === 0 || edit === scale.editsEach;
            const shared = touchesShared ? sharedText(index, edit) : null;
            const changed = [
              { key: ownKey(index), text },
              ...(shared ? [{ key: 'shared', text: shared }] : []),
            ];
            const response = await editor<{ editContract: Version }>(EDIT, {
              input: {
                contractId,
                baseVersion: base,
                changes: { clauses: { changed } },
                note: `${index}/${edit}`,
              },
            });
            if (response.data) {
              const version = response.data.editContract;
              acknowledged.push({ editor: index, edit, version, shared });
              base = version.number;
              own = text;
              edit += 1;
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
              continue;
            }
            if (error?.extensions.code !== 'CONFLICT' || !shared) {
              unexpected.push(response.errors);
              return;
            }
            const currentVersion = error.extensions['currentVersion'] as number;
            refusals.push({
              currentVersion,
              baseVersion: error.extensions['baseVersion'] as number,
              conflicts: error.extensions['conflicts'] as Conflict[],
              mine: shared,
            });
            // Redo the edit on the version the refusal names.
            base = currentVersion;
          }
        }),
      );

      expect(unexpected).toEqual([]);
      expect(acknowledged).toHaveLength(total);
      const stored = await t.dataSource.query<{ number: number; clauses: Clause[] }[]>(
        'SELECT number, clauses FROM contract_version WHERE contract_id = $1 ORDER BY number',
        [contractId],
      );
      // One stored version per acknowledged edit, after the two of the set-up.
      expect(stored.map((version) => version.number)).toEqual(
        Array.from({ length: total + 2 }, (_, index) => index + 1),
      );
      expect(acknowledged.map((ack) => ack.version.number).sort((a, b) => a - b)).toEqual(
        stored.slice(2).map((version) => version.number),
      );
      const textOf = (clauses: Clause[], key: string) => clauses.find((clause) => clause.key === key)?.text;
      // Each acknowledged edit is in the version it made...
      for (const { editor, edit, version, shared } of acknowledged) {
        expect(textOf(version.clauses, ownKey(editor))).toMatch(new RegExp(` ${edit}$`));
        if (shared) expect(textOf(version.clauses, 'shared')).toBe(shared);
      }
      // ...and in the final one: every editor's clause lists every one of its edits, none lost.
      const final = stored[stored.length - 1]!.clauses;
      const numbers = Array.from({ length: scale.editsEach }, (_, index) => index + 1).join(' ');
      editors.forEach((_, index) =>
        expect(textOf(final, ownKey(index))).toBe(`${ownStart(index)} ${numbers}`),
      );
      const lastShared = acknowledged
        .filter((ack) => ack.shared)
        .sort((a, b) => b.version.number - a.version.number)[0]!;
      expect(textOf(final, 'shared')).toBe(lastShared.shared);
      // Every refusal named the shared clause, with its value in the version it named as current.
      for (const refusal of refusals) {
        expect(refusal.currentVersion).toBeGreaterThan(refusal.baseVersion);
        expect(refusal.conflicts).toEqual([
          expect.objectContaining({ path: 'clauses.shared.text', kind: 'BOTH_CHANGED', mine: refusal.mine }),
        ]);
        expect(refusal.conflicts[0]!.theirs).toBe(
          textOf(stored[refusal.currentVersion - 1]!.clauses, 'shared'),
        );
      }
      const [audit] = await t.dataSource.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM audit_entry WHERE subject_id = $1 AND action = 'contract.edit'`,
        [contractId],
      );
      expect(audit!.n).toBe(total + 1);
      console.log(`contract: ${total} edits acknowledged, ${refusals.length} refused with CONFLICT`);
    },
    TIMEOUT,
  );
});
