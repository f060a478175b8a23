import { Badge, Card, Col, Empty, List, Row, Space, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { toApiProblem } from '../../api/errors';
import { useSession } from '../../auth/session';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { Page } from '../../components/Page';
import { useFormat } from '../../i18n/i18n';
import { MyInvitations } from '../consortium/MyInvitations';
import { acceptsMilestoneTerms, atRisk, awaitsEdit, awaitsSignature, obligationsDue } from './my-work';
import { MyWorkDocument, OPEN_STATUSES } from './my-work.query';
import { MUTED_BADGE } from '../../theme';

/** Where a person lands after signing in: what waits for them, across their consortia. */
export function MyWorkPage() {
  const { t } = useTranslation('mywork');
  const { t: tm } = useTranslation('milestones');
  const format = useFormat();
  const session = useSession();
  const organizationId = session.organization?.id;
  const [{ data, error, fetching }, refetch] = useQuery({
    query: MyWorkDocument,
    variables: {
      me: session.id,
      // Without an organisation, @include skips the organisation's tickets.
      organizationId: organizationId ?? null,
      hasOrganization: Boolean(organizationId),
      openStatuses: OPEN_STATUSES as never,
    },
  });
  const now = new Date();
  const problem = toApiProblem(error);

  const tickets = [
    ...(data?.mine.nodes ?? []).map((ticket) => ({ ticket, mine: true })),
    ...(data?.ours?.nodes ?? [])
      .filter((ticket) => !data?.mine.nodes.some((m) => m.id === ticket.id))
      .map((ticket) => ({ ticket, mine: false })),
  ];
  const editable = [...(data?.drafts.nodes ?? []), ...(data?.negotiating.nodes ?? [])].filter((c) =>
    awaitsEdit(c, organizationId, session.roles),
  );
  const signable = (data?.agreed.nodes ?? []).filter((c) =>
    awaitsSignature(c, organizationId, session.roles),
  );
  const obligations = (data?.active.nodes ?? []).flatMap((contract) =>
    obligationsDue(contract.obligations).map((obligation) => ({ contract, obligation })),
  );
  const milestones = (data?.committed.nodes ?? []).filter((m) => atRisk(m, now));
  // The API lists proposals binding my organisation; only an admin or signatory can accept them.
  const toAccept = acceptsMilestoneTerms(session.roles) ? (data?.awaitingAcceptance.nodes ?? []) : [];

  return (
    <Page title={t('title')}>
      <Typography.Paragraph type="secondary">
        {t('greeting', { name: session.name })} · {t('lead')}
      </Typography.Paragraph>
      {!organizationId ? <Typography.Paragraph>{t('noOrganization')}</Typography.Paragraph> : null}
      <ApiErrorAlert problem={problem} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      <div style={{ marginBottom: 16 }}>
        <MyInvitations />
      </div>
      <Row gutter={[16, 16]} data-testid="my-work" aria-busy={!data}>
        <Section title={t('sections.tickets')} count={tickets.length} loading={fetching && !data}>
          <Items
            empty={t('empty.tickets')}
            items={tickets.map(({ ticket, mine }) => ({
              key: ticket.id,
              to: `/c/${ticket.consortiumId}/tickets/${ticket.id}`,
              title: `#${ticket.number} ${ticket.title}`,
              extra: (
                <Space size={4} wrap>
                  <Tag>{mine ? t('assignedToMe') : t('assignedToOrganization')}</Tag>
                  {ticket.overdue ? <Tag color="red">{t('overdue')}</Tag> : null}
                  <Typography.Text type="secondary">
                    {t('due', { date: format.dateTime(ticket.resolutionDueAt) })}
                  </Typography.Text>
                </Space>
              ),
            }))}
          />
        </Section>
        <Section
          title={t('sections.reviews')}
          count={data?.reviews.totalCount ?? 0}
          loading={fetching && !data}
        >
          <Items
            empty={t('empty.reviews')}
            items={(data?.reviews.nodes ?? []).map((request) => ({
              key: request.id,
              to: `/c/${request.consortiumId}/reviews/${request.id}`,
              title: request.items.map((item) => item.dataset?.name ?? '—').join('、'),
              extra: (
                <Space size={4} wrap>
                  {request.overdue ? <Tag color="red">{t('overdue')}</Tag> : null}
                  <Typography.Text type="secondary">
                    {t('reviewDue', { date: format.dateTime(request.reviewDueAt) })}
                  </Typography.Text>
                </Space>
              ),
            }))}
          />
        </Section>
        <Section title={t('sections.contractsToEdit')} count={editable.length} loading={fetching && !data}>
          <Items
            empty={t('empty.contractsToEdit')}
            items={editable.map((contract) => ({
              key: contract.id,
              to: `/c/${contract.consortiumId}/contracts/${contract.id}`,
              title: contract.title,
              extra: <Tag>v{contract.currentVersion}</Tag>,
            }))}
          />
        </Section>
        <Section title={t('sections.contractsToSign')} count={signable.length} loading={fetching && !data}>
          <Items
            empty={t('empty.contractsToSign')}
            items={signable.map((contract) => ({
              key: contract.id,
              to: `/c/${contract.consortiumId}/contracts/${contract.id}`,
              title: contract.title,
              extra: <Tag color="blue">v{contract.currentVersion}</Tag>,
            }))}
          />
        </Section>
        <Section title={t('sections.obligations')} count={obligations.length} loading={fetching && !data}>
          <Items
            empty={t('empty.obligations')}
            items={obligations.map(({ contract, obligation }) => ({
              key: obligation.id,
              to: `/c/${contract.consortiumId}/contracts/${contract.id}`,
              title: `${t(`duty.${obligation.duty}`)} · ${contract.title}`,
              extra: (
                <Space size={4} wrap>
                  {obligation.overdue ? <Tag color="red">{t('overdue')}</Tag> : null}
                  <Typography.Text type="secondary">
                    {t('due', { date: format.date(obligation.dueAt) })}
                  </Typography.Text>
                </Space>
              ),
            }))}
          />
        </Section>
        <Section title={t('sections.milestoneTerms')} count={toAccept.length} loading={fetching && !data}>
          <Items
            empty={t('empty.milestoneTerms')}
            items={toAccept.map((milestone) => ({
              key: milestone.id,
              to: `/c/${milestone.consortiumId}/milestones/${milestone.id}`,
              title: milestone.name,
              extra: (
                <Space size={4} wrap>
                  <Tag color="gold">{t('termsVersion', { n: milestone.termsVersion })}</Tag>
                  <Typography.Text type="secondary">{t('acceptTerms')}</Typography.Text>
                </Space>
              ),
            }))}
          />
        </Section>
        <Section title={t('sections.milestones')} count={milestones.length} loading={fetching && !data}>
          <Items
            empty={t('empty.milestones')}
            items={milestones.map((milestone) => ({
              key: milestone.id,
              to: `/c/${milestone.consortiumId}/milestones/${milestone.id}`,
              title: milestone.name,
              extra: (
                <Typography.Text type="secondary">
                  {t('due', { date: format.date(milestone.dueAt) })} ·{' '}
                  {tm(`outcome.${milestone.evaluation.outcome as 'PENDING'}`)} ·{' '}
                  {t('targetsMet', {
                    met: milestone.evaluation.explanation.filter((check) => check.met).length,
                    total: milestone.evaluation.explanation.length,
                  })}
                </Typography.Text>
              ),
            }))}
          />
        </Section>
      </Row>
    </Page>
  );
}

function Section({
  title,
  count,
  loading,
  children,
}: {
  title: string;
  count: number;
  loading: boolean;
  children: ReactNode;
}) {
  return (
    <Col xs={24} lg={12}>
      <Card
        loading={loading}
        title={
          <Space>
            <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
              {title}
            </Typography.Title>
            <Badge count={count} showZero color={count ? '#1554ad' : MUTED_BADGE} />
          </Space>
        }
      >
        {children}
      </Card>
    </Col>
  );
}

/** Links in the lists look like links, not like the card's titles. */
const LINK_STYLE = { color: '#1554ad', fontWeight: 500 };

function Items({
  items,
  empty,
}: {
  items: { key: string; to: string; title: string; extra: ReactNode }[];
  empty: string;
}) {
  if (items.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} />;
  return (
    <List
      size="small"
      dataSource={items}
      renderItem={(item) => (
        <List.Item key={item.key}>
          <List.Item.Meta
            title={
              <Link to={item.to} style={LINK_STYLE}>
                {item.title}
              </Link>
            }
            description={item.extra}
          />
        </List.Item>
      )}
    />
  );
}
