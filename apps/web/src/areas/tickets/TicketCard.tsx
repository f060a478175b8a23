import { HolderOutlined, MessageOutlined, SwapOutlined } from '@ant-design/icons';
import { useDraggable } from '@dnd-kit/core';
import { Alert, Button, Card, Dropdown, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { useConsortiumId } from '../../layout/consortium';
import type { TicketSeverity, TicketStatus } from '../../gql/graphql';
import { DueTag } from './DueTag';
import type { DueFields } from './overdue';
import { SEVERITY_COLOR } from './ticket-meta';
import type { Movable, MoveRefusal } from './useTicketMove';

export type BoardTicket = Movable &
  DueFields & {
    title: string;
    severity: TicketSeverity;
    labels: readonly string[];
    commentCount: number;
    assigneeOrganization?: { name: string } | null;
  };

/** A ticket on the board: drag by its handle, or pick a move from its menu (keyboard and touch). */
export function TicketCard({
  ticket,
  refusal,
  moving,
  onMove,
  onDismiss,
}: {
  ticket: BoardTicket;
  refusal?: MoveRefusal;
  moving: boolean;
  onMove: (to: TicketStatus) => void;
  onDismiss: () => void;
}) {
  const { t } = useTranslation('tickets');
  const consortiumId = useConsortiumId();
  const { attributes, listeners, setNodeRef, transform, isDragging } = useDraggable({ id: ticket.id });
  const style = transform
    ? {
        transform: `translate3d(${transform.x}px, ${transform.y}px, 0)`,
        zIndex: 10,
        position: 'relative' as const,
      }
    : undefined;
  return (
    <div ref={setNodeRef} style={style} data-testid={`ticket-card-${ticket.number}`}>
      <Card
        size="small"
        style={{
          opacity: moving ? 0.6 : 1,
          boxShadow: isDragging ? '0 6px 16px rgba(0,0,0,.16)' : undefined,
        }}
        styles={{ body: { padding: 10 } }}
      >
        <Flex gap={6} align="flex-start">
          <Button
            type="text"
            size="small"
            icon={<HolderOutlined />}
            aria-label={t('board.dragHandle', { number: ticket.number })}
            style={{ cursor: 'grab', touchAction: 'none' }}
            {...attributes}
            {...listeners}
          />
          <div style={{ minWidth: 0, flex: 1 }}>
            <Link to={`/c/${consortiumId}/tickets/${ticket.id}`}>
              <Typography.Text type="secondary">#{ticket.number} </Typography.Text>
              {ticket.title}
            </Link>
            <Flex gap={4} wrap style={{ marginTop: 6 }}>
              <Tag color={SEVERITY_COLOR[ticket.severity]} style={{ marginInlineEnd: 0 }}>
                {t(`severity.${ticket.severity}`)}
              </Tag>
              <DueTag ticket={ticket} />
              {ticket.labels.map((l) => (
                <Tag key={l} style={{ marginInlineEnd: 0 }}>
                  {l}
                </Tag>
              ))}
            </Flex>
            <Flex justify="space-between" align="center" style={{ marginTop: 6 }}>
              <Typography.Text type="secondary" ellipsis style={{ fontSize: 12 }}>
                {ticket.assigneeOrganization?.name ?? t('board.unassigned')}
                {ticket.commentCount ? (
                  <span style={{ marginInlineStart: 8 }}>
                    <MessageOutlined /> {ticket.commentCount}
                  </span>
                ) : null}
              </Typography.Text>
              <Dropdown
                trigger={['click']}
                menu={{
                  items: ticket.allowedTransitions.length
                    ? ticket.allowedTransitions.map((to) => ({ key: to, label: t(`status.${to}`) }))
                    : [{ key: 'none', label: t('board.noMoves'), disabled: true }],
                  onClick: ({ key }) => onMove(key as TicketStatus),
                }}
              >
                <Button
                  size="small"
                  type="text"
                  icon={<SwapOutlined />}
                  loading={moving}
                  aria-label={t('board.moveMenu', { number: ticket.number })}
                />
              </Dropdown>
            </Flex>
          </div>
        </Flex>
        {refusal ? (
          <div style={{ marginTop: 8 }}>
            {refusal.lines.length ? (
              <Alert
                type="warning"
                role="alert"
                style={{ padding: '6px 8px', fontSize: 12, marginBottom: refusal.problem ? 8 : 0 }}
                title={<span style={{ fontSize: 12 }}>{refusal.lines.join(' ')}</span>}
                closable={{ 'aria-label': t('board.dismiss'), onClose: onDismiss }}
              />
            ) : null}
            <ApiErrorAlert problem={refusal.problem} />
          </div>
        ) : null}
      </Card>
    </div>
  );
}
