import { createServer } from 'node:http';
import { Pool } from 'pg';
import { postgraphile } from 'postgraphile';
import { makePgService } from 'postgraphile/adaptors/pg';
import { grafserv } from 'postgraphile/grafserv/node';
import { PostGraphileAmberPreset } from 'postgraphile/presets/amber';
import { jsonPgSmartTags } from 'postgraphile/utils';

// The schema-generating peer: PostGraphile 5 (Amber preset, library mode, grafserv on node:http at
// POST /graphql), introspecting `public` plus `bench_peer`, with no authorization. It is CommonJS, so
// it is `import`ed (compiled to `require`) like any other package. Grafast picks its mode when it is
// loaded: production unless GRAPHILE_ENV (or, if unset, NODE_ENV) is `development` or `test`, which
// would slow planning; unset, it warns once and runs in production mode (set GRAPHILE_ENV=production).
//
// Names are Amber's: a table's `id` column is `rowId` (`id` is the Relay global Node ID) and a row by
// primary key is `ticketByRowId`.
//
// The PostGraphile peer's help (not Tetrad's): what the Amber defaults cannot express.
// - Smart tags (config only, nothing written to the database):
//   - the ticket table declares no foreign keys to organization or "user", so three virtual foreign
//     keys give the relations organizationByRaisedByOrganizationId, userByRaisedByUserId and
//     organizationByAssigneeOrganizationId (Tetrad's raisedByOrganization, raisedBy,
//     assigneeOrganization);
//   - PostGraphile 5 offers `condition`/`orderBy` only on indexed columns, and ticket_comment.deleted_at
//     has no index: `+filterBy` allows `condition: { deletedAt: null }` (IS NULL), so totalCount counts
//     the comments not deleted, as libs/ticket's commentCount does (the count itself uses
//     ticket_comment_ticket_idx, as the floor's does);
//   - functions default to `-order` (v4's `@sortable`): `+order +orderBy` lets the two Dataset
//     connections below take an `orderBy`, so the order is PostGraphile's own ORDER BY;
//   - `+filterBy` (v4's `@filterable`) turns the boolean function below into a `condition` field.
//     Q2 reads `allTickets`, a table connection, rather than a set-returning root function: from a
//     table PostGraphile joins the user, the organisation and the comment count into its one
//     statement; from a function it fetched them with three more statements (seen in testing).
// - Three SQL functions in the schema `bench_peer` (PostGraphile 5 takes computed-column functions
//   from any introspected schema; v4 wanted the table's schema). Plain `LANGUAGE sql STABLE`, not
//   STRICT and without SET clauses, so PostgreSQL inlines them and the existing indexes apply:
//   - bench_peer.ticket_open_triaged_or_in_progress(ticket): TicketCondition.openTriagedOrInProgress,
//     for Q2's `status IN (OPEN, TRIAGED, IN_PROGRESS)` (Amber has no connection filter plugin and
//     `condition` compares columns for equality only); inlined, it is a plain status test;
//   - bench_peer.dataset_active_contracts(dataset): Dataset.activeContracts, for Q3's "dataset_ids
//     contains the id, ACTIVE and in force now" (dataset_ids @> ARRAY[id] uses the GIN index);
//   - bench_peer.dataset_open_tickets(dataset): Dataset.openTickets, the tickets linked through
//     ticket_dataset_link in OPEN, TRIAGED, IN_PROGRESS or REOPENED; `first: 5` limits them.
//   They are created (CREATE OR REPLACE, idempotent) by startPostGraphile before introspection.

const HELPER_SQL = `
CREATE SCHEMA IF NOT EXISTS bench_peer;
COMMENT ON SCHEMA bench_peer IS 'Benchmark only: SQL functions the PostGraphile peer needs (bench/peers/postgraphile.ts); not part of Tetrad.';
CREATE OR REPLACE FUNCTION bench_peer.ticket_open_triaged_or_in_progress(t public.ticket)
  RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT t.status IN ('OPEN', 'TRIAGED', 'IN_PROGRESS')
$$;
CREATE OR REPLACE FUNCTION bench_peer.dataset_active_contracts(d public.dataset)
  RETURNS SETOF public.data_sharing_contract LANGUAGE sql STABLE AS $$
  SELECT c.* FROM public.data_sharing_contract c
   WHERE c.dataset_ids @> ARRAY[d.id] AND c.status = 'ACTIVE' AND c.starts_at <= now() AND c.ends_at > now()
$$;
CREATE OR REPLACE FUNCTION bench_peer.dataset_open_tickets(d public.dataset)
  RETURNS SETOF public.ticket LANGUAGE sql STABLE AS $$
  SELECT t.* FROM public.ticket_dataset_link l JOIN public.ticket t ON t.id = l.ticket_id
   WHERE l.dataset_id = d.id AND t.status IN ('OPEN', 'TRIAGED', 'IN_PROGRESS', 'REOPENED')
$$;`;

