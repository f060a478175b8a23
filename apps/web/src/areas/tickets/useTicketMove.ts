import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { toApiProblem, type ApiProblem } from '../../api/errors';
import { graphql } from '../../gql';
import type { TicketStatus } from '../../gql/graphql';
import { dropDecision, refusalFromError, type MovableTicket } from './board-logic';
import { refusalLines } from './refusal';

const TicketsTransitionDocument = graphql(`
  mutation TicketsTransition($id: UUID!, $to: TicketStatus!) {
    transitionTicket(id: $id, to: $to) {
      id
      status
      allowedTransitions
      updatedAt
    }
  }
`);

const TicketsMoveNoteDocument = graphql(`
  mutation TicketsMoveNote($ticketId: UUID!, $body: String!) {
    commentOnTicket(ticketId: $ticketId, input: { body: $body }) {
      id
    }
  }
`);

export type Movable = MovableTicket & { number: number };

export interface MoveRefusal {
  to: TicketStatus;
  lines: string[];
  problem?: ApiProblem;
}

export interface NoteRequest {
  ticket: Movable;
  to: TicketStatus;
  kind: 'resolution' | 'reopen';
  /** The move is done; only the note is left to post. */
  moved: boolean;
  problem?: ApiProblem;
}

/**
 * Moving tickets from the board or the ticket page: refuses what the API says is not possible
 * (in words, beside the card), asks for a note where one is due, and shows the move at once
 * (`pending`) until the refreshed list has it.
 */
export function useTicketMove() {
  const { t } = useTranslation('tickets');
  const [, transition] = useMutation(TicketsTransitionDocument);
  const [, comment] = useMutation(TicketsMoveNoteDocument);
  const [pending, setPending] = useState<Record<string, { from: TicketStatus; to: TicketStatus }>>({});
  const [refusals, setRefusals] = useState<Record<string, MoveRefusal>>({});
  const [note, setNote] = useState<NoteRequest | null>(null);
  const [saving, setSaving] = useState(false);
  const [inFlight, setInFlight] = useState<ReadonlySet<string>>(new Set());

  const setRefusal = (id: string, refusal: MoveRefusal | undefined) =>
    setRefusals(({ [id]: _dropped, ...rest }) => (refusal ? { ...rest, [id]: refusal } : rest));

  const move = useCallback(
    async (ticket: Movable, to: TicketStatus): Promise<boolean> => {
      setRefusal(ticket.id, undefined);
      setPending((p) => ({ ...p, [ticket.id]: { from: ticket.status, to } }));
      setInFlight((f) => new Set(f).add(ticket.id));
      const result = await transition({ id: ticket.id, to });
      setInFlight((f) => new Set([...f].filter((id) => id !== ticket.id)));
      if (!result.error) return true;
      setPending(({ [ticket.id]: _dropped, ...rest }) => rest);
      const problem = toApiProblem(result.error);
      const refused = refusalFromError(result.error);
      const lines = refused
        ? refusalLines(t, { number: ticket.number, from: refused.current, to, allowed: refused.allowed })
        : [];
      setRefusal(ticket.id, { to, lines, ...(problem ? { problem } : {}) });
      return false;
    },
    [transition, t],
  );

  /** A drop on a column, a menu choice or a button: refuse, ask for a note, or move. */
  const request = useCallback(
    (ticket: Movable, to: string | null | undefined) => {
      const decision = dropDecision(ticket, to);
      if (decision.kind === 'stay') return;
      if (decision.kind === 'refused') {
        setRefusal(ticket.id, {
          to: decision.to,
          lines: refusalLines(t, { number: ticket.number, ...decision }),
        });
        return;
      }
      if (decision.note) setNote({ ticket, to: decision.to, kind: decision.note, moved: false });
      else void move(ticket, decision.to);
    },
    [move, t],
  );

  const submitNote = useCallback(
    async (text: string) => {
      if (!note) return;
      setSaving(true);
      const moved = note.moved || (await move(note.ticket, note.to));
      if (!moved) {
        setSaving(false);
        setNote(null); // the refusal stands beside the card
        return;
      }
      const prefix = t(note.kind === 'resolution' ? 'note.resolutionPrefix' : 'note.reopenPrefix');
      const result = await comment({ ticketId: note.ticket.id, body: `${prefix} ${text}` });
      setSaving(false);
      if (result.error) setNote({ ...note, moved: true, problem: toApiProblem(result.error) });
      else setNote(null);
    },
    [note, move, comment, t],
  );

  /** A move already done cannot be cancelled; closing then only drops the note. */
  const cancelNote = useCallback(() => setNote(null), []);
  const dismiss = useCallback((id: string) => setRefusal(id, undefined), []);

  const statusOf = useCallback(
    (ticket: { id: string; status: TicketStatus }): TicketStatus => {
      const p = pending[ticket.id];
      return p && p.from === ticket.status ? p.to : ticket.status;
    },
    [pending],
  );

  return { request, statusOf, inFlight, refusals, dismiss, note, saving, submitNote, cancelNote };
}
