import { Alert, App, Button, Card, Descriptions, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { toApiProblem } from '../../api/errors';
import { useSession } from '../../auth/session';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { NotFoundPage } from '../../components/NotFoundPage';
import { Page } from '../../components/Page';
import { PageLoading } from '../../components/PageLoading';
import type { ReviewsRequestQuery } from '../../gql/graphql';
import { useFormat } from '../../i18n/i18n';
import { useConsortiumId } from '../../layout/consortium';
import { DECISION_COLOR, REQUEST_STATUS_COLOR } from './enums';
import { MatchTag, RationaleList } from './MatchVerdict';
import { ReviewForm } from './ReviewForm';
import { ReviewsRequestQuery as RequestQuery, ReviewsWithdrawMutation } from './reviews.queries';
import { useOrganizationNames } from './useOrganizationNames';

type Item = ReviewsRequestQuery['dataAccessRequest']['items'][number];
const OPEN = ['SUBMITTED', 'UNDER_REVIEW'];

/** One access request: what is asked, the matcher's advice per dataset, decisions, and actions. */
export function RequestPage() {
  const { t } = useTranslation('data');
  const { message } = App.useApp();
  const format = useFormat();
  const session = useSession();
  const consortiumId = useConsortiumId();
  const orgName = useOrganizationNames(consortiumId);
  const { requestId = '' } = useParams();
  const [{ data, error, fetching }, refetch] = useQuery({
    query: RequestQuery,
    variables: { id: requestId },
  });
  const [withdrawal, withdraw] = useMutation(ReviewsWithdrawMutation);
  const problem = toApiProblem(error);
  if (problem?.code === 'NOT_FOUND') return <NotFoundPage />;
  if (problem)
    return <ApiErrorAlert problem={problem} onRetry={() => refetch({ requestPolicy: 'network-only' })} />;
  if (fetching && !data) return <PageLoading />;
  if (!data) return null;
  const request = data.dataAccessRequest;
  const myOrg = session.organization?.id;
  const open = OPEN.includes(request.status);
  const isRequester = request.requesterOrganizationId === myOrg;
  const canWithdraw =
    open &&
    isRequester &&
    ['RESEARCHER', 'ENGINEER', 'ORG_ADMIN'].some((r) => session.roles.includes(r as 'RESEARCHER'));
  const pending = request.items.filter((i) => i.ownerOrganizationId === myOrg && i.decision === 'PENDING');
  const canReview = open && pending.length > 0 && session.roles.includes('DATA_STEWARD');
  const refresh = () => refetch({ requestPolicy: 'network-only' });

  return (
    <Page
      title={
        <Space wrap>
          {t('requestPage.title')}
          <Tag color={REQUEST_STATUS_COLOR[request.status]}>
            {t(`enums.DataAccessRequestStatus.${request.status}`)}
          </Tag>
        </Space>
      }
      extra={
        <>
          <Link to="..">
            <Button>{t('requestPage.back')}</Button>
          </Link>
          {canWithdraw ? (
            <Popconfirm
              title={t('requestPage.withdrawConfirm')}
              onConfirm={() =>
                void withdraw({ id: request.id }).then((result) => {
                  if (!result.error) void message.success(t('requestPage.withdrawn'));
                })
              }
            >
              <Button danger loading={withdrawal.fetching}>
                {t('requestPage.withdraw')}
              </Button>
            </Popconfirm>
          ) : null}
        </>
      }
    >
      <ApiErrorAlert problem={toApiProblem(withdrawal.error)} />
      {request.contractId ? (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('requestPage.approvedNote')}
          action={
            <Link to={`/c/${consortiumId}/contracts/${request.contractId}`}>
              <Button size="small">{t('requestPage.openContract')}</Button>
            </Link>
          }
        />
      ) : null}
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions size="small" bordered column={{ xs: 1, sm: 2, lg: 3 }}>
          <Descriptions.Item label={t('requestPage.requester')}>
            {orgName(request.requesterOrganizationId)}
          </Descriptions.Item>
          <Descriptions.Item label={t('requestPage.purpose')}>
            {t(`enums.Purpose.${request.purpose}`)}
          </Descriptions.Item>
          <Descriptions.Item label={t('requestPage.durationDays')}>
            {t('requestPage.days', { count: request.durationDays })}
          </Descriptions.Item>
          <Descriptions.Item label={t('requestPage.createdAt')}>
            {format.dateTime(request.createdAt)}
          </Descriptions.Item>
          <Descriptions.Item label={t('requestPage.reviewDueAt')}>
            <Space size={4}>
              {format.dateTime(request.reviewDueAt)}
              {request.overdue ? <Tag color="red">{t('reviews.overdueTag')}</Tag> : null}
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label={t('requestPage.decidedAt')}>
            {format.dateTime(request.decidedAt)}
          </Descriptions.Item>
          <Descriptions.Item label={t('requestPage.intendedOutputs')} span={{ xs: 1, sm: 2, lg: 3 }}>
            <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{request.intendedOutputs}</Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('requestPage.securityMeasures')} span={{ xs: 1, sm: 2, lg: 3 }}>
            <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{request.securityMeasures}</Typography.Text>
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title={t('requestPage.items')} size="small" style={{ marginBottom: 16 }}>
        <Table<Item>
          aria-label={t('requestPage.items')}
          rowKey="datasetId"
          size="small"
          pagination={false}
          scroll={{ x: 900 }}
          dataSource={request.items}
          columns={[
            {
              title: t('requestPage.dataset'),
              key: 'dataset',
              width: 220,
              render: (_, item) =>
                item.dataset ? (
                  <Link to={`/c/${consortiumId}/data/${item.datasetId}`}>{item.dataset.name}</Link>
                ) : (
                  t('requestPage.hiddenDataset')
                ),
            },
            {
              title: t('requestPage.owner'),
              key: 'owner',
              width: 200,
              render: (_, item) => orgName(item.ownerOrganizationId),
            },
            {
              title: t('requestPage.advice'),
              key: 'advice',
              render: (_, item) => (
                <>
                  <MatchTag decision={item.purposeMatch.decision} />
                  <RationaleList rationale={item.purposeMatch.rationale} />
                </>
              ),
            },
            {
              title: t('requestPage.decision'),
              key: 'decision',
              width: 200,
              render: (_, item) => (
                <>
                  <Tag color={DECISION_COLOR[item.decision]}>
                    {t(`enums.AccessDecision.${item.decision}`)}
                  </Tag>
                  {item.overrideReason ? (
                    <Tag color="orange" style={{ marginTop: 4 }}>
                      {t('requestPage.overridden')}
                    </Tag>
                  ) : null}
                  {item.reason ? <div>{item.reason}</div> : null}
                  {item.decidedBy ? (
                    <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                      {t('requestPage.decidedBy', {
                        name: item.decidedBy.name,
                        organization: item.decidedBy.organizationName,
                      })}
                    </Typography.Text>
                  ) : null}
                </>
              ),
            },
          ]}
        />
      </Card>
      {canReview ? (
        <ReviewForm
          requestId={request.id}
          pending={pending.map((i) => ({
            datasetId: i.datasetId,
            name: i.dataset?.name ?? i.datasetId.slice(0, 8),
            advice: i.purposeMatch.decision,
          }))}
          onDone={refresh}
        />
      ) : null}
    </Page>
  );
}
