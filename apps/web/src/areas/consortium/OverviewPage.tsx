import { Descriptions, Flex, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { toApiProblem } from '../../api/errors';
import { useSession } from '../../auth/session';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { Page } from '../../components/Page';
import { PageLoading } from '../../components/PageLoading';
import { useFormat } from '../../i18n/i18n';
import { useConsortiumId } from '../../layout/consortium';
import { permissions } from './activation';
import { ActivationCard } from './ActivationCard';
import { MembersSection } from './MembersSection';
import { MyInvitations } from './MyInvitations';
import { ConsortiumOverviewDocument } from './queries';
import { ScenariosCard } from './ScenariosCard';
import { TimeZoneSetting } from './TimeZoneSetting';

export const STATUS_COLOR = { FORMING: 'gold', ACTIVE: 'green', CLOSED: 'default' } as const;

export function OverviewPage() {
  const { t } = useTranslation('consortium');
  const format = useFormat();
  const session = useSession();
  const id = useConsortiumId();
  const [{ data, error, fetching }, refetch] = useQuery({
    query: ConsortiumOverviewDocument,
    variables: { id },
  });
  const problem = toApiProblem(error);
  if (problem && !data)
    return (
      <Page title={t('title')}>
        <ApiErrorAlert problem={problem} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      </Page>
    );
  if (fetching && !data) return <PageLoading />;
  if (!data) return null;

  const { consortium } = data;
  const members = data.memberships.nodes;
  const can = permissions(
    { roles: session.roles, organizationId: session.organization?.id },
    consortium.status,
    members,
  );

  return (
    <Page
      title={consortium.name}
      extra={<Tag color={STATUS_COLOR[consortium.status]}>{t(`status.${consortium.status}`)}</Tag>}
    >
      <Flex vertical gap={16}>
        <MyInvitations />
        <Descriptions
          bordered
          size="small"
          column={{ xs: 1, sm: 2, lg: 3 }}
          title={t('overview.facts')}
          items={[
            { key: 'status', label: t('overview.status'), children: t(`status.${consortium.status}`) },
            { key: 'sector', label: t('overview.sector'), children: t(`sector.${consortium.sector}`) },
            { key: 'region', label: t('overview.region'), children: consortium.region },
            { key: 'created', label: t('overview.createdAt'), children: format.date(consortium.createdAt) },
            {
              key: 'activated',
              label: t('overview.activatedAt'),
              children: format.date(consortium.activatedAt),
            },
            {
              key: 'timeZone',
              label: t('overview.timeZone'),
              children: (
                <TimeZoneSetting
                  consortiumId={consortium.id}
                  timeZone={consortium.timeZone}
                  canUpdate={can.canUpdate}
                />
              ),
            },
          ]}
        />
        {consortium.status === 'FORMING' ? (
          <ActivationCard consortiumId={consortium.id} members={members} canActivate={can.canActivate} />
        ) : null}
        <MembersSection consortiumId={consortium.id} members={members} permissions={can} />
        <ScenariosCard consortiumId={consortium.id} />
      </Flex>
    </Page>
  );
}
