import { acceptsMilestoneTerms, atRisk, awaitsEdit, awaitsSignature, obligationsDue } from './my-work';

const ORG = 'org-1';
const contract = (status: string, signed = false) => ({
  status,
  parties: [
    { organizationId: ORG, signed },
    { organizationId: 'org-2', signed: true },
  ],
});

describe('awaitsEdit', () => {
  it.each([
    ['a draft, legal', contract('DRAFT'), ['LEGAL'], true],
    ['in negotiation, legal', contract('IN_NEGOTIATION'), ['LEGAL'], true],
    ['agreed, legal', contract('AGREED'), ['LEGAL'], false],
    ['a draft, engineer', contract('DRAFT'), ['ENGINEER'], false],
    [
      'a draft of other parties',
      { status: 'DRAFT', parties: [{ organizationId: 'x', signed: false }] },
      ['LEGAL'],
      false,
    ],
  ])('%s → %s', (_case, c, roles, expected) => {
    expect(awaitsEdit(c, ORG, roles)).toBe(expected);
  });

  it('is false without an organisation', () => {
    expect(awaitsEdit(contract('DRAFT'), undefined, ['LEGAL'])).toBe(false);
  });
});

describe('awaitsSignature', () => {
  it.each([
    ['agreed, unsigned, signatory', contract('AGREED'), ['SIGNATORY'], true],
    ['agreed, already signed', contract('AGREED', true), ['SIGNATORY'], false],
    ['agreed, not a signatory', contract('AGREED'), ['LEGAL'], false],
    ['in negotiation', contract('IN_NEGOTIATION'), ['SIGNATORY'], false],
  ])('%s → %s', (_case, c, roles, expected) => {
    expect(awaitsSignature(c, ORG, roles)).toBe(expected);
  });
});

describe('atRisk', () => {
  const now = new Date('2026-11-26T00:00:00Z');
  it.each([
    ['due in 10 days, pending', 'COMMITTED', '2026-12-06T00:00:00Z', 'PENDING', true],
    ['past due, waiting for a verification', 'COMMITTED', '2026-11-01T00:00:00Z', 'PENDING', true],
    ['due in 60 days', 'COMMITTED', '2027-01-25T00:00:00Z', 'PENDING', false],
    ['achieved by evaluation', 'COMMITTED', '2026-12-01T00:00:00Z', 'ACHIEVED', false],
    ['missed (as read past due)', 'MISSED', '2026-11-01T00:00:00Z', 'MISSED', false],
    ['terms only proposed', 'PROPOSED', '2026-12-06T00:00:00Z', 'PENDING', false],
  ])('%s → %s', (_case, status, dueAt, outcome, expected) => {
    expect(atRisk({ status, dueAt, evaluation: { outcome } }, now)).toBe(expected);
  });
});

describe('acceptsMilestoneTerms', () => {
  it.each([
    [['ORG_ADMIN'], true],
    [['SIGNATORY', 'LEGAL'], true],
    [['ENGINEER', 'LEGAL'], false],
    [[], false],
  ])('%p → %s', (roles, expected) => {
    expect(acceptsMilestoneTerms(roles)).toBe(expected);
  });
});

describe('obligationsDue', () => {
  it('keeps unmet obligations, soonest first, undated last', () => {
    const list = obligationsDue([
      { id: 'undated' },
      { id: 'met', dueAt: '2026-11-01T00:00:00Z', metAt: '2026-10-01T00:00:00Z' },
      { id: 'later', dueAt: '2027-01-01T00:00:00Z' },
      { id: 'sooner', dueAt: '2026-12-01T00:00:00Z' },
    ]);
    expect(list.map((o) => o.id)).toEqual(['sooner', 'later', 'undated']);
  });
});
