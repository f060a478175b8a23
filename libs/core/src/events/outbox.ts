import type { EntityManager } from 'typeorm';

/** The channel every instance LISTENs on; a notification only says "the outbox has news". */
export const EVENT_CHANNEL = 'tetrad_events';

/** A live event as a change announces it: ids only, each subscriber reloads what it may see. */
export interface LiveEventDraft {
  topic: string;
  consortiumId: string | null;
  payload: Record<string, unknown>;
}

/** A live event as delivered: its outbox id is the cursor a subscriber resumes from. */
export interface DeliveredEvent extends LiveEventDraft {
  id: string;
}

/**
 * Writes the transaction's events into the outbox, as the transaction's last statements.
 *
 * The advisory lock makes writers commit their events one after the other, so an event id becomes
 * visible only after every smaller one committed or rolled back: a reader taking `id > cursor` in
 * id order never steps over an event that is still to commit. It is taken last, once the change is
 * done, and held only until commit. On a PostgreSQL server the NOTIFY is part of the transaction:
 * PostgreSQL sends it at commit, so no statement after the commit can fail and turn a committed
 * write into an error.
 */
export async function writeOutbox(
  manager: EntityManager,
  events: readonly LiveEventDraft[],
  notify: boolean,
): Promise<void> {
  if (events.length === 0) return;
  await manager.query(`SELECT pg_advisory_xact_lock(hashtext('tetrad.outbox'))`);
  await manager.query(
    `INSERT INTO live_event (topic, consortium_id, payload)
     SELECT e.topic, e.consortium_id, e.payload
       FROM jsonb_to_recordset($1::jsonb) AS e(topic text, consortium_id uuid, payload jsonb)`,
    [
      JSON.stringify(
        events.map((event) => ({
          topic: event.topic,
          consortium_id: event.consortiumId,
          payload: event.payload,
        })),
      ),
    ],
  );
  if (notify) await manager.query('SELECT pg_notify($1, $2)', [EVENT_CHANNEL, '']);
}

interface OutboxRow {
  id: string;
  topic: string;
  consortium_id: string | null;
  payload: Record<string, unknown>;
}

/** Reads committed events after `cursor`, oldest first. */
export async function readOutbox(
  query: <T>(sql: string, parameters: unknown[]) => Promise<T>,
  cursor: string,
  limit: number,
  topics?: readonly string[],
): Promise<DeliveredEvent[]> {
  const rows = await query<OutboxRow[]>(
    `SELECT id::text AS id, topic, consortium_id, payload FROM live_event
      WHERE id > $1::bigint AND ($3::text[] IS NULL OR topic = ANY($3::text[]))
      ORDER BY live_event.id LIMIT $2`,
    [cursor, limit, topics ? [...topics] : null],
  );
  return rows.map((row) => ({
    id: row.id,
    topic: row.topic,
    consortiumId: row.consortium_id,
    payload: row.payload,
  }));
}

/** What subscribers receive: the change's ids, its consortium and the event id to resume from. */
export function deliveredPayload(event: DeliveredEvent): Record<string, unknown> {
  return { ...event.payload, consortiumId: event.consortiumId, eventId: event.id };
}
