import { Alert, Button, Card, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { NoteModal } from './NoteModal';
import { useTicketMove, type Movable } from './useTicketMove';

/** The moves this person may make now, as buttons (the board's drag, without dragging). */
export function TicketMoves({ ticket }: { ticket: Movable }) {
  const { t } = useTranslation('tickets');
  const moves = useTicketMove();
  const refusal = moves.refusals[ticket.id];
  return (
    <Card size="small" title={t('ticket.moves')}>
      {ticket.allowedTransitions.length ? (
        <Flex gap={8} wrap>
          {ticket.allowedTransitions.map((to) => (
            <Button
              key={to}
              loading={moves.inFlight.has(ticket.id)}
              onClick={() => moves.request(ticket, to)}
            >
              {t(`status.${to}`)}
            </Button>
          ))}
        </Flex>
      ) : (
        <Typography.Text type="secondary">{t('board.noMoves')}</Typography.Text>
      )}
      {refusal ? (
        <div style={{ marginTop: 12 }}>
          {refusal.lines.length ? (
            <Alert
              type="warning"
              showIcon
              title={refusal.lines[0]}
              description={refusal.lines.slice(1).join(' ')}
              style={{ marginBottom: 8 }}
            />
          ) : null}
          <ApiErrorAlert problem={refusal.problem} />
        </div>
      ) : null}
      <NoteModal
        request={moves.note}
        saving={moves.saving}
        onSubmit={(text) => void moves.submitNote(text)}
        onCancel={moves.cancelNote}
      />
    </Card>
  );
}
