import { Alert, Button, Col, Row, Space, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { toApiProblem } from '../../api/errors';
import { useSession } from '../../auth/session';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { NotFoundPage } from '../../components/NotFoundPage';
import { Page } from '../../components/Page';
import { PageLoading } from '../../components/PageLoading';
import { AccessDataCard } from './AccessDataCard';
import { DataDatasetQuery } from './data.queries';
import { DatasetDetails } from './DatasetDetails';
import { DatasetFeatures, DatasetLinks } from './DatasetLinks';
import { EditDatasetDrawer } from './EditDatasetDrawer';
import { SENSITIVITY_COLOR } from './enums';
import { RequestAccessDrawer } from './RequestAccessDrawer';

/** One dataset: what it holds, on what terms, linked work, and the actions the caller may take. */
export function DatasetPage() {
  const { t } = useTranslation('data');
  const { datasetId = '' } = useParams();
  const session = useSession();
  const [{ data, error, fetching }, refetch] = useQuery({
    query: DataDatasetQuery,
    variables: { id: datasetId },
  });
  const [drawer, setDrawer] = useState<'request' | 'edit' | null>(null);
  const problem = toApiProblem(error);
  if (problem?.code === 'NOT_FOUND') return <NotFoundPage />;
  if (problem)
    return <ApiErrorAlert problem={problem} onRetry={() => refetch({ requestPolicy: 'network-only' })} />;
  if (fetching && !data) return <PageLoading />;
  if (!data) return null;
  const dataset = data.dataset;
  const own = dataset.ownerOrganizationId === session.organization?.id;
  const roles = session.roles;
  const canEdit = own && roles.includes('DATA_STEWARD');
  const canRequest =
    !own && (roles.includes('RESEARCHER') || roles.includes('ENGINEER') || roles.includes('ORG_ADMIN'));
  const canAccess = !own && (roles.includes('RESEARCHER') || roles.includes('ENGINEER'));

  return (
    <Page
      title={
        <Space wrap>
          {dataset.name}
          <Tag color={SENSITIVITY_COLOR[dataset.sensitivity]}>
            {t(`enums.DatasetSensitivity.${dataset.sensitivity}`)}
          </Tag>
        </Space>
      }
      extra={
        <>
          <Link to="..">
            <Button>{t('dataset.back')}</Button>
          </Link>
          {canEdit ? <Button onClick={() => setDrawer('edit')}>{t('dataset.edit')}</Button> : null}
          {canRequest ? (
            <Button type="primary" onClick={() => setDrawer('request')}>
              {t('dataset.requestAccess')}
            </Button>
          ) : null}
        </>
      }
    >
      <Row gutter={16}>
        <Col xs={24} xl={15}>
          <DatasetDetails dataset={dataset} />
          <DatasetFeatures dataset={dataset} />
        </Col>
        <Col xs={24} xl={9}>
          {canAccess ? (
            <AccessDataCard datasetId={dataset.id} offered={dataset.allowedPurposes} />
          ) : own ? (
            <Alert type="info" showIcon title={t('access.ownerLocation')} style={{ marginBottom: 16 }} />
          ) : (
            <Alert type="info" showIcon title={t('access.notAllowed')} style={{ marginBottom: 16 }} />
          )}
          <DatasetLinks dataset={dataset} />
        </Col>
      </Row>
      {canRequest ? (
        <RequestAccessDrawer dataset={dataset} open={drawer === 'request'} onClose={() => setDrawer(null)} />
      ) : null}
      {canEdit ? (
        <EditDatasetDrawer
          dataset={dataset}
          open={drawer === 'edit'}
          onClose={() => setDrawer(null)}
          onSaved={() => {
            setDrawer(null);
            refetch({ requestPolicy: 'network-only' });
          }}
        />
      ) : null}
    </Page>
  );
}
