import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const STATUS_COLOR: Record<string, string> = {
  PROPOSED: 'gold',
  COMMITTED: 'processing',
  PENDING: 'processing',
  ACHIEVED: 'success',
  MISSED: 'error',
  WAIVED: 'warning',
  SUBMITTED: 'processing',
  VERIFIED: 'success',
  DISPUTED: 'error',
  OPEN: 'processing',
  ACCEPTED: 'success',
  WITHDRAWN: 'default',
  REWARD: 'green',
  RISK: 'red',
};

type TagKind = 'status' | 'outcome' | 'reportStatus' | 'proposalStatus' | 'ledgerKind';

/** A state from the API as a coloured tag, in the reader's language. */
export function StateTag({ kind, value }: { kind: TagKind; value: string }) {
  const { t } = useTranslation('milestones');
  return <Tag color={STATUS_COLOR[value] ?? 'default'}>{t(`${kind}.${value}` as 'status.PROPOSED')}</Tag>;
}
