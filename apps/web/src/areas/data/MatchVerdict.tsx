import { Alert, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { MATCH_COLOR } from './enums';
import { readRationale } from './rationale';

export interface MatchAdvice {
  decision: string;
  rationale: readonly string[];
  version: string;
}

const ALERT_TYPE: Record<string, 'success' | 'error' | 'warning'> = {
  APPROVE: 'success',
  DENY: 'error',
  ABSTAIN: 'warning',
};

/** The matcher's answer as a short tag (tables). */
export function MatchTag({ decision }: { decision: string }) {
  const { t } = useTranslation('data');
  const known = decision === 'APPROVE' || decision === 'DENY' || decision === 'ABSTAIN';
  return <Tag color={MATCH_COLOR[decision] ?? 'default'}>{known ? t(`match.${decision}`) : decision}</Tag>;
}

/** Each sentence of the matcher's rationale, in the reader's language. */
export function RationaleList({ rationale }: { rationale: readonly string[] }) {
  const { t } = useTranslation('data');
  const purpose = (p: string) => t(`enums.Purpose.${p}`, { defaultValue: p });
  const lines = rationale.map((line) => {
    const read = readRationale(line);
    switch (read.key) {
      case 'offered':
      case 'notOffered':
        return t(`rationale.${read.key}`, { purpose: purpose(read.purpose) });
      case 'related':
        return t('rationale.related', {
          related: read.related.map(purpose).join(t('rationale.join')),
          purpose: purpose(read.purpose),
        });
      case 'long':
        return t('rationale.long', { days: read.days });
      case 'verbatim':
        return read.text;
      default:
        return t(`rationale.${read.key}`);
    }
  });
  return (
    <ul style={{ margin: 0, paddingInlineStart: 20 }}>
      {lines.map((line, index) => (
        <li key={index}>{line}</li>
      ))}
    </ul>
  );
}

/** The matcher's verdict with its rationale, as a callout (request form, request page). */
export function MatchVerdict({ advice, title }: { advice: MatchAdvice; title?: string }) {
  const { t } = useTranslation('data');
  return (
    <Alert
      type={ALERT_TYPE[advice.decision] ?? 'info'}
      showIcon
      data-testid="match-verdict"
      title={
        <Flex gap={8} align="center" wrap>
          {title ? <Typography.Text strong>{title}</Typography.Text> : null}
          <MatchTag decision={advice.decision} />
        </Flex>
      }
      description={
        <>
          <RationaleList rationale={advice.rationale} />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('request.matcherAdvice')} {t('request.matcherVersion', { version: advice.version })}
          </Typography.Text>
        </>
      }
    />
  );
}
