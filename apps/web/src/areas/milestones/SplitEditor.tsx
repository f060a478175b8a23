import { Alert, Button, Flex, Form, Input } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiProblem } from '../../api/errors';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { useFormat } from '../../i18n/i18n';
import {
  rowsFromShares,
  sharesFromRows,
  splitProblems,
  TOTAL_BASIS_POINTS,
  type BasisPointShare,
  type SplitMode,
  type SplitRow,
} from './split';
import { SplitTable } from './SplitTable';

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
  const editable = props.mode !== 'readonly';

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
      <SplitTable
        rows={rows}
        onPercent={editable ? setPercent : undefined}
        rewardPoolMinor={props.rewardPoolMinor}
        riskAmountMinor={props.riskAmountMinor}
        currency={props.currency}
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
