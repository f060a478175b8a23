import { App, Button, Card, Col, Flex, Popconfirm, Row, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { toApiProblem } from '../../api/errors';
import { useSession } from '../../auth/session';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { useFormat } from '../../i18n/i18n';
import { membersByKind, missingPartyKinds, type MemberLike, type Permissions } from './activation';
import { InviteModal } from './InviteModal';
import { ConsortiumWithdrawDocument } from './queries';
import { SectionTitle } from './SectionTitle';

export const MEMBERSHIP_COLOR = {
  ACTIVE: 'green',
  INVITED: 'blue',
  DECLINED: 'default',
  WITHDRAWN: 'default',
} as const;

interface Member extends MemberLike {
  createdAt: string;
  joinedAt?: string | null;
  organization: { id: string; name: string; region: string };
}

function MemberRow({ member, canWithdraw, first }: { member: Member; canWithdraw: boolean; first: boolean }) {
  const { t } = useTranslation('consortium');
  const format = useFormat();
  const { message } = App.useApp();
  const session = useSession();
  const [{ fetching, error }, withdraw] = useMutation(ConsortiumWithdrawDocument);
  const mine = member.organization.id === session.organization?.id;
  const when =
    member.status === 'INVITED'
      ? t('overview.invitedAt', { date: format.date(member.createdAt) })
      : member.joinedAt
        ? t('overview.joinedAt', { date: format.date(member.joinedAt) })
        : null;
  const onWithdraw = async () => {
    const result = await withdraw({ id: member.id });
    if (!result.error) void message.success(t('withdraw.done'));
  };
  return (
    <li style={{ padding: '8px 0', borderTop: first ? undefined : '1px solid rgba(5, 5, 5, 0.06)' }}>
      <Flex justify="space-between" gap={8} wrap>
        <Typography.Text strong>{member.organization.name}</Typography.Text>
        <Tag color={MEMBERSHIP_COLOR[member.status]} style={{ marginInlineEnd: 0 }}>
          {t(`membershipStatus.${member.status}`)}
        </Tag>
      </Flex>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {[member.organization.region, when, mine ? t('overview.you') : null].filter(Boolean).join(' · ')}
      </Typography.Text>
      {canWithdraw ? (
        <div style={{ marginTop: 4 }}>
          <ApiErrorAlert problem={toApiProblem(error)} />
          <Popconfirm title={t('withdraw.confirm')} onConfirm={() => void onWithdraw()}>
            <Button size="small" type="link" danger loading={fetching} style={{ paddingInline: 0 }}>
              {t('withdraw.button')}
            </Button>
          </Popconfirm>
        </div>
      ) : null}
    </li>
  );
}

/** Members under the four party kinds, each with its membership state; admins invite here. */
export function MembersSection({
  consortiumId,
  members,
  permissions,
}: {
  consortiumId: string;
  members: readonly Member[];
  permissions: Permissions;
}) {
  const { t } = useTranslation('consortium');
  const [inviting, setInviting] = useState(false);
  const groups = membersByKind(members);
  return (
    <Card
      size="small"
      title={<SectionTitle>{t('overview.members')}</SectionTitle>}
      extra={
        permissions.canInvite ? (
          <Button type="primary" onClick={() => setInviting(true)}>
            {t('invite.button')}
          </Button>
        ) : (
          <Typography.Text type="secondary">
            {t('overview.membersCount', { count: members.length })}
          </Typography.Text>
        )
      }
    >
      <Row gutter={[12, 12]}>
        {[...groups].map(([kind, list]) => (
          <Col key={kind} xs={24} md={12} xl={6}>
            <section
              aria-label={t(`partyKind.${kind}`)}
              style={{ height: '100%' }}
              className="consortium-kind"
            >
              <Card
                size="small"
                type="inner"
                title={<SectionTitle level={3}>{t(`partyKind.${kind}`)}</SectionTitle>}
                style={{ height: '100%' }}
              >
                {list.length ? (
                  <ul style={{ listStyle: 'none', padding: 0, margin: '-8px 0' }}>
                    {list.map((member, index) => (
                      <MemberRow
                        first={index === 0}
                        key={member.id}
                        member={member}
                        canWithdraw={permissions.canWithdraw(member)}
                      />
                    ))}
                  </ul>
                ) : (
                  <Typography.Text type="secondary">{t('overview.noMembers')}</Typography.Text>
                )}
              </Card>
            </section>
          </Col>
        ))}
      </Row>
      {inviting ? (
        <InviteModal
          consortiumId={consortiumId}
          suggestedKinds={missingPartyKinds(members)}
          excludeOrganizationIds={members
            .filter((m) => m.status === 'ACTIVE' || m.status === 'INVITED')
            .map((m) => m.organization.id)}
          onClose={() => setInviting(false)}
        />
      ) : null}
    </Card>
  );
}
