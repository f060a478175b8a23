import { Alert, Button, Card, Flex, Form, Select, Switch, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { toApiProblem } from '../../api/errors';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { Page } from '../../components/Page';
import { PageLoading } from '../../components/PageLoading';
import { useFormat } from '../../i18n/i18n';
import { useConsortiumId } from '../../layout/consortium';
import { rowsFromChanges } from './clause-diff';
import { datasetNamer } from './contract-types';
import { DiffComments, threadsByClause } from './DiffComments';
import {
  ContractsDiffCommentsDocument,
  ContractsDiffDocument,
  ContractsVersionsDocument,
} from './operations';
import { permissionChanges } from './permission-diff';
import { PermissionDiffList } from './PermissionDiffList';
import { SideBySideDiff } from './SideBySideDiff';

/** Any two versions side by side: the legal diff (clauses) and the permission diff (terms). */
export function ContractDiffPage() {
  const { t } = useTranslation('contracts');
  const format = useFormat();
  const { contractId = '' } = useParams();
  const consortiumId = useConsortiumId();
  const [params, setParams] = useSearchParams();
  const [onlyChanges, setOnlyChanges] = useState(true);
  const [versionsResult, refetchVersions] = useQuery({
    query: ContractsVersionsDocument,
    variables: { id: contractId, consortiumId },
  });
  const contract = versionsResult.data?.dataSharingContract;
  const latest = contract?.currentVersion ?? 1;
  const to = Number(params.get('to') ?? latest);
  const from = Number(params.get('from') ?? Math.max(1, to - 1));
  const valid = Number.isInteger(from) && Number.isInteger(to) && from >= 1 && to >= 1 && from !== to;
  const [diffResult, refetchDiff] = useQuery({
    query: ContractsDiffDocument,
    variables: { id: contractId, from, to },
    pause: !contract || !valid,
  });
  const comparison = diffResult.data?.compareContractVersions;
  const [commentsResult] = useQuery({
    query: ContractsDiffCommentsDocument,
    variables: { id: contractId, from, to },
    pause: !contract || !valid,
  });
  const commented = useMemo(() => {
    const versions = commentsResult.data?.dataSharingContract;
    return threadsByClause(versions?.fromComments.comments ?? [], versions?.toComments.comments ?? []);
  }, [commentsResult.data]);
  const rows = useMemo(() => {
    const all = rowsFromChanges(comparison?.clauses ?? []);
    return onlyChanges ? all.filter((row) => row.kind !== 'UNCHANGED') : all;
  }, [comparison, onlyChanges]);
  const versions = diffResult.data?.dataSharingContract;
  const permissions = versions ? permissionChanges(versions.fromTerms.terms, versions.toTerms.terms) : [];
  const nameOf = datasetNamer(versionsResult.data?.datasets.nodes ?? []);

  if (!contract) {
    const problem = toApiProblem(versionsResult.error);
    return problem ? (
      <ApiErrorAlert problem={problem} onRetry={() => refetchVersions({ requestPolicy: 'network-only' })} />
    ) : (
      <PageLoading />
    );
  }
  const options = contract.versions.map((version) => ({
    value: version.number,
    label: `${t('list.versionN', { n: version.number })} · ${format.dateTime(version.createdAt)}`,
  }));
  const choose = (next: { from?: number; to?: number }) =>
    setParams({ from: String(next.from ?? from), to: String(next.to ?? to) }, { replace: true });

  return (
    <Page
      title={`${t('diff.title')} · ${contract.title}`}
      extra={
        <Link to={`../${contractId}`}>
          <Button>{t('editor.cancel')}</Button>
        </Link>
      }
    >
      <Form layout="inline" style={{ marginBottom: 16, rowGap: 8 }}>
        <Form.Item label={t('diff.from')} htmlFor="contracts-diff-from">
          <Select
            id="contracts-diff-from"
            style={{ width: 300 }}
            value={from}
            options={options}
            onChange={(value) => choose({ from: value })}
          />
        </Form.Item>
        <Form.Item label={t('diff.to')} htmlFor="contracts-diff-to">
          <Select
            id="contracts-diff-to"
            style={{ width: 300 }}
            value={to}
            options={options}
            onChange={(value) => choose({ to: value })}
          />
        </Form.Item>
        <Form.Item label={t('diff.onlyChanges')} htmlFor="contracts-diff-only">
          <Switch id="contracts-diff-only" checked={onlyChanges} onChange={setOnlyChanges} />
        </Form.Item>
      </Form>
      {!valid ? (
        <Alert type="info" showIcon title={t('diff.sameVersion')} style={{ marginBottom: 16 }} />
      ) : null}
      <ApiErrorAlert
        problem={toApiProblem(diffResult.error)}
        onRetry={() => refetchDiff({ requestPolicy: 'network-only' })}
      />
      {valid && diffResult.fetching && !comparison ? <PageLoading /> : null}
      {comparison ? (
        <Flex vertical gap={16}>
          <Card
            size="small"
            title={t('diff.permissions')}
            extra={
              <Flex gap={4}>
                {comparison.widens ? <Tag color="orange">{t('diff.widens')}</Tag> : null}
                {comparison.narrows ? <Tag color="blue">{t('diff.narrows')}</Tag> : null}
              </Flex>
            }
          >
            <PermissionDiffList changes={permissions} datasetName={nameOf} />
          </Card>
          <Card size="small" title={t('diff.clauses')}>
            <Typography.Paragraph type="secondary">{t('diff.legend')}</Typography.Paragraph>
            <SideBySideDiff
              rows={rows}
              leftLabel={t('list.versionN', { n: comparison.fromVersion })}
              rightLabel={t('list.versionN', { n: comparison.toVersion })}
              commentsFor={(key) => <DiffComments threads={commented.get(key) ?? []} />}
            />
          </Card>
        </Flex>
      ) : null}
    </Page>
  );
}
