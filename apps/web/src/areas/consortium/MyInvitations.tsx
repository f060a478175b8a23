import { App, Button, Card, Flex, Popconfirm, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { toApiProblem } from '../../api/errors';
import { useRefreshSession, useSession } from '../../auth/session';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { useFormat } from '../../i18n/i18n';
import type { ConsortiumMyInvitationsQuery } from '../../gql/graphql';
import {
  ConsortiumAcceptDocument,
  ConsortiumDeclineDocument,
  ConsortiumMyInvitationsDocument,
} from './queries';
import { SectionTitle } from './SectionTitle';

type Invitation = ConsortiumMyInvitationsQuery['memberships']['nodes'][number];

function InvitationRow({ invitation, admin }: { invitation: Invitation; admin: boolean }) {
  const { t } = useTranslation('consortium');
  const format = useFormat();
  const { message } = App.useApp();
  const [accepting, accept] = useMutation(ConsortiumAcceptDocument);
  const [declining, decline] = useMutation(ConsortiumDeclineDocument);
  const refreshSession = useRefreshSession();
  const name = invitation.consortiumName;
  const onAccept = async () => {
    const result = await accept({ id: invitation.id });
    if (result.error) return;
    void message.success(t('myInvitations.accepted', { name }));
    // The consortium now belongs in the picker and the menu.
    refreshSession();
  };
  const onDecline = async () => {
    const result = await decline({ id: invitation.id });
    if (!result.error) void message.success(t('myInvitations.declined'));
  };
  return (
    <li style={{ padding: '8px 0' }}>
      <Flex justify="space-between" align="center" gap={8} wrap>
        <span>
          <Typography.Text strong>
            {t('myInvitations.as', { name, kind: t(`partyKind.${invitation.partyRole}`) })}
          </Typography.Text>{' '}
          <Typography.Text type="secondary">
            {t('overview.invitedAt', { date: format.date(invitation.createdAt) })}
          </Typography.Text>
        </span>
        {admin ? (
          <Flex gap={8}>
            <Button type="primary" size="small" loading={accepting.fetching} onClick={() => void onAccept()}>
              {t('myInvitations.accept')}
            </Button>
            <Popconfirm
              title={t('myInvitations.declineConfirm', { name })}
              onConfirm={() => void onDecline()}
            >
              <Button size="small" loading={declining.fetching}>
                {t('myInvitations.decline')}
              </Button>
            </Popconfirm>
          </Flex>
        ) : null}
      </Flex>
      <ApiErrorAlert problem={toApiProblem(accepting.error ?? declining.error)} />
    </li>
  );
}

/** Invitations waiting for the person's organisation to answer; nothing when there are none. */
export function MyInvitations() {
  const { t } = useTranslation('consortium');
  const session = useSession();
  const [{ data, error }, refetch] = useQuery({ query: ConsortiumMyInvitationsDocument });
  const problem = toApiProblem(error);
  if (problem)
    return <ApiErrorAlert problem={problem} onRetry={() => refetch({ requestPolicy: 'network-only' })} />;
  const invitations = (data?.memberships.nodes ?? []).filter((m) => m.status === 'INVITED');
  if (!invitations.length) return null;
  const admin = session.roles.includes('ORG_ADMIN');
  return (
    <Card
      size="small"
      title={<SectionTitle>{t('myInvitations.title')}</SectionTitle>}
      style={{ borderColor: '#91caff' }}
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
        {admin ? t('myInvitations.lead') : t('myInvitations.adminOnly')}
      </Typography.Paragraph>
      <ul style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {invitations.map((invitation) => (
          <InvitationRow key={invitation.id} invitation={invitation} admin={admin} />
        ))}
      </ul>
    </Card>
  );
}
