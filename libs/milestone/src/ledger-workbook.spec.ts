import { Workbook } from 'exceljs';
import { ledgerWorkbook } from './ledger-workbook';
import { LedgerEntryKind } from './milestone-enums';
import type { LedgerEntry } from './milestone.entity';

function entry(amountMinor: number, currency: string): LedgerEntry {
  return {
    id: `e-${amountMinor}`,
    milestoneId: 'm-1',
    kind: LedgerEntryKind.REWARD,
    payerOrganizationId: 'org-a',
    payeeOrganizationId: 'org-b',
    basisPoints: 5_000,
    amountMinor,
    currency,
    createdAt: new Date('2026-12-03T08:00:00Z'),
    settledAt: null,
    settlementReference: null,
  } as unknown as LedgerEntry;
}

describe('ledgerWorkbook', () => {
  it('writes each renminbi amount in capital numerals beside the figure, and no words for other currencies', async () => {
    const buffer = await ledgerWorkbook([], [entry(1_234_567, 'CNY'), entry(500, 'USD')], new Map(), {
      truncated: false,
      generatedAt: new Date('2026-12-03T08:00:00Z'),
    });
    const workbook = new Workbook();
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('分账明细 Entries')!;
    const header = sheet.getRow(1).values as unknown[];
    const column = header.indexOf('大写金额 Amount in words');
    expect(column).toBeGreaterThan(0);
    expect(sheet.getRow(2).getCell(column).value).toBe('人民币壹万贰仟叁佰肆拾伍元陆角柒分');
    expect(sheet.getRow(3).getCell(column).value ?? '').toBe('');
  });
});
