import type { TFunction } from 'i18next';
import type { TicketStatus } from '../../gql/graphql';

/** The refusal of a move in the person's words: what was refused, why, and what is possible. */
export function refusalLines(
  t: TFunction<'tickets'>,
  move: { number: number; from: TicketStatus; to: TicketStatus; allowed: readonly TicketStatus[] },
): string[] {
  const name = (s: TicketStatus) => t(`status.${s}`);
  const lines: string[] = [
    t('board.refused', { number: move.number, from: name(move.from), to: name(move.to) }),
  ];
  // VERIFIED is in the state machine after RESOLVED, so its absence means another organisation raised it.
  if (move.to === 'VERIFIED' && move.from === 'RESOLVED') lines.push(t('board.verifyOnly'));
  lines.push(
    move.allowed.length
      ? t('board.allowedAre', { list: move.allowed.map(name).join(t('listSeparator')) })
      : t('board.allowedNone'),
  );
  return lines;
}
