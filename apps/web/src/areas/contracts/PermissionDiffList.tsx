import { Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/i18n';
import type { Effect, PermissionChange } from './permission-diff';

const EFFECT_COLORS: Record<Effect, string> = { WIDENS: 'orange', NARROWS: 'blue', NEUTRAL: 'default' };

/** The permission diff in words: what each change of terms does to the recipient's access. */
export function PermissionDiffList({
  changes,
  datasetName,
}: {
  changes: readonly PermissionChange[];
  datasetName: (id: string) => string;
}) {
  const { t } = useTranslation('contracts');
  const format = useFormat();
  if (changes.length === 0)
    return <Typography.Text type="secondary">{t('diff.noPermissionChange')}</Typography.Text>;
  const valueOf = (change: PermissionChange): string => {
    const value = change.values.value ?? '';
    switch (change.field) {
      case 'datasets':
        return datasetName(value);
      case 'purposes':
        return t(`purpose.${value as 'RESEARCH'}`);
      case 'prohibitions':
        return t(`prohibition.${value as 'REDISTRIBUTE'}`);
      case 'duties':
        return t(`duty.${value as 'ATTRIBUTE'}`);
      case 'excludedModalities':
        return t(`modality.${value as 'RGB'}`);
      default:
        return value;
    }
  };
  return (
    <ul style={{ margin: 0, paddingInlineStart: 0, listStyle: 'none' }} aria-label={t('diff.permissions')}>
      {changes.map((change, index) => (
        <li key={index} style={{ padding: '4px 0' }}>
          <Flex gap={8} align="baseline" wrap>
            <Tag color={EFFECT_COLORS[change.effect]}>{t(`effect.${change.effect}`)}</Tag>
            <span>
              {t(`diff.change.${change.message}`, {
                value: valueOf(change),
                from:
                  change.field === 'period'
                    ? format.date(String(change.values.from))
                    : String(change.values.from ?? ''),
                to:
                  change.field === 'period'
                    ? format.date(String(change.values.to))
                    : String(change.values.to ?? ''),
              })}
            </span>
          </Flex>
        </li>
      ))}
    </ul>
  );
}
