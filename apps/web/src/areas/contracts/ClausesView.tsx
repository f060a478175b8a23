import { Card, Collapse } from 'antd';
import { useTranslation } from 'react-i18next';
import { Markdown } from '../../components/Markdown';
import type { Contract } from './contract-types';

/** The legal text of a version, one panel per clause. */
export function ClausesView({ version }: { version: Contract['version'] }) {
  const { t } = useTranslation('contracts');
  return (
    <Card title={t('contract.clauses', { n: version.number })} size="small">
      <Collapse
        size="small"
        items={version.clauses.map((clause, index) => ({
          key: clause.key,
          label: `${index + 1}. ${clause.title}`,
          children: <Markdown>{clause.text}</Markdown>,
        }))}
      />
    </Card>
  );
}
