import {
  ContractStatus,
  EFFECTIVE_STATUS_SQL,
  effectiveStatus,
  grantsAccess,
  LIVE_GRANT_SQL,
  type ContractClock,
} from '@tetrad/contract';
import { DEMO_CONSORTIA } from '@tetrad/demo-data';
import { consortiumIdByName, organizationIdByName } from '../../support/members';
import { startTestApp, type TestApp } from '../../support/test-app';

const DAY = 86_400_000;
type Obligation = 'none' | 'overdue' | 'due later' | 'met late' | 'standing';

interface Case {
  stored: ContractStatus;
  signed: boolean;
  started: boolean;
  ended: boolean;
  obligation: Obligation;
}

/** Every combination of stored state, signatures, start, end and obligation. */
function cases(): Case[] {
  const all: Case[] = [];
  for (const stored of Object.values(ContractStatus))
    for (const signed of [false, true])
      for (const started of [false, true])
        for (const ended of [false, true])
          for (const obligation of ['none', 'overdue', 'due later', 'met late', 'standing'] as const)
            if (!(ended && !started)) all.push({ stored, signed, started, ended, obligation });
  return all;
}

/**
 * The contract's state as of now exists three times: the pure `effectiveStatus`, the SQL that
 * filters lists, and the SQL that decides live grants. They must agree on every combination, or
 * a list would show ACTIVE a contract that grants nothing (or the reverse).
 */
describe('contract state as of now: the function and its two SQL twins agree', () => {
  let t: TestApp;
  let consortiumId: string;
  let recipient: string;
  let provider: string;

  beforeAll(async () => {
    t = await startTestApp();
    consortiumId = await consortiumIdByName(t, DEMO_CONSORTIA[0]!.name);
    recipient = await organizationIdByName(t, 'Beijing Institute for Embodied Intelligence');
    provider = await organizationIdByName(t, 'Shanghai Jiading Auto Body Works');
  });

  afterAll(async () => {
    await t.close();
  });

  it('on all combinations of state, signatures, dates and obligations', async () => {
    const now = Date.now();
    const expected = new Map<string, { status: ContractStatus; live: boolean }>();
    for (const [index, c] of cases().entries()) {
      const clock: ContractClock = {
        stored: c.stored,
        fullySignedAt: c.signed ? new Date(now - 20 * DAY) : null,
        startsAt: new Date(now + (c.started ? -10 : 10) * DAY),
        endsAt: new Date(now + (c.ended ? -1 : 30) * DAY),
        earliestUnmetDueAt:
          c.obligation === 'overdue'
            ? new Date(now - DAY)
            : c.obligation === 'due later'
              ? new Date(now + 5 * DAY)
              : null,
      };
      const [row] = await t.dataSource.query<{ id: string }[]>(
        `INSERT INTO data_sharing_contract (consortium_id, title, status, recipient_organization_id,
           provider_organization_ids, party_organization_ids, dataset_ids, starts_at, ends_at, fully_signed_at)
         VALUES ($1, $2, $3, $4, ARRAY[$5]::uuid[], ARRAY[$4, $5]::uuid[], '{}', $6, $7, $8) RETURNING id`,
        [
          consortiumId,
          `case ${index}`,
          c.stored,
          recipient,
          provider,
          clock.startsAt,
          clock.endsAt,
          clock.fullySignedAt,
        ],
      );
      const due = { overdue: -DAY, 'due later': 5 * DAY, 'met late': -DAY } as const;
      if (c.obligation !== 'none') {
        await t.dataSource.query(
          `INSERT INTO contract_obligation (contract_id, duty, due_at, met_at) VALUES ($1, 'REPORT_PUBLICATIONS', $2, $3)`,
          [
            row!.id,
            c.obligation === 'standing' ? null : new Date(now + due[c.obligation]),
            c.obligation === 'met late' ? new Date(now - DAY / 2) : null,
          ],
        );
      }
      const at = new Date(now);
      expected.set(row!.id, { status: effectiveStatus(clock, at), live: grantsAccess(clock, at) });
    }
    const rows = await t.dataSource.query<{ id: string; status: ContractStatus; live: boolean }[]>(
      `SELECT c.id, ${EFFECTIVE_STATUS_SQL.replace(/contract\./g, 'c.')} AS status, (${LIVE_GRANT_SQL}) AS live
         FROM data_sharing_contract c WHERE c.consortium_id = $2`,
      [recipient, consortiumId, new Date(now)],
    );
    expect(rows).toHaveLength(expected.size);
    const disagreements = rows.filter((row) => {
      const want = expected.get(row.id)!;
      return row.status !== want.status || row.live !== want.live;
    });
    expect(disagreements).toEqual([]);
    // The combinations really cover every state the function can answer.
    expect(new Set([...expected.values()].map((value) => value.status))).toEqual(
      new Set(Object.values(ContractStatus)),
    );
  });
});
