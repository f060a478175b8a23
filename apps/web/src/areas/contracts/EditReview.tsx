import { Alert, Button, Card, Descriptions, Flex, Radio, Tag, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ContractEditSide, ContractsPreviewEditQuery } from '../../gql/graphql';
import { rowsFromChanges } from './clause-diff';
import { permissionChanges } from './permission-diff';
import { PermissionDiffList } from './PermissionDiffList';
import { SideBySideDiff } from './SideBySideDiff';
import { DUTIES } from './terms';

export type EditPreview = ContractsPreviewEditQuery['previewContractEdit'];
type Conflict = EditPreview['conflicts'][number];

/** A value of a conflict, as a person reads it: text as written, a clause by its title, absence in words. */
function ConflictValue({ value }: { value: unknown }) {
  const { t } = useTranslation('contracts');
  if (value === null || value === undefined || value === 'absent')
    return <Typography.Text type="secondary">{t('review.absent')}</Typography.Text>;
  if (typeof value === 'object' && value !== null && 'title' in value && 'text' in value) {
    const clause = value as { title: string; text: string };
    return (
      <div>
        <Typography.Text strong>{clause.title}</Typography.Text>
        <div style={{ whiteSpace: 'pre-wrap' }}>{clause.text}</div>
      </div>
    );
  }
  if (Array.isArray(value)) return <span>{value.map(String).join('、')}</span>;
  return (
    <span style={{ whiteSpace: 'pre-wrap' }}>
      {typeof value === 'string' ? value : JSON.stringify(value)}
    </span>
  );
}

/** Where a conflict is, in words: the clause and field, or the term. */
function conflictPlace(conflict: Conflict, t: TFunction<'contracts'>): string {
  const [area = '', name = '', field = ''] = conflict.path.split('.');
  if (conflict.path === 'title') return t('review.place.title');
  if (conflict.path === 'clauses.order') return t('review.place.order');
  if (area === 'terms' && name === 'duties') {
    const duty = DUTIES.find((candidate) => candidate === field);
    return t('review.place.duty', { duty: duty ? t(`duty.${duty}`) : field });
  }
  if (area === 'terms') return name === 'startsOn' ? t('editor.startsOn') : t('editor.endsOn');
  if (field === 'title') return t('review.place.clause.title', { key: name });
  if (field === 'text') return t('review.place.clause.text', { key: name });
  return t('review.place.clause.whole', { key: name });
}

/**
 * The server's own answer to "what would saving store?": the merge onto the latest version, each
 * conflict with a choice of side, and the diff against the latest version. Saving sends the hash of
 * exactly this result.
 */
export function EditReview({
  preview,
  datasetName,
  resolutions,
  onResolve,
  onSave,
  saving,
  reviewedAgain,
}: {
  preview: EditPreview;
  datasetName: (id: string) => string;
  resolutions: Record<string, ContractEditSide>;
  onResolve: (path: string, side: ContractEditSide) => void;
  onSave: () => void;
  saving: boolean;
  reviewedAgain: boolean;
}) {
  const { t } = useTranslation('contracts');
  const rows = rowsFromChanges(preview.comparison.clauses).filter((row) => row.kind !== 'UNCHANGED');
  const permissions = permissionChanges(preview.latest.terms, preview.terms);
  const open = preview.openConflicts;
  return (
    <Flex vertical gap={16}>
      {reviewedAgain ? (
        <Alert
          type="warning"
          showIcon
          role="alert"
          title={t('review.changedSinceReview', { n: preview.latestVersion })}
        />
      ) : null}
      {preview.merged ? (
        <Alert
          type="info"
          showIcon
          title={t('review.merged', { base: preview.baseVersion, n: preview.latestVersion })}
          description={t('review.mergedBody', { n: preview.latestVersion })}
        />
      ) : null}
      {preview.conflicts.length > 0 ? (
        <Card size="small" title={t('review.conflicts', { n: preview.conflicts.length })}>
          <Flex vertical gap={12}>
            {open > 0 ? (
              <Alert type="warning" showIcon title={t('review.openConflicts', { n: open })} />
            ) : null}
            {preview.conflicts.map((conflict) => (
              <Card key={conflict.path} size="small" type="inner" title={conflictPlace(conflict, t)}>
                <Descriptions
                  size="small"
                  column={1}
                  bordered
                  items={[
                    {
                      key: 'base',
                      label: t('review.baseValue', { n: preview.baseVersion }),
                      children: <ConflictValue value={conflict.base} />,
                    },
                    {
                      key: 'theirs',
                      label: t('review.theirValue', { n: preview.latestVersion }),
                      children: <ConflictValue value={conflict.theirs} />,
                    },
                    {
                      key: 'mine',
                      label: t('review.myValue'),
                      children: <ConflictValue value={conflict.mine} />,
                    },
                  ]}
                />
                <Radio.Group
                  style={{ marginTop: 8 }}
                  aria-label={t('review.choose', { place: conflictPlace(conflict, t) })}
                  value={resolutions[conflict.path] ?? conflict.resolution ?? undefined}
                  onChange={(event) => onResolve(conflict.path, event.target.value as ContractEditSide)}
                  options={[
                    { value: 'MINE', label: t('review.keepMine') },
                    { value: 'THEIRS', label: t('review.keepTheirs', { n: preview.latestVersion }) },
                  ]}
                />
              </Card>
            ))}
          </Flex>
        </Card>
      ) : null}
      <Typography.Text strong>
        {t('review.against', { n: preview.latestVersion, next: preview.newVersion })}
      </Typography.Text>
      <Card size="small" title={t('diff.permissions')}>
        <PermissionDiffList changes={permissions} datasetName={datasetName} />
      </Card>
      <Card size="small" title={t('diff.clauses')}>
        {rows.length === 0 ? (
          <Typography.Text type="secondary">{t('review.noClauseChanges')}</Typography.Text>
        ) : (
          <SideBySideDiff
            rows={rows}
            leftLabel={t('list.versionN', { n: preview.latestVersion })}
            rightLabel={t('review.newVersion', { n: preview.newVersion })}
          />
        )}
      </Card>
      {preview.unchanged ? (
        <Alert type="info" showIcon title={t('review.unchanged', { n: preview.latestVersion })} />
      ) : null}
      <Flex justify="end" align="center" gap={12} wrap>
        {preview.contentHash ? (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('review.hash')} <Tag data-testid="reviewed-hash">{preview.contentHash.slice(0, 16)}…</Tag>
          </Typography.Text>
        ) : null}
        <Button type="primary" loading={saving} disabled={!preview.contentHash} onClick={onSave}>
          {t('review.save', { n: preview.newVersion })}
        </Button>
      </Flex>
    </Flex>
  );
}
