import { Alert, InputNumber, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/i18n';
import { splitRows } from './createMilestone';
import {
  percentToBasisPoints,
  splitProblems,
  totalBasisPoints,
  TOTAL_BASIS_POINTS,
  type SplitRow,
} from './split';

export interface SplitFieldsProps {
  members: readonly { id: string; name: string }[];
  /** Percent per member organisation id (a Form.Item's value). */
  value?: Record<string, number | null>;
  onChange?: (value: Record<string, number | null>) => void;
  rewardPoolMinor: number;
  riskAmountMinor: number;
  currency: string;
}

/**
 * The split of a milestone not yet created, as a form field: the same rules as the split editor
 * (percent with two decimals, basis points summing to exactly 10,000), total always visible.
 */
export function SplitFields({
  members,
  value,
  onChange,
  rewardPoolMinor,
  riskAmountMinor,
  currency,
}: SplitFieldsProps) {
  const { t } = useTranslation('milestones');
  const format = useFormat();
  const rows = splitRows(members, value);
  const total = totalBasisPoints(rows);
  const problems = splitProblems(rows);
  const part = (amount: number, row: SplitRow) =>
    format.money(Math.round((amount * percentToBasisPoints(row.percent)) / TOTAL_BASIS_POINTS), currency);
  return (
    <>
      <Table
        rowKey="organizationId"
        dataSource={rows}
        pagination={false}
        size="small"
        scroll={{ x: 640 }}
        columns={[
          { title: t('split.party'), dataIndex: 'name' },
          {
            title: t('split.share'),
            key: 'percent',
            width: 160,
            render: (_: unknown, row: SplitRow) => (
              <InputNumber
                aria-label={t('split.shareOf', { party: row.name })}
                value={row.percent}
                min={0}
                max={100}
                step={0.01}
                precision={2}
                suffix="%"
                style={{ width: 130 }}
                onChange={(next) =>
                  onChange?.({ ...value, [row.organizationId]: typeof next === 'number' ? next : null })
                }
              />
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
      {problems.length > 0 && total > 0 ? (
        <Alert
          type="warning"
          showIcon
          role="status"
          style={{ marginTop: 12 }}
          title={problems
            .map((p) =>
              p.kind === 'total'
                ? t('create.splitTotal', { total: format.percent(p.totalBasisPoints / TOTAL_BASIS_POINTS) })
                : t(`split.${p.kind}`),
            )
            .filter((text, index, all) => all.indexOf(text) === index)
            .join(' ')}
        />
      ) : null}
    </>
  );
}
