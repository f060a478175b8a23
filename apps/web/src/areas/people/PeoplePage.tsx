import { Alert, App, Button, Card, Flex, Popconfirm, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery, type CombinedError } from 'urql';
import { toApiProblem } from '../../api/errors';
import { useSession } from '../../auth/session';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { Page } from '../../components/Page';
import { PageLoading } from '../../components/PageLoading';
import type { PeopleListQuery } from '../../gql/graphql';
import { useFormat } from '../../i18n/i18n';
import { InvitationsCard } from './InvitationsCard';
import { PeopleDeactivateDocument, PeopleListDocument, PeopleReactivateDocument } from './operations';
import { deactivationRefusal, sortRoles } from './people';
import { InviteModal, RolesModal } from './PeopleModals';
import { RefusalAlert } from './RefusalAlert';

type Member = PeopleListQuery['users']['nodes'][number];

/** /people: the organisation's members and roles; its admins change roles, invite and deactivate. */
export function PeoplePage() {
  const { t } = useTranslation('people');
  const { t: tc } = useTranslation();
  const format = useFormat();
  const { message } = App.useApp();
  const session = useSession();
  const admin = session.roles.includes('ORG_ADMIN');
  const [{ data, error }, refetch] = useQuery({ query: PeopleListDocument });
  const [editing, setEditing] = useState<Member | null>(null);
  const [inviting, setInviting] = useState(false);
  const [invitationsVersion, setInvitationsVersion] = useState(0);
  const [refusal, setRefusal] = useState<CombinedError | undefined>();
  const [, deactivate] = useMutation(PeopleDeactivateDocument);
  const [, reactivate] = useMutation(PeopleReactivateDocument);
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const organization = session.organization?.name ?? '';

  if (!data) {
    return error ? <ApiErrorAlert problem={toApiProblem(error)} onRetry={reload} /> : <PageLoading />;
  }
  const people = data.users.nodes;

  const setStatus = async (member: Member, active: boolean) => {
    const result = await (active ? reactivate : deactivate)({ userId: member.id });
    setRefusal(result.error);
    if (result.error) return;
    void message.success(t(active ? 'done.reactivated' : 'done.deactivated', { name: member.name }));
    reload();
  };

  const actions = (member: Member) => {
    if (member.status === 'DEACTIVATED') {
      return <Button onClick={() => void setStatus(member, true)}>{t('reactivate')}</Button>;
    }
    const blocked = deactivationRefusal(member, session.id, people);
    return (
      <Space wrap>
        <Button onClick={() => setEditing(member)}>{t('editRoles')}</Button>
        {blocked ? (
          <Tooltip title={t(`refusal.${blocked}`)}>
            <Button danger disabled>
              {t('deactivate')}
            </Button>
          </Tooltip>
        ) : (
          <Popconfirm
            title={t('confirmDeactivate.title', { name: member.name })}
            description={t('confirmDeactivate.body')}
            onConfirm={() => void setStatus(member, false)}
          >
            <Button danger>{t('deactivate')}</Button>
          </Popconfirm>
        )}
      </Space>
    );
  };

  return (
    <Page
      title={t('title')}
      extra={
        admin ? (
          <Button type="primary" onClick={() => setInviting(true)}>
            {t('invite')}
          </Button>
        ) : null
      }
    >
      <Flex vertical gap={16}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('lead', { organization })}
        </Typography.Paragraph>
        {admin ? null : <Alert type="info" showIcon title={t('readOnly')} />}
        <RefusalAlert error={refusal} />
        <Card title={t('members')} size="small">
          <Table<Member>
            rowKey="id"
            size="small"
            pagination={false}
            scroll={{ x: 760 }}
            dataSource={people}
            columns={[
              {
                title: t('colName'),
                dataIndex: 'name',
                render: (name: string, member) => `${name}${member.id === session.id ? t('you') : ''}`,
              },
              { title: t('colEmail'), dataIndex: 'email' },
              {
                title: t('colRoles'),
                dataIndex: 'roles',
                render: (roles: Member['roles']) =>
                  roles.length ? (
                    sortRoles(roles).map((role) => (
                      <Tag key={role} color={role === 'ORG_ADMIN' ? 'gold' : undefined}>
                        {tc(`roles.${role}`)}
                      </Tag>
                    ))
                  ) : (
                    <Typography.Text type="secondary">{t('noRoles')}</Typography.Text>
                  ),
              },
              {
                title: t('colStatus'),
                dataIndex: 'status',
                render: (status: Member['status']) =>
                  status ? (
                    <Tag color={status === 'ACTIVE' ? 'success' : 'default'}>{t(`status.${status}`)}</Tag>
                  ) : null,
              },
              {
                title: t('colLastSignIn'),
                dataIndex: 'lastSignInAt',
                render: (at: string | null) => format.dateTime(at),
              },
              ...(admin
                ? [{ title: t('colActions'), key: 'actions', render: (_: unknown, m: Member) => actions(m) }]
                : []),
            ]}
          />
        </Card>
        {admin ? <InvitationsCard key={invitationsVersion} /> : null}
      </Flex>
      {editing ? (
        <RolesModal
          person={editing}
          people={people}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            reload();
          }}
        />
      ) : null}
      {inviting ? (
        <InviteModal
          organization={organization}
          onClose={() => setInviting(false)}
          onInvited={() => {
            setInviting(false);
            setInvitationsVersion((v) => v + 1);
          }}
        />
      ) : null}
    </Page>
  );
}
