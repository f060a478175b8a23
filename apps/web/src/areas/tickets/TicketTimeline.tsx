import { Button, Card, Timeline, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../auth/session';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { useConnection } from '../../components/useConnection';
import { graphql } from '../../gql';
import { useFormat } from '../../i18n/i18n';
import { useConsortiumId } from '../../layout/consortium';
import { timelineText } from './timeline-text';
import { useTicketOptions } from './useTicketOptions';

const TicketsTimelineDocument = graphql(`
  query TicketsTimeline($id: UUID!, $after: String) {
    ticket(id: $id) {
      id
      timeline(first: 30, after: $after) {
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          id
          action
          occurredAt
          actorUserId
          actorOrganizationId
          after
        }
      }
    }
  }
`);

/** Everything that happened to the ticket, newest first, from the audit trail. */
export function TicketTimeline({ ticketId }: { ticketId: string }) {
  const { t } = useTranslation('tickets');
  const format = useFormat();
  const me = useSession();
  const options = useTicketOptions(useConsortiumId());
  const variables = useMemo(() => ({ id: ticketId }), [ticketId]);
  const list = useConnection(TicketsTimelineDocument, variables, (d) => d.ticket.timeline);
  return (
    <Card size="small" title={t('ticket.timeline')}>
      <ApiErrorAlert problem={list.problem} onRetry={list.refetch} />
      {list.nodes.length === 0 && !list.fetching ? (
        <Typography.Text type="secondary">{t('ticket.noTimeline')}</Typography.Text>
      ) : (
        <Timeline
          items={list.nodes.map((e) => {
            const who =
              e.actorUserId === me.id
                ? t('ticket.you')
                : (options.organizationName(e.actorOrganizationId) ??
                  (e.actorUserId ? t('ticket.someone') : t('ticket.platform')));
            return {
              key: e.id,
              content: (
                <span>
                  <Typography.Text strong>{who}</Typography.Text> {timelineText(t, e.action, e.after)}
                  <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 8 }}>
                    {format.dateTime(e.occurredAt)}
                  </Typography.Text>
                </span>
              ),
            };
          })}
        />
      )}
      {list.hasMore ? (
        <Button block onClick={list.loadMore} loading={list.fetching}>
          {t('ticket.timelineMore')}
        </Button>
      ) : null}
    </Card>
  );
}
