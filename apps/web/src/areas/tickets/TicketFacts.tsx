import { Badge, Card, Descriptions, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/i18n';
import { DUE_MARK_COLOR, dueMarks, type DueFields, type DueMark } from './overdue';

interface Facts extends DueFields {
  createdAt: string;
  labels: readonly string[];
  scenario?: { name: string } | null;
  raisedBy?: { name: string } | null;
  raisedByOrganization: { name: string };
  assigneeOrganization?: { name: string } | null;
}

const BADGE: Record<DueMark, 'success' | 'warning' | 'default' | 'error'> = {
  met: 'success',
  metLate: 'warning',
  pending: 'default',
  soon: 'warning',
  overdue: 'error',
};

/** Who raised it, where, who works on it, and its service-level dates, each marked. */
export function TicketFacts({ ticket, now = new Date() }: { ticket: Facts; now?: Date }) {
  const { t } = useTranslation('tickets');
  const format = useFormat();
  const marks = dueMarks(ticket, now);
  const due = (
    at: string,
    mark: DueMark,
    done: string | null | undefined,
    doneKey: 'respondedAt' | 'resolvedAt',
  ) => (
    <span>
      <Badge status={BADGE[mark]} text={format.dateTime(at)} />{' '}
      <Tag color={DUE_MARK_COLOR[mark]} style={{ marginInlineStart: 4 }}>
        {t(`due.${mark}`)}
      </Tag>
      {done ? (
        <div style={{ fontSize: 12, color: 'rgba(0, 0, 0, 0.62)' }}>
          {t(`ticket.${doneKey}`, { at: format.dateTime(done) })}
        </div>
      ) : null}
    </span>
  );
  return (
    <Card size="small" title={t('ticket.overview')}>
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'scenario', label: t('fields.scenario'), children: ticket.scenario?.name ?? '—' },
          {
            key: 'raisedBy',
            label: t('fields.raisedBy'),
            children: `${ticket.raisedBy?.name ?? '—'} · ${ticket.raisedByOrganization.name}`,
          },
          { key: 'raisedAt', label: t('fields.raisedAt'), children: format.dateTime(ticket.createdAt) },
          {
            key: 'assignee',
            label: t('fields.assignee'),
            children: ticket.assigneeOrganization?.name ?? t('board.unassigned'),
          },
          {
            key: 'labels',
            label: t('fields.labels'),
            children: ticket.labels.length ? ticket.labels.map((l) => <Tag key={l}>{l}</Tag>) : '—',
          },
          {
            key: 'response',
            label: t('fields.responseDueAt'),
            children: due(ticket.responseDueAt, marks.response, ticket.respondedAt, 'respondedAt'),
          },
          {
            key: 'resolution',
            label: t('fields.resolutionDueAt'),
            children: due(ticket.resolutionDueAt, marks.resolution, ticket.resolvedAt, 'resolvedAt'),
          },
        ]}
      />
    </Card>
  );
}
