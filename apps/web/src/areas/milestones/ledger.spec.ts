import { canConfirmSettlement, settledArgument } from './ledger';

describe('canConfirmSettlement', () => {
  const open = { payerOrganizationId: 'payer', payeeOrganizationId: 'payee', settledAt: null };
  it.each([
    ["the payee's admin, open", open, 'payee', ['ORG_ADMIN'], true],
    ["the payee's signatory", open, 'payee', ['SIGNATORY'], false],
    ["the payer's admin", open, 'payer', ['ORG_ADMIN'], false],
    ['already settled', { ...open, settledAt: '2026-12-01T00:00:00Z' }, 'payee', ['ORG_ADMIN'], false],
    ['no organisation', open, undefined, ['ORG_ADMIN'], false],
  ] as const)('%s → %s', (_case, entry, organizationId, roles, expected) => {
    expect(canConfirmSettlement(entry, organizationId, roles)).toBe(expected);
  });
});

describe('settledArgument', () => {
  it.each([
    ['all', null],
    ['open', false],
    ['settled', true],
  ] as const)('%s → %p', (filter, expected) => {
    expect(settledArgument(filter)).toBe(expected);
  });
});
