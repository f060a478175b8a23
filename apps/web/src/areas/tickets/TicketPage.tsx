import { ArrowLeftOutlined, EyeInvisibleOutlined, EyeOutlined } from '@ant-design/icons';
import { Button, Card, Col, Flex, Row, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { toApiProblem } from '../../api/errors';
import { useSession } from '../../auth/session';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { Markdown } from '../../components/Markdown';
import { Page } from '../../components/Page';
import { PageLoading } from '../../components/PageLoading';
import { graphql } from '../../gql';
import { useConsortiumId } from '../../layout/consortium';
import { LiveIndicator } from './LiveIndicator';
import { TicketComments } from './TicketComments';
import { TicketFacts } from './TicketFacts';
import { TicketLinks } from './TicketLinks';
import { TicketMoves } from './TicketMoves';
import { TicketTimeline } from './TicketTimeline';
import { TicketTriage } from './TicketTriage';
import { SEVERITY_COLOR, STATUS_COLOR } from './ticket-meta';

const TicketsTicketDocument = graphql(`
  query TicketsTicket($id: UUID!) {
    ticket(id: $id) {
      id
      number
      title
      description
      status
      severity
      category
      labels
      version
      overdue
      allowedTransitions
      createdAt
      responseDueAt
      resolutionDueAt
      respondedAt
      resolvedAt
      raisedBy {
        id
        name
      }
      raisedByOrganization {
        id
        name
      }
      assigneeOrganizationId
      assigneeUserId
      assigneeOrganization {
        id
        name
      }
      scenario {
        id
        name
      }
      watcherIds
      links {
        kind
        fromTicketId
        toTicketId
      }
      datasets {
        id
        name
      }
    }
  }
`);

const TicketsWatchDocument = graphql(`
  mutation TicketsWatch($id: UUID!, $watching: Boolean!) {
    watchTicket(id: $id, watching: $watching)
  }
`);

/** One ticket: what it is, its words, who works on it, its dates, links, and everything that happened. */
export function TicketPage({ live }: { live: boolean }) {
  const { t } = useTranslation('tickets');
  const { ticketId = '' } = useParams();
  const consortiumId = useConsortiumId();
  const me = useSession();
  const [{ data, error, fetching }, refetch] = useQuery({
    query: TicketsTicketDocument,
    variables: { id: ticketId },
  });
  const [watchState, watch] = useMutation(TicketsWatchDocument);
  const problem = toApiProblem(error);
  const ticket = data?.ticket;
  if (!ticket) {
    if (fetching) return <PageLoading />;
    return <ApiErrorAlert problem={problem} onRetry={() => refetch({ requestPolicy: 'network-only' })} />;
  }
  const watching = ticket.watcherIds.includes(me.id);
  const toggleWatch = async () => {
    const result = await watch({ id: ticket.id, watching: !watching });
    if (!result.error) refetch({ requestPolicy: 'network-only' });
  };
  return (
    <Page
      title={`#${ticket.number} ${ticket.title}`}
      extra={
        <>
          <LiveIndicator live={live} />
          <Link to={`/c/${consortiumId}/tickets`}>
            <Button icon={<ArrowLeftOutlined />}>{t('ticket.back')}</Button>
          </Link>
        </>
      }
    >
      <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }}>
        <Tag color={STATUS_COLOR[ticket.status]}>{t(`status.${ticket.status}`)}</Tag>
        <Tag color={SEVERITY_COLOR[ticket.severity]}>{t(`severity.${ticket.severity}`)}</Tag>
        <Tag>{t(`category.${ticket.category}`)}</Tag>
        {ticket.overdue ? <Tag color="error">{t('due.overdueTag')}</Tag> : null}
        <Button
          size="small"
          icon={watching ? <EyeInvisibleOutlined /> : <EyeOutlined />}
          loading={watchState.fetching}
          onClick={() => void toggleWatch()}
        >
          {watching ? t('ticket.unwatch') : t('ticket.watch')}
        </Button>
        <span>{t('ticket.watcherCount', { count: ticket.watcherIds.length })}</span>
      </Flex>
      <ApiErrorAlert problem={toApiProblem(watchState.error)} />
      <ApiErrorAlert problem={problem} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          <Flex vertical gap={16}>
            <Card size="small" title={t('fields.description')}>
              <Markdown>{ticket.description}</Markdown>
            </Card>
            <TicketComments ticketId={ticket.id} />
            <TicketTimeline ticketId={ticket.id} />
          </Flex>
        </Col>
        <Col xs={24} lg={8}>
          <Flex vertical gap={16}>
            <TicketMoves ticket={ticket} />
            <TicketFacts ticket={ticket} />
            <TicketTriage ticket={ticket} />
            <TicketLinks ticket={ticket} />
          </Flex>
        </Col>
      </Row>
    </Page>
  );
}
