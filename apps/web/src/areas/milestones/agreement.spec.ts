import type { ApiProblem } from '../../api/errors';
import {
  acceptRefusal,
  canAccept,
  canAmend,
  shortHash,
  summaryKind,
  termsChanges,
  valuesFromTerms,
} from './agreement';
import { createInput } from './createMilestone';

const proposed = { status: 'PROPOSED', awaitingAcceptanceFrom: [{ id: 'org-b', name: 'Lingbu' }] };

describe('canAccept', () => {
  it.each([
    ['an admin of a pending party', proposed, 'org-b', ['ORG_ADMIN'], true],
    ['a signatory of a pending party', proposed, 'org-b', ['LEGAL', 'SIGNATORY'], true],
    ['an engineer of a pending party', proposed, 'org-b', ['ENGINEER'], false],
    ['an admin of a party that accepted', proposed, 'org-a', ['ORG_ADMIN'], false],
    ['committed terms', { ...proposed, status: 'COMMITTED' }, 'org-b', ['ORG_ADMIN'], false],
    ['no organisation', proposed, undefined, ['ORG_ADMIN'], false],
  ] as const)('%s → %s', (_case, milestone, organizationId, roles, expected) => {
    expect(canAccept(milestone, organizationId, roles)).toBe(expected);
  });
});

describe('canAmend', () => {
  it.each([
    ['PROPOSED', 'org-a', ['ORG_ADMIN'], true],
    ['PROPOSED', 'org-a', ['SIGNATORY'], false],
    ['COMMITTED', 'org-a', ['ORG_ADMIN'], false],
    ['PROPOSED', undefined, ['ORG_ADMIN'], false],
  ] as const)('%s, %s, %p → %s', (status, organizationId, roles, expected) => {
    expect(canAmend(status, organizationId, roles)).toBe(expected);
  });
});

describe('acceptRefusal', () => {
  const conflict = (message: string): ApiProblem => ({ code: 'CONFLICT', message, fields: {} });
  it.each([
    [
      conflict(
        'The window started on 2026-12-01T00:00:00.000Z, before every party accepted: terms written after the window opens cannot be committed.',
      ),
      'windowStarted',
    ],
    [
      conflict('The terms changed since you read them (now version 3): read them again before accepting.'),
      'stale',
    ],
    [conflict('Your organisation has accepted these terms already.'), 'alreadyAccepted'],
    [conflict('This milestone is COMMITTED: there is nothing left to accept.'), 'notProposed'],
    [{ code: 'FORBIDDEN', message: 'Your organisation is not bound by these terms', fields: {} }, 'notBound'],
    [{ code: 'NETWORK', message: 'offline', fields: {} }, undefined],
    [undefined, undefined],
  ] as [ApiProblem | undefined, string | undefined][])('%j → %s', (problem, expected) => {
    expect(acceptRefusal(problem)).toBe(expected);
  });
});

describe('summaryKind', () => {
  it.each([
    ['Proposed: it binds nobody and is not judged until every bound party accepts its terms.', 'proposed'],
    [
      'Frozen: 1 report in the window is disputed (r1); nothing is decided until the dispute is resolved.',
      'frozen',
    ],
    [
      'Past due with 1 of 2 targets met; waiting for 1 report submitted by the due date to be verified (r2).',
      'pastDueWaiting',
    ],
    ['Pending: 1 of 2 targets met so far; due 2027-01-01T00:00:00.000Z.', 'other'],
    [null, 'other'],
  ])('%s → %s', (summary, expected) => {
    expect(summaryKind(summary)).toBe(expected);
  });
});

describe('shortHash', () => {
  it('keeps 12 hexadecimal digits', () => {
    expect(shortHash('0123456789abcdef0123')).toBe('0123456789ab');
    expect(shortHash(null)).toBe('—');
  });
});

describe('valuesFromTerms and termsChanges', () => {
  const kpis = [
    { key: 'throughput', unit: 'parcels/min' },
    { key: 'success_rate', unit: 'ratio' },
  ];
  const members = [
    { id: 'org-a', name: 'A' },
    { id: 'org-b', name: 'B' },
  ];
  const terms = {
    scenarioId: 'scenario-1',
    name: 'Pilot acceptance',
    description: 'Line 1',
    windowStart: new Date(2030, 0, 1).toISOString(),
    windowEnd: new Date(2030, 2, 31, 23, 59, 59, 999).toISOString(),
    dueAt: new Date(2030, 3, 15, 23, 59, 59, 999).toISOString(),
    currency: 'CNY',
    rewardPoolMinor: 30_000_000,
    riskAmountMinor: 123_456,
    rewardFunderOrganizationId: 'org-a',
    riskBeneficiaryOrganizationId: 'org-b',
    targets: [
      { kpiKey: 'throughput', comparator: 'GTE', value: 21, minOperatingHours: null },
      { kpiKey: 'success_rate', comparator: 'GTE', value: 0.95, minOperatingHours: 200 },
    ],
    shares: [
      { organizationId: 'org-a', basisPoints: 6_000 },
      { organizationId: 'org-b', basisPoints: 4_000 },
    ],
  };

  it('reads stored terms as the form edits them, and sends them back unchanged but for the scenario', () => {
    const values = valuesFromTerms(terms, kpis);
    expect(values).toMatchObject({
      windowStart: '2030-01-01',
      windowEnd: '2030-03-31',
      dueAt: '2030-04-15',
      rewardPoolYuan: 300_000,
      riskAmountYuan: 1_234.56,
      split: { 'org-a': 60, 'org-b': 40 },
    });
    expect(values.targets?.[1]?.value).toBe(95);
    const { scenarioId: _scenario, ...rest } = terms;
    expect(termsChanges(createInput(values, kpis, members))).toEqual(rest);
  });
});
