/** Pure helpers of the ledger page: who may confirm a payment and what an entry's state is. */

export interface EntryForSettlement {
  payerOrganizationId: string;
  payeeOrganizationId: string;
  settledAt?: string | null;
}

/** The payee's admin confirms it was paid; a settled entry (or one's own share) needs nothing. */
export function canConfirmSettlement(
  entry: EntryForSettlement,
  organizationId: string | undefined,
  roles: readonly string[],
): boolean {
  return (
    !entry.settledAt &&
    Boolean(organizationId) &&
    entry.payeeOrganizationId === organizationId &&
    roles.includes('ORG_ADMIN')
  );
}

export type SettlementFilter = 'all' | 'open' | 'settled';

/** The API's `settled` argument for a filter. */
export function settledArgument(filter: SettlementFilter): boolean | null {
  return filter === 'all' ? null : filter === 'settled';
}
