import { Card, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { alignClauses } from './clause-diff';
import type { Content } from './clause-editing';
import { permissionChanges } from './permission-diff';
import { PermissionDiffList } from './PermissionDiffList';
import { SideBySideDiff } from './SideBySideDiff';

/** What the person changed against the version they edit: clauses side by side and access in words. */
export function MyChangesView({
  base,
  baseVersion,
  mine,
  datasetName,
}: {
  base: Content;
  baseVersion: number;
  mine: Content;
  datasetName: (id: string) => string;
}) {
  const { t } = useTranslation('contracts');
  const rows = alignClauses(base.clauses, mine.clauses).filter((row) => row.kind !== 'UNCHANGED');
  const permissions = permissionChanges(base.terms, mine.terms);
  return (
    <Flex vertical gap={16}>
      <Typography.Text strong>{t('conflict.yourChanges', { n: baseVersion })}</Typography.Text>
      <Card size="small" title={t('diff.permissions')}>
        <PermissionDiffList changes={permissions} datasetName={datasetName} />
      </Card>
      <Card size="small" title={t('diff.clauses')}>
        {rows.length === 0 ? (
          <Typography.Text type="secondary">{t('conflict.noChanges')}</Typography.Text>
        ) : (
          <SideBySideDiff
            rows={rows}
            leftLabel={t('list.versionN', { n: baseVersion })}
            rightLabel={t('editor.myDraft')}
          />
        )}
      </Card>
    </Flex>
  );
}
