import { useDroppable } from '@dnd-kit/core';
import { Badge, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TicketStatus } from '../../gql/graphql';
import { MUTED_BADGE } from '../../theme';

/** One status column; while a ticket is dragged it says whether that ticket may go here. */
export function BoardColumn({
  status,
  count,
  shown,
  dragging,
  accepts,
  moreLink,
  children,
}: {
  status: TicketStatus;
  count: number;
  shown: number;
  dragging: boolean;
  accepts: boolean;
  moreLink: string;
  children: ReactNode;
}) {
  const { t } = useTranslation('tickets');
  const { setNodeRef, isOver } = useDroppable({ id: status });
  const border = !dragging ? '#f0f0f0' : accepts ? (isOver ? '#1677ff' : '#91caff') : '#f0f0f0';
  const background = dragging && !accepts ? '#fafafa' : dragging && isOver ? '#e6f4ff' : '#f5f5f5';
  const headingId = `tickets-column-${status}`;
  return (
    <section
      ref={setNodeRef}
      aria-labelledby={headingId}
      data-testid={`column-${status}`}
      style={{
        flex: '0 0 232px',
        display: 'flex',
        flexDirection: 'column',
        background,
        border: `2px ${dragging && accepts ? 'dashed' : 'solid'} ${border}`,
        borderRadius: 8,
        padding: 8,
        opacity: dragging && !accepts ? 0.55 : 1,
        transition: 'background .15s, border-color .15s',
      }}
    >
      <Flex justify="space-between" align="center" style={{ marginBottom: 8, padding: '0 4px' }}>
        <Typography.Title level={2} id={headingId} style={{ fontSize: 14, margin: 0 }}>
          {t(`status.${status}`)}
        </Typography.Title>
        <Flex gap={6} align="center">
          {dragging ? (
            <Typography.Text type={accepts ? undefined : 'secondary'} style={{ fontSize: 12 }}>
              {t(accepts ? 'board.dropHere' : 'board.notAllowed')}
            </Typography.Text>
          ) : null}
          <Badge count={count} showZero color={MUTED_BADGE} overflowCount={999} />
        </Flex>
      </Flex>
      <Flex vertical gap={8} style={{ flex: 1, minHeight: 120 }}>
        {children}
        {shown === 0 ? (
          <Typography.Text type="secondary" style={{ fontSize: 12, textAlign: 'center', padding: 12 }}>
            {t('board.empty')}
          </Typography.Text>
        ) : null}
        {count > shown ? (
          <Link to={moreLink} style={{ fontSize: 12, textAlign: 'center' }}>
            {t('board.more', { count: count - shown })}
          </Link>
        ) : null}
      </Flex>
    </section>
  );
}
