import { Alert, Button, Flex, Form, Input, InputNumber, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiProblem } from '../../api/errors';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { useFormat } from '../../i18n/i18n';
import {
  percentToBasisPoints,
  rowsFromShares,
  sharesFromRows,
  splitProblems,
  totalBasisPoints,
  TOTAL_BASIS_POINTS,
  type BasisPointShare,
  type SplitMode,
  type SplitRow,
} from './split';

export interface SplitEditorProps {
  members: readonly { id: string; name: string }[];
  shares: readonly BasisPointShare[];
  mode: SplitMode;
  rewardPoolMinor: number;
  riskAmountMinor: number;
  currency: string;
  saving: boolean;
  /** The server's refusal of the last save, shown beside the button. */
  problem: ApiProblem | undefined;
  onSubmit: (shares: BasisPointShare[], reason: string) => void;
}

/**
 * One row per member organisation, shares typed as percentages with two decimals and sent as
 * basis points. The running total is always visible and saving is refused unless it is 100 %.
 */
export function SplitEditor(props: SplitEditorProps) {
  const { t } = useTranslation('milestones');
  const format = useFormat();
  const [rows, setRows] = useState<SplitRow[]>(() => rowsFromShares(props.members, props.shares));
  const [reason, setReason] = useState('');
  const [reasonMissing, setReasonMissing] = useState(false);
  const problems = useMemo(() => splitProblems(rows), [rows]);
  const total = totalBasisPoints(rows);
  const editable = props.mode !== 'readonly';
  const part = (amount: number, bp: number) =>
    format.money(Math.round((amount * bp) / TOTAL_BASIS_POINTS), props.currency);

  const setPercent = (organizationId: string, percent: number | null) =>
    setRows((current) => current.map((r) => (r.organizationId === organizationId ? { ...r, percent } : r)));

  const submit = () => {
    if (problems.length > 0) return;
    if (props.mode === 'propose' && !reason.trim()) {
      setReasonMissing(true);
      return;
    }
    props.onSubmit(sharesFromRows(rows), reason.trim());
  };

  return (
    <Form layout="vertical" onFinish={submit} aria-label={t('split.title')}>
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
            render: (_: unknown, row: SplitRow) =>
              editable ? (
                <InputNumber
                  aria-label={t('split.shareOf', { party: row.name })}
                  value={row.percent}
                  min={0}
                  max={100}
                  step={0.01}
                  precision={2}
                  suffix="%"
                  style={{ width: 130 }}
                  onChange={(value) =>
                    setPercent(row.organizationId, typeof value === 'number' ? value : null)
                  }
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
            render: (_: unknown, row: SplitRow) =>
              part(props.rewardPoolMinor, percentToBasisPoints(row.percent)),
          },
          {
            title: t('split.risk'),
            key: 'risk',
            align: 'right',
            render: (_: unknown, row: SplitRow) =>
              part(props.riskAmountMinor, percentToBasisPoints(row.percent)),
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
      {editable && problems.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          role="status"
          style={{ marginTop: 12 }}
          title={problems
            .map((p) =>
              p.kind === 'total'
                ? t('split.mustTotal', { total: format.percent(p.totalBasisPoints / TOTAL_BASIS_POINTS) })
                : t(`split.${p.kind}`),
            )
            .filter((text, index, all) => all.indexOf(text) === index)
            .join(' ')}
        />
      ) : null}
      {props.mode === 'propose' ? (
        <Form.Item
          label={t('split.reason')}
          htmlFor="split-reason"
          required
          style={{ marginTop: 12, marginBottom: 12 }}
          validateStatus={reasonMissing ? 'error' : undefined}
          help={reasonMissing ? t('split.reasonRequired') : undefined}
        >
          <Input.TextArea
            id="split-reason"
            rows={2}
            maxLength={2000}
            value={reason}
            onChange={(e) => {
              setReason(e.target.value);
              setReasonMissing(false);
            }}
          />
        </Form.Item>
      ) : null}
      {editable ? (
        <Flex vertical gap={8} style={{ marginTop: 12 }}>
          <ApiErrorAlert problem={props.problem} />
          <div>
            <Button type="primary" htmlType="submit" disabled={problems.length > 0} loading={props.saving}>
              {props.mode === 'propose' ? t('split.propose') : t('split.save')}
            </Button>
          </div>
        </Flex>
      ) : null}
    </Form>
  );
}
