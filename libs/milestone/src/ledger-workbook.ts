import { Workbook } from 'exceljs';
import { amountInChineseWords } from '@tetrad/core';
import { LedgerEntryKind } from './milestone-enums';
import type { LedgerEntry } from './milestone.entity';

export interface LedgerStatementRow {
  organizationId: string;
  name: string;
  currency: string;
  owedMinor: number;
  receivableMinor: number;
  paidMinor: number;
  receivedMinor: number;
  netOpenMinor: number;
}

/** Amounts are stored in minor units (fen); a finance team reads yuan with two decimals. */
const MONEY_FORMAT = '#,##0.00';
const major = (minor: number): number => minor / 100;

/** 大写金额, as Chinese finance teams check amounts; written for renminbi only. */
const inWords = (minor: number, currency: string): string =>
  currency === 'CNY' ? amountInChineseWords(minor, currency) : '';

/**
 * The ledger as a finance team files it: one sheet of per-party statements, one of entries. Headers
 * are bilingual (Chinese first), amounts in major units with the currency beside them, and each
 * renminbi entry also in capital numerals (大写金额).
 */
export async function ledgerWorkbook(
  statements: readonly LedgerStatementRow[],
  entries: readonly LedgerEntry[],
  names: ReadonlyMap<string, string>,
  options: { truncated: boolean; generatedAt: Date },
): Promise<Buffer> {
  const workbook = new Workbook();
  workbook.creator = 'Tetrad';
  workbook.created = options.generatedAt;

  const summary = workbook.addWorksheet('对账单 Statements');
  summary.columns = [
    { header: '机构 Party', key: 'name', width: 36 },
    { header: '币种 Currency', key: 'currency', width: 12 },
    { header: '应付（未结）Owed', key: 'owed', width: 18, style: { numFmt: MONEY_FORMAT } },
    { header: '应收（未结）Receivable', key: 'receivable', width: 20, style: { numFmt: MONEY_FORMAT } },
    { header: '已付 Paid', key: 'paid', width: 16, style: { numFmt: MONEY_FORMAT } },
    { header: '已收 Received', key: 'received', width: 16, style: { numFmt: MONEY_FORMAT } },
    { header: '未结净额 Net open', key: 'net', width: 18, style: { numFmt: MONEY_FORMAT } },
  ];
  for (const row of statements) {
    summary.addRow({
      name: row.name,
      currency: row.currency,
      owed: major(row.owedMinor),
      receivable: major(row.receivableMinor),
      paid: major(row.paidMinor),
      received: major(row.receivedMinor),
      net: major(row.netOpenMinor),
    });
  }
  summary.getRow(1).font = { bold: true };
  summary.views = [{ state: 'frozen', ySplit: 1 }];

  const sheet = workbook.addWorksheet('分账明细 Entries');
  sheet.columns = [
    { header: '记账时间 Recorded (UTC)', key: 'createdAt', width: 22 },
    { header: '里程碑 Milestone', key: 'milestoneId', width: 38 },
    { header: '类型 Kind', key: 'kind', width: 14 },
    { header: '付款方 Payer', key: 'payer', width: 32 },
    { header: '收款方 Payee', key: 'payee', width: 32 },
    { header: '份额（基点）Basis points', key: 'basisPoints', width: 16 },
    { header: '金额 Amount', key: 'amount', width: 16, style: { numFmt: MONEY_FORMAT } },
    { header: '币种 Currency', key: 'currency', width: 10 },
    { header: '大写金额 Amount in words', key: 'amountInWords', width: 40 },
    { header: '结清时间 Settled (UTC)', key: 'settledAt', width: 22 },
    { header: '结算凭证 Reference', key: 'reference', width: 28 },
  ];
  for (const entry of entries) {
    sheet.addRow({
      createdAt: entry.createdAt,
      milestoneId: entry.milestoneId,
      kind: entry.kind === LedgerEntryKind.REWARD ? '收益 REWARD' : '风险 RISK',
      payer: names.get(entry.payerOrganizationId) ?? entry.payerOrganizationId,
      payee: names.get(entry.payeeOrganizationId) ?? entry.payeeOrganizationId,
      basisPoints: entry.basisPoints,
      amount: major(entry.amountMinor),
      currency: entry.currency,
      amountInWords: inWords(entry.amountMinor, entry.currency),
      settledAt: entry.settledAt ?? '',
      reference: entry.settlementReference ?? '',
    });
  }
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  if (options.truncated) {
    sheet.addRow({
      createdAt: `Only the first ${entries.length} entries; filter by consortium or scenario.`,
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
