import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/i18n';
import { splitRows } from './createMilestone';
import { splitProblems, totalBasisPoints, TOTAL_BASIS_POINTS } from './split';
import { SplitTable } from './SplitTable';

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
  return (
    <>
      <SplitTable
        rows={rows}
        onPercent={(organizationId, percent) => onChange?.({ ...value, [organizationId]: percent })}
        rewardPoolMinor={rewardPoolMinor}
        riskAmountMinor={riskAmountMinor}
        currency={currency}
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
