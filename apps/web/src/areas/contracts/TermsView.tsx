import { Descriptions, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Terms } from './terms';

/** The machine-readable terms of a version, in words. */
export function TermsView({ terms, datasetName }: { terms: Terms; datasetName: (id: string) => string }) {
  const { t } = useTranslation('contracts');
  const none = t('contract.none');
  const tags = (values: readonly string[], label: (value: string) => string) =>
    values.length === 0 ? (
      none
    ) : (
      <Space size={[4, 4]} wrap>
        {values.map((value) => (
          <Tag key={value}>{label(value)}</Tag>
        ))}
      </Space>
    );
  return (
    <Descriptions
      size="small"
      column={1}
      items={[
        { key: 'datasets', label: t('contract.datasets'), children: tags(terms.datasetIds, datasetName) },
        {
          key: 'purposes',
          label: t('contract.purposes'),
          children: tags(terms.purposes, (value) => t(`purpose.${value as Terms['purposes'][number]}`)),
        },
        {
          key: 'prohibitions',
          label: t('contract.prohibitions'),
          children: tags(terms.prohibitions, (value) =>
            t(`prohibition.${value as Terms['prohibitions'][number]}`),
          ),
        },
        {
          key: 'duties',
          label: t('contract.duties'),
          children: tags(
            terms.duties.map((duty) => duty.duty),
            (value) => {
              const term = terms.duties.find((duty) => duty.duty === value);
              const due =
                term?.dueInDays === null || term?.dueInDays === undefined
                  ? t('contract.standing')
                  : t('contract.dueInDays', { days: term.dueInDays });
              return `${t(`duty.${value as Terms['duties'][number]['duty']}`)} · ${due}`;
            },
          ),
        },
        {
          key: 'excluded',
          label: t('contract.excludedModalities'),
          children: tags(terms.excludedModalities, (value) =>
            t(`modality.${value as Terms['excludedModalities'][number]}`),
          ),
        },
      ]}
    />
  );
}
