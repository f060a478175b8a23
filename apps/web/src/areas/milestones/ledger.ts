/** Pure helpers of the ledger page: who may confirm a payment, what an entry's state is, the export's bytes. */

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

/** A base64 string (the API's file download) as bytes, for a Blob. */
export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Saves a downloaded file through a temporary link, as the browser's own download. */
export function saveFile(file: { filename: string; contentType: string; contentBase64: string }): void {
  const blob = new Blob([base64ToBytes(file.contentBase64)], { type: file.contentType });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = file.filename;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Revoked after the click has handed the file to the browser.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
