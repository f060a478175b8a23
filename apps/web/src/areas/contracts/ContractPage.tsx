import { Button, Card, Col, Flex, Row, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { toApiProblem } from '../../api/errors';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { Page } from '../../components/Page';
import { PageLoading } from '../../components/PageLoading';
import { useConsortiumId } from '../../layout/consortium';
import { AccessDataCard } from './AccessDataCard';
import { ClausesView } from './ClausesView';
import { ContractActions } from './ContractActions';
import { ContractOverview } from './ContractOverview';
import { STATUS_COLORS } from './contract-rules';
import { datasetNamer } from './contract-types';
import { DownloadsCard } from './DownloadsCard';
import { MatcherOverridesNotice } from './MatcherOverridesNotice';
import { NextActionsCard } from './NextActionsCard';
import { ObligationsCard } from './ObligationsCard';
import { useClauseComments } from './useClauseComments';
import { useContractActions } from './useContractActions';
import { TermsView } from './TermsView';
import { VersionHistory } from './VersionHistory';
import { ContractsContractDocument } from './operations';

export function ContractPage() {
  const { t } = useTranslation('contracts');
  const { contractId = '' } = useParams();
  const consortiumId = useConsortiumId();
  const [{ data, error, fetching }, refetch] = useQuery({
    query: ContractsContractDocument,
    variables: { id: contractId, consortiumId },
  });
  const contract = data?.dataSharingContract;
  const allowed = useContractActions(contract);
  const comments = useClauseComments(contractId, contract?.version.number);
  const problem = toApiProblem(error);
  const reload = () => refetch({ requestPolicy: 'network-only' });
  if (!contract) {
    return problem ? <ApiErrorAlert problem={problem} onRetry={reload} /> : <PageLoading />;
  }
  const nameOf = datasetNamer(data?.datasets.nodes ?? []);

  return (
    <Page
      title={
        <Space wrap>
          {contract.title}
          <Tag color={STATUS_COLORS[contract.status]}>{t(`status.${contract.status}`)}</Tag>
        </Space>
      }
      extra={
        <Link to="..">
          <Button>{t('contract.back')}</Button>
        </Link>
      }
    >
      {problem && !fetching ? <ApiErrorAlert problem={problem} onRetry={reload} /> : null}
      {contract.matcherOverrides.length > 0 ? (
        <div style={{ marginBottom: 16 }}>
          <MatcherOverridesNotice overrides={contract.matcherOverrides} />
        </div>
      ) : null}
      <Row gutter={[16, 16]}>
        <Col xs={{ span: 24, order: 2 }} xl={{ span: 16, order: 1 }}>
          <Flex vertical gap={16}>
            <ContractOverview contract={contract} />
            <Card title={t('contract.terms')} size="small">
              <TermsView terms={contract.version.terms} datasetName={nameOf} />
            </Card>
            <div id="contract-obligations">
              <ObligationsCard contract={contract} canFulfil={allowed.has('fulfil')} />
            </div>
            <VersionHistory contract={contract} />
            <ClausesView
              version={contract.version}
              governingLanguage={contract.governingLanguage}
              clauseExtra={comments.clauseExtra}
              extra={comments.allButton}
            />
          </Flex>
        </Col>
        {/* Actions first on a tablet, beside the details on a wide screen. */}
        <Col xs={{ span: 24, order: 1 }} xl={{ span: 8, order: 2 }}>
          <Flex vertical gap={16}>
            <NextActionsCard contract={contract} />
            <div id="contract-actions">
              <ContractActions contract={contract} allowed={allowed} onChanged={reload} />
            </div>
            {allowed.has('access') ? (
              <AccessDataCard terms={contract.version.terms} datasetName={nameOf} />
            ) : null}
            <DownloadsCard contract={contract} />
          </Flex>
        </Col>
      </Row>
      {comments.drawer}
    </Page>
  );
}
