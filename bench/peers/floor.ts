import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { Pool } from 'pg';

// The floor: the three read workloads as hand-written SQL through `pg`, no framework, no GraphQL and
// no authorization. Each answer is ONE statement in which PostgreSQL builds the whole JSON
// (json_build_object / json_agg / correlated subqueries) and returns it as text, which is written to
// the socket as is: Node never parses or serialises it. Statements are named, so each pooled
// connection prepares them once. Field names follow Tetrad's GraphQL types (raisedByOrganization,
// commentCount, raisedBy, assigneeOrganization); timestamps are ISO-8601 in UTC with milliseconds,
// as Tetrad's DateTime serialises them.

const ISO = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** Q1: one ticket by id with the raising organisation. No row: 404. */
const Q1 = `
SELECT json_build_object(
         'id', t.id, 'number', t.number, 'title', t.title, 'status', t.status, 'severity', t.severity,
         'category', t.category, 'labels', t.labels, 'createdAt', ${ISO('t.created_at')},
         'raisedByOrganization', (SELECT json_build_object('id', o.id, 'name', o.name)
                                    FROM organization o WHERE o.id = t.raised_by_organization_id)
       )::text AS body
  FROM ticket t
 WHERE t.id = $1`;

/**
 * Q2: a consortium's newest 50 tickets in OPEN, TRIAGED or IN_PROGRESS (the LIMIT runs on
 * ticket_consortium_updated_idx), each with its count of not-deleted comments (as libs/ticket's
 * commentCount: `deleted_at IS NULL`), the raising user and the assignee organisation (or null).
 */
const Q2 = `
SELECT coalesce(json_agg(json_build_object(
         'id', t.id, 'number', t.number, 'title', t.title, 'status', t.status, 'labels', t.labels,
         'commentCount', (SELECT count(*)::int FROM ticket_comment c
                           WHERE c.ticket_id = t.id AND c.deleted_at IS NULL),
         'raisedBy', (SELECT json_build_object('id', u.id, 'name', u.name)
                        FROM "user" u WHERE u.id = t.raised_by_user_id),
         'assigneeOrganization', (SELECT json_build_object('id', o.id, 'name', o.name)
                                    FROM organization o WHERE o.id = t.assignee_organization_id)
       ) ORDER BY t.updated_at DESC, t.id DESC), '[]')::text AS body
  FROM (SELECT * FROM ticket
         WHERE consortium_id = $1 AND status IN ('OPEN', 'TRIAGED', 'IN_PROGRESS')
         ORDER BY updated_at DESC, id DESC
         LIMIT 50) t`;

/**
 * Q3: a consortium's first 20 datasets by name, id, each with its owner organisation, its ACTIVE
 * contracts in force now (dataset_ids @> ARRAY[id] uses the GIN index), newest first, and up to five
 * open linked tickets (OPEN, TRIAGED, IN_PROGRESS, REOPENED), newest first.
 */
const Q3 = `
SELECT coalesce(json_agg(json_build_object(
         'id', d.id, 'name', d.name,
         'ownerOrganization', json_build_object('id', o.id, 'name', o.name),
         'activeContracts', coalesce((
            SELECT json_agg(json_build_object('id', c.id, 'title', c.title) ORDER BY c.created_at DESC, c.id DESC)
              FROM data_sharing_contract c
             WHERE c.dataset_ids @> ARRAY[d.id] AND c.status = 'ACTIVE'
               AND c.starts_at <= now() AND c.ends_at > now()), '[]'),
         'openTickets', coalesce((
            SELECT json_agg(json_build_object('id', x.id, 'number', x.number, 'title', x.title, 'status', x.status)
                            ORDER BY x.created_at DESC, x.id DESC)
              FROM (SELECT t.id, t.number, t.title, t.status, t.created_at
                      FROM ticket_dataset_link l JOIN ticket t ON t.id = l.ticket_id
                     WHERE l.dataset_id = d.id AND t.status IN ('OPEN', 'TRIAGED', 'IN_PROGRESS', 'REOPENED')
                     ORDER BY t.created_at DESC, t.id DESC
                     LIMIT 5) x), '[]')
       ) ORDER BY d.name, d.id), '[]')::text AS body
  FROM (SELECT * FROM dataset WHERE consortium_id = $1 ORDER BY name, id LIMIT 20) d
  JOIN organization o ON o.id = d.owner_organization_id`;

interface Route {
  name: string;
  param: string;
  text: string;
  /** What to answer when the statement returns no row (only Q1 can). */
  missing: string;
}

const ROUTES = new Map<string, Route>([
  ['/q1', { name: 'bench_floor_q1', param: 'id', text: Q1, missing: 'ticket not found' }],
  ['/q2', { name: 'bench_floor_q2', param: 'consortiumId', text: Q2, missing: '' }],
  ['/q3', { name: 'bench_floor_q3', param: 'consortiumId', text: Q3, missing: '' }],
]);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function send(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
  });
  res.end(body);
}

function fail(res: ServerResponse, status: number, message: string): void {
  send(res, status, JSON.stringify({ error: message }));
}

/** Starts the floor on 127.0.0.1:`port`; `close()` stops accepting, drops connections, ends the pool. */
export async function startFloor(databaseUrl: string, port: number): Promise<{ close(): Promise<void> }> {
  const pool = new Pool({ connectionString: databaseUrl, max: 10 });
  pool.on('error', () => undefined); // an idle client's error must not crash the benchmark

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = req.url ?? '/';
    const mark = url.indexOf('?');
    const route = ROUTES.get(mark === -1 ? url : url.slice(0, mark));
    if (!route) return fail(res, 404, 'not found');
    if (req.method !== 'GET') return fail(res, 405, 'use GET');
    const value = mark === -1 ? null : new URLSearchParams(url.slice(mark + 1)).get(route.param);
    if (!value) return fail(res, 400, `missing ${route.param}`);
    if (!UUID.test(value)) return fail(res, 400, `${route.param} is not a UUID`);
    const result = await pool.query<{ body: string }>({
      name: route.name,
      text: route.text,
      values: [value],
    });
    const row = result.rows[0];
    if (!row) return fail(res, 404, route.missing);
    send(res, 200, row.body);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) fail(res, 500, error instanceof Error ? error.message : String(error));
      else res.destroy();
    });
  });
  server.keepAliveTimeout = 60_000; // autocannon keeps its connections open between requests

  try {
    await pool.query('SELECT 1'); // fail fast on a bad URL, before the port is taken
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    await pool.end();
    throw error;
  }

  return {
    async close() {
      await new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
      await pool.end();
    },
  };
}
