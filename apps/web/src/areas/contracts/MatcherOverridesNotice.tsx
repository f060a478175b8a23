import { Alert, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/i18n';
import { MatchTag, RationaleList } from '../data/MatchVerdict';
import type { Contract } from './contract-types';

type MatcherOverride = Contract['matcherOverrides'][number];

/**
 * The datasets a steward approved against the purpose matcher's advice, with the reason, shown to
 * every party above the terms: the legal teams should negotiate knowing of it.
 */
export function MatcherOverridesNotice({ overrides }: { overrides: readonly MatcherOverride[] }) {
  const { t } = useTranslation('contracts');
  const format = useFormat();
  if (overrides.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="matcher-overrides"
      title={t('override.title', { count: overrides.length })}
      description={
        <Flex vertical gap={12}>
          <Typography.Text>{t('override.intro')}</Typography.Text>
          {overrides.map((override) => (
            <div key={override.datasetId}>
              <Flex gap={8} align="center" wrap>
                <Typography.Text strong>{override.datasetName}</Typography.Text>
                <MatchTag decision={override.decision} />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {override.matcherVersion}
                </Typography.Text>
              </Flex>
              <RationaleList rationale={override.rationale} />
              <Typography.Text type="secondary">
                {t('override.by', {
                  name: override.overriddenByName,
                  organization: override.overriddenByOrganizationName,
                  at: format.dateTime(override.at),
                })}
              </Typography.Text>
              <blockquote
                style={{
                  margin: '4px 0 0',
                  paddingInlineStart: 12,
                  borderInlineStart: '3px solid #faad14',
                  whiteSpace: 'pre-wrap',
                }}
              >
                {override.reason}
              </blockquote>
            </div>
          ))}
        </Flex>
      }
    />
  );
}