/** Functions default to `-order` in PostGraphile 5 (v4's `@sortable`): allow `orderBy` on their connections. */
const ORDERABLE = ['+order', '+orderBy'];

const SMART_TAGS = jsonPgSmartTags({
  version: 1,
  config: {
    class: {
      'public.ticket_comment': { attribute: { deleted_at: { tags: { behavior: ['+filterBy'] } } } },
      'public.ticket': {
        tags: {
          foreignKey: [
            '(raised_by_organization_id) references public.organization (id)',
            '(raised_by_user_id) references public."user" (id)',
            '(assignee_organization_id) references public.organization (id)',
          ],
        },
      },
    },
    procedure: {
      'bench_peer.ticket_open_triaged_or_in_progress': { tags: { behavior: ['+filterBy'] } },
      'bench_peer.dataset_active_contracts': { tags: { behavior: ORDERABLE } },
      'bench_peer.dataset_open_tickets': { tags: { behavior: ORDERABLE } },
    },
  },
});

/** The three read workloads in PostGraphile's generated names; compare.ts maps them to the floor's shape. */
export const POSTGRAPHILE_QUERIES = {
  q1: `query Q1($id: UUID!) {
  ticketByRowId(rowId: $id) {
    rowId number title status severity category labels createdAt
    organizationByRaisedByOrganizationId { rowId name }
  }
}`,
  q2: `query Q2($consortiumId: UUID!) {
  allTickets(condition: { consortiumId: $consortiumId, openTriagedOrInProgress: true },
             first: 50, orderBy: [UPDATED_AT_DESC, ROW_ID_DESC]) {
    nodes {
      rowId number title status labels
      ticketCommentsByTicketId(condition: { deletedAt: null }) { totalCount }
      userByRaisedByUserId { rowId name }
      organizationByAssigneeOrganizationId { rowId name }
    }
  }
}`,
  q3: `query Q3($consortiumId: UUID!) {
  allDatasets(condition: { consortiumId: $consortiumId }, first: 20, orderBy: [NAME_ASC, ROW_ID_ASC]) {
    nodes {
      rowId name
      organizationByOwnerOrganizationId { rowId name }
      activeContracts(orderBy: [CREATED_AT_DESC, ROW_ID_DESC]) { nodes { rowId title } }
      openTickets(first: 5, orderBy: [CREATED_AT_DESC, ROW_ID_DESC]) { nodes { rowId number title status } }
    }
  }
}`,
};

/** Creates the helper functions (serialised by an advisory lock, so two starts cannot collide). */
async function installHelpers(databaseUrl: string): Promise<void> {
  const pool = new Pool({ connectionString: databaseUrl, max: 1 });
  try {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await client.query("SELECT pg_advisory_xact_lock(hashtext('bench_peer'))");
      await client.query(HELPER_SQL);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      client.release();
    }
  } finally {
    await pool.end();
  }
}

/**
 * Starts PostGraphile on 127.0.0.1:`port` (POST /graphql). The schema is built before this resolves,
 * so the first timed request does not pay for introspection. `queries` are the documents to send
 * with `{ id }` (q1) or `{ consortiumId }` (q2, q3) as variables.
 */
export async function startPostGraphile(
  databaseUrl: string,
  port: number,
): Promise<{ close(): Promise<void>; queries: { q1: string; q2: string; q3: string } }> {
  await installHelpers(databaseUrl);

  const service = makePgService({
    connectionString: databaseUrl,
    schemas: ['public', 'bench_peer'],
    poolConfig: { max: 10 }, // as the floor's pool
  });
  const preset: GraphileConfig.Preset = {
    extends: [PostGraphileAmberPreset],
    plugins: [SMART_TAGS],
    pgServices: [service],
    grafserv: { graphqlPath: '/graphql', graphiql: false, watch: false },
  };
  const pgl = postgraphile(preset);
  const server = createServer();
  try {
    await pgl.getSchema(); // introspect and build now; a bad schema fails here
    const serv = pgl.createServ(grafserv);
    await serv.addTo(server, false); // HTTP only: no websocket upgrade handler
    server.keepAliveTimeout = 60_000;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    await pgl.release();
    await service.release?.();
    throw error;
  }

  return {
    queries: { ...POSTGRAPHILE_QUERIES },
    async close() {
      await new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
      await pgl.release(); // releases grafserv
      await service.release?.(); // ends the pg pool, which pgl.release() leaves open
    },
  };
}
