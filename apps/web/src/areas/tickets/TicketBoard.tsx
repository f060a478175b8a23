import {
  DndContext,
  KeyboardSensor,
  PointerSensor,
  pointerWithin,
  rectIntersection,
  useSensor,
  useSensors,
  type Announcements,
  type CollisionDetection,
} from '@dnd-kit/core';
import { Flex } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { toApiProblem } from '../../api/errors';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { PageLoading } from '../../components/PageLoading';
import { graphql } from '../../gql';
import type { TicketFilter, TicketStatus } from '../../gql/graphql';
import { acceptsDrop, groupByStatus } from './board-logic';
import { columnKeyboardCoordinates } from './board-keyboard';
import { BoardColumn } from './BoardColumn';
import { NoteModal } from './NoteModal';
import { TicketCard, type BoardTicket } from './TicketCard';
import { STATUSES } from './ticket-meta';
import { useTicketMove } from './useTicketMove';

const TicketsBoardDocument = graphql(`
  query TicketsBoard($filter: TicketFilter!) {
    tickets(filter: $filter, first: 100, orderBy: UPDATED_DESC) {
      nodes {
        id
        number
        title
        status
        severity
        labels
        commentCount
        allowedTransitions
        responseDueAt
        resolutionDueAt
        respondedAt
        resolvedAt
        assigneeOrganization {
          id
          name
        }
      }
    }
    ticketCounts(filter: $filter) {
      status
      count
    }
  }
`);

// The pointer decides where a mouse drop lands; the keyboard has no pointer, so overlap decides.
const collision: CollisionDetection = (args) => {
  const hits = pointerWithin(args);
  return hits.length ? hits : rectIntersection(args);
};

/** Columns per status; dragging (pointer or keyboard) a card onto a column asks the API to move it. */
export function TicketBoard({
  filter,
  listLink,
}: {
  filter: TicketFilter;
  listLink: (s: TicketStatus) => string;
}) {
  const { t } = useTranslation('tickets');
  const variables = useMemo(() => ({ filter: { ...filter, statuses: undefined } }), [filter]);
  const [{ data, error, fetching }, refetch] = useQuery({ query: TicketsBoardDocument, variables });
  const moves = useTicketMove();
  const [activeId, setActiveId] = useState<string | null>(null);
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 5 } }),
    useSensor(KeyboardSensor, { coordinateGetter: columnKeyboardCoordinates }),
  );
  const tickets = useMemo(
    () => (data?.tickets.nodes ?? []).map((n) => ({ ...n, status: moves.statusOf(n) })) as BoardTicket[],
    [data, moves.statusOf], // eslint-disable-line react-hooks/exhaustive-deps
  );
  const byId = useMemo(() => new Map(tickets.map((n) => [n.id, n])), [tickets]);
  const active = activeId ? byId.get(activeId) : undefined;
  const columns = groupByStatus(tickets);
  const counts = new Map((data?.ticketCounts ?? []).map((c) => [c.status, c.count]));
  const problem = toApiProblem(error);

  const number = (id: string | number) => byId.get(String(id))?.number ?? '';
  const column = (id: string | number | undefined) => (id ? t(`status.${id as TicketStatus}`) : '');
  const announcements: Announcements = {
    onDragStart: ({ active: a }) =>
      t('board.pickedUp', { number: number(a.id), from: column(byId.get(String(a.id))?.status) }),
    onDragOver: ({ active: a, over }) =>
      over
        ? t(
            acceptsDrop(byId.get(String(a.id)), over.id as TicketStatus) ? 'board.over' : 'board.overRefused',
            {
              number: number(a.id),
              column: column(over.id),
            },
          )
        : undefined,
    onDragEnd: ({ active: a, over }) =>
      over
        ? t('board.dropped', { number: number(a.id), column: column(over.id) })
        : t('board.cancelled', { number: number(a.id) }),
    onDragCancel: ({ active: a }) => t('board.cancelled', { number: number(a.id) }),
  };

  if (problem && !data)
    return <ApiErrorAlert problem={problem} onRetry={() => refetch({ requestPolicy: 'network-only' })} />;
  if (fetching && !data) return <PageLoading />;
  return (
    <>
      <ApiErrorAlert problem={problem} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      <DndContext
        sensors={sensors}
        collisionDetection={collision}
        accessibility={{ announcements, screenReaderInstructions: { draggable: t('board.instructions') } }}
        onDragStart={({ active: a }) => setActiveId(String(a.id))}
        onDragCancel={() => setActiveId(null)}
        onDragEnd={({ active: a, over }) => {
          setActiveId(null);
          const ticket = byId.get(String(a.id));
          if (ticket) moves.request(ticket, over ? String(over.id) : null);
        }}
      >
        <div
          role="region"
          aria-label={t('board.label')}
          tabIndex={0}
          style={{ overflowX: 'auto', paddingBottom: 8 }}
        >
          <Flex gap={12} align="stretch" style={{ minWidth: 'max-content' }}>
            {STATUSES.map((status) => (
              <BoardColumn
                key={status}
                status={status}
                count={Math.max(counts.get(status) ?? 0, columns[status].length)}
                shown={columns[status].length}
                dragging={Boolean(active)}
                accepts={active?.status === status || acceptsDrop(active, status)}
                moreLink={listLink(status)}
              >
                {columns[status].map((ticket) => (
                  <TicketCard
                    key={ticket.id}
                    ticket={ticket}
                    refusal={moves.refusals[ticket.id]}
                    moving={moves.inFlight.has(ticket.id)}
                    onMove={(to) => moves.request(ticket, to)}
                    onDismiss={() => moves.dismiss(ticket.id)}
                  />
                ))}
              </BoardColumn>
            ))}
          </Flex>
        </div>
      </DndContext>
      <NoteModal
        request={moves.note}
        saving={moves.saving}
        onSubmit={(text) => void moves.submitNote(text)}
        onCancel={moves.cancelNote}
      />
    </>
  );
}
