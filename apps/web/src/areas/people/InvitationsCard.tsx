import { App, Button, Card, Popconfirm, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery, type CombinedError } from 'urql';
import type { PeopleInvitationsQuery } from '../../gql/graphql';
import { useFormat } from '../../i18n/i18n';
import { PeopleInvitationsDocument, PeopleRevokeInvitationDocument } from './operations';
import { invitationExpired, sortRoles } from './people';
import { RefusalAlert } from './RefusalAlert';

type Invitation = PeopleInvitationsQuery['invitations']['nodes'][number];

/** The organisation's pending invitations, each revocable (an expired one too, to invite again). */
export function InvitationsCard() {
  const { t } = useTranslation('people');
  const { t: tc } = useTranslation();
  const format = useFormat();
  const { message } = App.useApp();
  const [{ data, error }, refetch] = useQuery({
    query: PeopleInvitationsDocument,
    requestPolicy: 'cache-and-network',
  });
  const [, revoke] = useMutation(PeopleRevokeInvitationDocument);
  const [refusal, setRefusal] = useState<CombinedError | undefined>();
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const now = new Date();

  const onRevoke = async (invitation: Invitation) => {
    const result = await revoke({ id: invitation.id });
    setRefusal(result.error);
    if (!result.error) void message.success(t('done.revoked'));
    reload();
  };

  return (
    <Card title={t('invitations')} size="small">
      <RefusalAlert error={refusal ?? error} />
      <Table<Invitation>
        rowKey="id"
        size="small"
        pagination={false}
        scroll={{ x: 640 }}
        loading={!data && !error}
        dataSource={data?.invitations.nodes ?? []}
        locale={{ emptyText: t('noInvitations') }}
        columns={[
          { title: t('colEmail'), dataIndex: 'email' },
          {
            title: t('colRoles'),
            dataIndex: 'roles',
            render: (roles: Invitation['roles']) =>
              sortRoles(roles).map((role) => <Tag key={role}>{tc(`roles.${role}`)}</Tag>),
          },
          {
            title: t('colInvitedAt'),
            dataIndex: 'createdAt',
            render: (at: string) => format.dateTime(at),
          },
          {
            title: t('colExpiresAt'),
            dataIndex: 'expiresAt',
            render: (at: string, invitation) => (
              <>
                {format.dateTime(at)}{' '}
                {invitationExpired(invitation, now) ? <Tag color="warning">{t('expired')}</Tag> : null}
              </>
            ),
          },
          {
            title: t('colActions'),
            key: 'actions',
            render: (_, invitation) => (
              <Popconfirm
                title={t('confirmRevoke.title', { email: invitation.email })}
                description={t('confirmRevoke.body')}
                onConfirm={() => void onRevoke(invitation)}
              >
                <Button danger>{t('revoke')}</Button>
              </Popconfirm>
            ),
          },
        ]}
      />
    </Card>
  );
}
