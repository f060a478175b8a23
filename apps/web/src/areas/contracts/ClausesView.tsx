import { Card, Collapse } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Markdown } from '../../components/Markdown';
import type { Contract } from './contract-types';

/** The legal text of a version, one panel per clause (with what each clause shows beside its title). */
export function ClausesView({
  version,
  clauseExtra,
  extra,
}: {
  version: Contract['version'];
  clauseExtra?: (clause: { key: string; title: string }) => ReactNode;
  extra?: ReactNode;
}) {
  const { t } = useTranslation('contracts');
  return (
    <Card title={t('contract.clauses', { n: version.number })} size="small" extra={extra}>
      <Collapse
        size="small"
        items={version.clauses.map((clause, index) => ({
          key: clause.key,
          label: `${index + 1}. ${clause.title}`,
          extra: clauseExtra?.(clause),
          children: <Markdown>{clause.text}</Markdown>,
        }))}
      />
    </Card>
  );
}
