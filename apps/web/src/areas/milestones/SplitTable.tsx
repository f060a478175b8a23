import { InputNumber, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/i18n';
import { percentToBasisPoints, totalBasisPoints, TOTAL_BASIS_POINTS, type SplitRow } from './split';

export interface SplitTableProps {
  rows: readonly SplitRow[];
  /** Undefined: the split is shown, not edited. */
  onPercent?: (organizationId: string, percent: number | null) => void;
  rewardPoolMinor: number;
  riskAmountMinor: number;
  currency: string;
}

/**
 * The split as a table, for the split editor and the create form alike: one row per member with its
 * percentage, basis points and part of the reward and risk, and the running total beneath.
 */
export function SplitTable({ rows, onPercent, rewardPoolMinor, riskAmountMinor, currency }: SplitTableProps) {
  const { t } = useTranslation('milestones');
  const format = useFormat();
  const total = totalBasisPoints(rows);
  const part = (amount: number, row: SplitRow) =>
    format.money(Math.round((amount * percentToBasisPoints(row.percent)) / TOTAL_BASIS_POINTS), currency);
  return (
    <Table
      rowKey="organizationId"
      dataSource={[...rows]}
      pagination={false}
      size="small"
      scroll={{ x: 640 }}
      columns={[
        { title: t('split.party'), dataIndex: 'name' },
        {
          title: t('split.share'),
          key: 'percent',
          width: 160,
          render: (_: unknown, row: SplitRow) =>
            onPercent ? (
              <InputNumber
                aria-label={t('split.shareOf', { party: row.name })}
                value={row.percent}
                min={0}
                max={100}
                step={0.01}
                precision={2}
                suffix="%"
                style={{ width: 130 }}
                onChange={(value) => onPercent(row.organizationId, typeof value === 'number' ? value : null)}
              />
            ) : (
              format.percent(percentToBasisPoints(row.percent) / TOTAL_BASIS_POINTS)
            ),
        },
        {
          title: t('split.basisPoints'),
          key: 'bp',
          align: 'right',
          render: (_: unknown, row: SplitRow) => format.number(percentToBasisPoints(row.percent), 0),
        },
        {
          title: t('split.reward'),
          key: 'reward',
          align: 'right',
          render: (_: unknown, row: SplitRow) => part(rewardPoolMinor, row),
        },
        {
          title: t('split.risk'),
          key: 'risk',
          align: 'right',
          render: (_: unknown, row: SplitRow) => part(riskAmountMinor, row),
        },
      ]}
      summary={() => (
        <Table.Summary.Row>
          <Table.Summary.Cell index={0}>
            <Typography.Text strong>{t('split.total')}</Typography.Text>
          </Table.Summary.Cell>
          <Table.Summary.Cell index={1}>
            <Typography.Text
              strong
              type={total === TOTAL_BASIS_POINTS ? 'success' : 'danger'}
              data-testid="split-total"
            >
              {format.percent(total / TOTAL_BASIS_POINTS)}
            </Typography.Text>
          </Table.Summary.Cell>
          <Table.Summary.Cell index={2} align="right">
            {format.number(total, 0)}
          </Table.Summary.Cell>
          <Table.Summary.Cell index={3} colSpan={2} />
        </Table.Summary.Row>
      )}
    />
  );
}
