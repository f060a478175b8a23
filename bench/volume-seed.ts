import 'reflect-metadata';
import { type Pool, type PoolClient } from 'pg';
import { randomSecret, sha256Hex } from '@tetrad/core';
import { contentHash, type Clause, type ContractParty, type ContractTerms } from '@tetrad/contract';
import { API_TOKEN_PREFIX } from '@tetrad/identity';
import { usccCheckCharacter } from '@tetrad/organization';
import { SERVICE_LEVELS, SEVERITY_RANK } from '@tetrad/ticket';

/**
 * Seeds a realistic volume into a PostgreSQL database migrated by the app, for benchmarks.
 *
 * The bulk work is SQL (`generate_series`, `INSERT ... SELECT`) on one connection; temporary
 * tables (b_*) map ordinals to the ids of the bench rows, which are found again by their names
 * ('Bench organisation 000001', 'Bench large consortium', 'Bench consortium 0002', users
 * 'bench.user.000001@bench.tetrad.test', …). Random choices are hashes of ordinals
 * (`hashint8extended`), not `random()`, so a value is the same wherever a statement needs it.
 *
 * Bench data bypasses the audit trail on purpose: no audit_entry row is written (the trail is
 * append-only and hash-chained; only the app extends it).
 *
 * `bench_seed` records what was seeded: `base` (every table but the tickets, seeded on the first
 * call in one transaction, with the targets and the principals), `tickets` ({count, comments,
 * links}: how far the ticket ordinals reached; each batch commits with its own record) and
 * `principals` (what the last call answered, API tokens in plain text: bench data only).
 */

export interface VolumeTargets {
  consortia: number;
  organizations: number;
  users: number;
  datasets: number;
  tickets: number;
  contracts: number;
}

export const FULL_VOLUME: VolumeTargets = {
  consortia: 200,
  organizations: 2_000,
  users: 20_000,
  datasets: 50_000,
  tickets: 1_000_000,
  contracts: 20_000,
};

export interface BenchPrincipals {
  largeConsortiumId: string;
  /** An ENGINEER of an organisation that is an ACTIVE member of the large consortium only (a trivial ability). */
  trivial: { userId: string; organizationId: string; token: string };
  /** An ENGINEER+RESEARCHER of an organisation that is an ACTIVE member of every consortium and the recipient of many ACTIVE contracts (an ability with many conditional rules). */
  manyRules: { userId: string; organizationId: string; token: string };
  /** Ids to query: a ticket of the large consortium, etc. */
  sampleTicketId: string;
}

type BaseTargets = Omit<VolumeTargets, 'tickets'>;

interface BaseRecord {
  targets: BaseTargets;
  principals: Omit<BenchPrincipals, 'sampleTicketId'>;
  seededAt: string;
}

interface TicketRecord {
  /** Ticket ordinals 1..count have been generated. */
  count: number;
  comments: number;
  links: number;
}

interface SeedState {
  base?: BaseRecord;
  tickets: TicketRecord;
}

const LARGE_CONSORTIUM_NAME = 'Bench large consortium';
const LARGE_MEMBERS = 100;
const SCENARIOS_PER_CONSORTIUM = 5;
const MANY_RULES_CONTRACTS = 300;
/** Per batch on 2 cores: ~4 s to insert the tickets (13 indexes, two GIN), ~2 s for their comments. */
const TICKET_BATCH = 50_000;
const COMMENT_CAP = 1_500_000;
const TOKEN_DAYS = 30;
const EMAIL_DOMAIN = 'bench.tetrad.test';
const SEED_LOCK = 'SELECT pg_advisory_lock(hashtext($1))';

const REGIONS = ['Beijing', 'Shanghai', 'Guangdong', 'Zhejiang', 'Jiangsu', 'Sichuan', 'Hubei', 'Shandong'];
const DIVISIONS = ['110108', '310115', '440305', '330106', '320505', '510107', '420106', '370202'];
const LABELS = [
  'regression',
  'field-report',
  'firmware',
  'perception',
  'grasping',
  'navigation',
  'battery',
  'calibration',
  'sensor',
  'safety-stop',
];
const PROBLEMS = [
  'Gripper slips on',
  'Navigation stalls near',
  'Depth camera drops frames at',
  'Battery drains fast at',
  'Arm overshoots at',
  'Safety stop triggers at',
  'Grasp planner fails on',
  'Localisation drifts at',
];
const PLACES = [
  'conveyor 3',
  'shelf B',
  'the loading dock',
  'the inspection bay',
  'the charging station',
  'aisle 12',
  'the stairwell',
  'the cold store',
];
const DETAILS = [
  'The robot retries three times and then stops with a timeout.',
  'Operators have to intervene manually, which slows the line down.',
  'The failure rate rose after the last firmware update.',
  'Lighting changes during the afternoon seem to make it worse.',
  'The issue only appears with reflective or transparent objects.',
];
const COMMENTS = [
  'Reproduced on our side with the same firmware.',
  'We pushed a calibration fix to the staging fleet; please confirm.',
  'Logs and a short recording are attached to the dataset.',
  'This looks like a duplicate of an older report, linking it.',
  'Root cause found in the perception pipeline, fix in progress.',
  'Verified on site: the fix holds over a full shift.',
];
const TASKS = ['pick-and-place', 'parcel sorting', 'shelf inspection', 'valve turning', 'bin picking'];
const ROBOTS = ['humanoid-h1', 'humanoid-g1', 'dual-arm-x7', 'mobile-manipulator-m2'];
const USER_ROLES = [
  '{ENGINEER}',
  '{RESEARCHER}',
  '{DATA_STEWARD}',
  '{LEGAL}',
  '{SIGNATORY}',
  '{ENGINEER,RESEARCHER}',
  '{LEGAL,SIGNATORY}',
  '{ENGINEER}',
];
const BENCH_DUTIES = [
  { duty: 'ATTRIBUTE', dueInDays: null },
  { duty: 'DELETE_ON_EXPIRY', dueInDays: 30 },
];
/** Short stand-ins for the clause templates: the content hash below is computed over these. */
const BENCH_CLAUSES: Clause[] = [
  {
    key: 'purpose',
    title: 'Purpose',
    text: 'The Recipient uses the Data only for the purposes in the Terms.',
  },
  { key: 'security', title: 'Security', text: 'The Recipient keeps the Data on access-controlled systems.' },
  { key: 'governing-law', title: 'Governing law', text: 'This agreement is governed by the law of the PRC.' },
];
const BENCH_TABLES = [
  'organization',
  '"user"',
  'api_token',
  'consortium',
  'membership',
  'scenario',
  'ticket_label',
  'dataset',
  'data_sharing_contract',
  'contract_version',
  'contract_signature',
  'ticket',
  'ticket_comment',
  'ticket_dataset_link',
];

// ---------------------------------------------------------------------------------------------
// SQL helpers: deterministic pseudo-random numbers from ordinals, and literal arrays.

/** A pseudo-random integer in [0, mod) from an ordinal expression and a salt. */
function h(ordinal: string, salt: number, mod: string | number): string {
  return `((hashint8extended((${ordinal})::bigint, ${salt}) & 9223372036854775807) % (${mod}))`;
}

/** A pseudo-random fraction in [0, 1). */
function frac(ordinal: string, salt: number): string {
  return `(${h(ordinal, salt, 1_000_000)}::float8 / 1000000)`;
}

/** One element of a constant text array, chosen by a hash of the ordinal. */
function pick(values: readonly string[], ordinal: string, salt: number): string {
  const literal = values.map((value) => `'${value.replace(/'/g, "''")}'`).join(', ');
  return `(ARRAY[${literal}])[1 + ${h(ordinal, salt, values.length)}]`;
}

/** A random subset (each element with probability 1/4, at least one) of an enum's values. */
function subsetOf(enumType: string, ordinal: string, salt: number, size: number): string {
  return `ARRAY(SELECT e.v FROM unnest(enum_range(NULL::${enumType})) WITH ORDINALITY AS e(v, o)
    WHERE e.o = 1 + ${h(ordinal, salt, size)} OR ((hashint8extended((${ordinal})::bigint, ${salt + 1}) >> e.o::int) & 3) = 0)`;
}

function severityCase(column: string, value: (severity: keyof typeof SERVICE_LEVELS) => number): string {
  const severities = Object.keys(SERVICE_LEVELS) as (keyof typeof SERVICE_LEVELS)[];
  return `(CASE ${column} ${severities.map((severity) => `WHEN '${severity}' THEN ${value(severity)}`).join(' ')} END)`;
}

const RESPONSE_HOURS = severityCase('q.severity', (severity) => SERVICE_LEVELS[severity].responseHours);
const RESOLUTION_HOURS = severityCase('q.severity', (severity) => SERVICE_LEVELS[severity].resolutionHours);
const SEVERITY_RANK_SQL = severityCase('q.severity', (severity) => SEVERITY_RANK[severity]);

// ---------------------------------------------------------------------------------------------
// Maps from ordinals to ids (temporary tables of this connection), rebuilt from the bench rows.

const MAP_ORGANIZATIONS_SQL = `
  DROP TABLE IF EXISTS b_org;
  CREATE TEMP TABLE b_org AS
    SELECT substring(name FROM '[0-9]+$')::int AS n, id, kind, 0 AS users
      FROM organization WHERE name ~ '^Bench organisation [0-9]+$';
  CREATE UNIQUE INDEX ON b_org (n);
  CREATE UNIQUE INDEX ON b_org (id);
  ANALYZE b_org;`;

const MAP_USERS_SQL = `
  DROP TABLE IF EXISTS b_user, b_signer;
  CREATE TEMP TABLE b_user AS
    SELECT u.organization_id AS org_id, u.id, u.roles,
           (row_number() OVER (PARTITION BY u.organization_id ORDER BY u.email) - 1)::int AS k
      FROM "user" u JOIN b_org o ON o.id = u.organization_id
     WHERE u.email LIKE 'bench.user.%@${EMAIL_DOMAIN}';
  CREATE UNIQUE INDEX ON b_user (org_id, k);
  ANALYZE b_user;
  UPDATE b_org o SET users = x.users
    FROM (SELECT org_id, count(*)::int AS users FROM b_user GROUP BY org_id) x WHERE x.org_id = o.id;
  CREATE TEMP TABLE b_signer AS
    SELECT DISTINCT ON (org_id) org_id, id AS user_id FROM b_user
     ORDER BY org_id, ('SIGNATORY' = ANY (roles)) DESC, k;`;

const MAP_CONSORTIA_SQL = `
  DROP TABLE IF EXISTS b_cons;
  CREATE TEMP TABLE b_cons AS
    SELECT CASE WHEN name = '${LARGE_CONSORTIUM_NAME}' THEN 1 ELSE substring(name FROM '[0-9]+$')::int END AS n,
           id, 0 AS members, 0 AS generics, 0 AS raisers, 0 AS scenarios, 0 AS datasets, 0 AS next_number
      FROM consortium WHERE name = '${LARGE_CONSORTIUM_NAME}' OR name ~ '^Bench consortium [0-9]+$';
  CREATE UNIQUE INDEX ON b_cons (n);
  ANALYZE b_cons;`;

/** Members in org order; "generic" members exclude the two principals' organisations (1 and 2). */
const MAP_MEMBERS_SQL = `
  DROP TABLE IF EXISTS b_member, b_generic, b_raiser;
  CREATE TEMP TABLE b_member AS
    SELECT c.n AS c, o.n AS org_n, o.id AS org_id, o.users
      FROM membership m JOIN b_cons c ON c.id = m.consortium_id JOIN b_org o ON o.id = m.organization_id
     WHERE m.status = 'ACTIVE';
  CREATE TEMP TABLE b_generic AS
    SELECT c, org_id, (row_number() OVER (PARTITION BY c ORDER BY org_n) - 1)::int AS slot
      FROM b_member WHERE org_n > 2;
  CREATE TEMP TABLE b_raiser AS
    SELECT c, org_id, users, (row_number() OVER (PARTITION BY c ORDER BY org_n) - 1)::int AS slot
      FROM b_member WHERE users > 0;
  CREATE UNIQUE INDEX ON b_generic (c, slot);
  CREATE UNIQUE INDEX ON b_raiser (c, slot);
  ANALYZE b_member; ANALYZE b_generic; ANALYZE b_raiser;
  UPDATE b_cons SET members = x.k FROM (SELECT c, count(*)::int AS k FROM b_member GROUP BY c) x WHERE x.c = n;
  UPDATE b_cons SET generics = x.k FROM (SELECT c, count(*)::int AS k FROM b_generic GROUP BY c) x WHERE x.c = n;
  UPDATE b_cons SET raisers = x.k FROM (SELECT c, count(*)::int AS k FROM b_raiser GROUP BY c) x WHERE x.c = n;
  ANALYZE b_cons;`;

const MAP_SCENARIOS_SQL = `
  DROP TABLE IF EXISTS b_scen;
  CREATE TEMP TABLE b_scen AS
    SELECT c.n AS c, s.id, (row_number() OVER (PARTITION BY c.n ORDER BY s.name, s.id) - 1)::int AS k
      FROM scenario s JOIN b_cons c ON c.id = s.consortium_id;
  CREATE UNIQUE INDEX ON b_scen (c, k);
  ANALYZE b_scen;
  UPDATE b_cons SET scenarios = x.k FROM (SELECT c, count(*)::int AS k FROM b_scen GROUP BY c) x WHERE x.c = n;
  ANALYZE b_cons;`;

const MAP_DATASETS_SQL = `
  DROP TABLE IF EXISTS b_ds;
  CREATE TEMP TABLE b_ds AS
    SELECT c.n AS c, d.id, d.owner_organization_id AS owner_id,
           (row_number() OVER (PARTITION BY c.n ORDER BY d.id) - 1)::int AS k
      FROM dataset d JOIN b_cons c ON c.id = d.consortium_id;
  CREATE UNIQUE INDEX ON b_ds (c, k);
  ANALYZE b_ds;
  UPDATE b_cons SET datasets = x.k FROM (SELECT c, count(*)::int AS k FROM b_ds GROUP BY c) x WHERE x.c = n;
  ANALYZE b_cons;`;

// ---------------------------------------------------------------------------------------------
// Organisations, users, consortia, memberships, scenarios, labels.

/** Org n has kind (n + 2) % 4 of the enum: org 1 (many rules) is a RESEARCH_INSTITUTE. */
const INSERT_ORGANIZATIONS_SQL = `
  INSERT INTO organization (name, kind, unified_social_credit_code, region, state_owned, created_at, updated_at)
  SELECT 'Bench organisation ' || lpad(u.n::text, 6, '0'),
         (enum_range(NULL::organization_kind))[1 + (u.n + 2) % 4], u.code, ${pick(REGIONS, 'u.n', 1)},
         ${h('u.n', 2, 7)} = 0, now() - interval '2 years' + ${h('u.n', 3, 180)} * interval '1 day', now()
    FROM unnest($1::text[]) WITH ORDINALITY AS u(code, n)`;

/** User n belongs to org 1 + (n - 1) % orgs; users 1 and 2 are the principals. */
const INSERT_USERS_SQL = `
  INSERT INTO "user" (organization_id, email, name, roles, oidc_issuer, oidc_subject, last_sign_in_at, created_at, updated_at)
  SELECT o.id, 'bench.user.' || lpad(i::text, 6, '0') || '@${EMAIL_DOMAIN}',
         CASE i WHEN 1 THEN 'Bench many-rules engineer' WHEN 2 THEN 'Bench trivial engineer' ELSE 'Bench user ' || i END,
         (CASE WHEN i = 1 THEN '{ENGINEER,RESEARCHER}' WHEN i = 2 THEN '{ENGINEER}' WHEN i <= $2 + 2 THEN '{ORG_ADMIN}'
               ELSE ${pick(USER_ROLES, 'i', 4)} END)::user_role[],
         'https://idp.${EMAIL_DOMAIN}', 'bench-user-' || i, now() - ${h('i', 5, 720)} * interval '1 hour',
         now() - interval '1 year' + ${h('i', 6, 180)} * interval '1 day', now()
    FROM generate_series(1, $1::int) i JOIN b_org o ON o.n = 1 + (i - 1) % $2`;

/**
 * Members per consortium: org 1 everywhere, org 2 in the large one, and a run of consecutive
 * "generic" orgs (3 + pool position). Runs start at a position ≡ 3 (mod 4) and the pool size is a
 * multiple of 4, so the first three generic members are SCENARIO_USER, ROBOT_MAKER and SUPPLIER;
 * with org 1 (RESEARCH_INSTITUTE) every consortium has all four party kinds.
 */
const PLAN_MEMBERS_SQL = `
  CREATE TEMP TABLE b_plan AS
  WITH sizes AS (
    SELECT c, least($2::int, CASE WHEN c = 1 THEN $3::int - 2 ELSE 3 + ${h('c', 10, 9)} END)::int AS g
      FROM generate_series(1, $1::int) c
  ), starts AS (
    SELECT c, g, 3 + 4 * coalesce(sum((g + 3) / 4) OVER (ORDER BY c ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0)::bigint AS s
      FROM sizes
  )
  SELECT c, k::int AS slot, (3 + (s + k) % $2)::int AS org_n FROM starts, generate_series(0, g - 1) k
  UNION ALL SELECT c, -1, 1 FROM sizes
  UNION ALL SELECT 1, -2, 2`;

const INSERT_CONSORTIA_SQL = `
  INSERT INTO consortium (name, sector, region, status, founded_by_organization_id, activated_at, created_at, updated_at)
  SELECT CASE WHEN p.c = 1 THEN '${LARGE_CONSORTIUM_NAME}' ELSE 'Bench consortium ' || lpad(p.c::text, 4, '0') END,
         (enum_range(NULL::sector))[1 + p.c % 9], ${pick(REGIONS, 'p.c', 11)}, 'ACTIVE', o.id,
         now() - interval '400 days' + ${h('p.c', 12, 20)} * interval '1 day',
         now() - interval '430 days' + ${h('p.c', 12, 20)} * interval '1 day', now()
    FROM b_plan p JOIN b_org o ON o.n = p.org_n WHERE p.slot = 0`;

const INSERT_MEMBERSHIPS_SQL = `
  INSERT INTO membership (consortium_id, organization_id, party_role, status, invited_by_organization_id, joined_at, created_at, updated_at)
  SELECT c.id, o.id, o.kind, 'ACTIVE', nullif(k.founded_by_organization_id, o.id),
         k.activated_at - interval '5 days', k.created_at, k.activated_at
    FROM b_plan p JOIN b_cons c ON c.n = p.c JOIN consortium k ON k.id = c.id JOIN b_org o ON o.n = p.org_n`;

const INSERT_SCENARIOS_SQL = `
  INSERT INTO scenario (consortium_id, name, sector, site, units_deployed, target_units, kpis, created_at, updated_at)
  SELECT c.id, 'Bench scenario ' || c.n || '.' || s || ': ' || ${pick(TASKS, 'c.n * 10 + s', 20)},
         k.sector, ${pick(PLACES, 'c.n * 10 + s', 21)} || ', ' || k.region, ${h('c.n * 10 + s', 22, 40)},
         40 + ${h('c.n * 10 + s', 23, 60)}, '[]', k.activated_at, now()
    FROM b_cons c JOIN consortium k ON k.id = c.id CROSS JOIN generate_series(1, $1::int) s`;

const INSERT_LABELS_SQL = `
  INSERT INTO ticket_label (consortium_id, name)
  SELECT c.id, l FROM b_cons c CROSS JOIN unnest($1::text[]) l ON CONFLICT DO NOTHING`;

// ---------------------------------------------------------------------------------------------
// Datasets: 20 % in the large consortium, owned by a generic member of the dataset's consortium.

const INSERT_DATASETS_SQL = `
  INSERT INTO dataset (consortium_id, scenario_id, owner_organization_id, name, description, modalities, format,
    format_version, robot_type, episodes, hours, fps, size_bytes, personal_data, anonymisation, sensitivity,
    allowed_purposes, storage_location, checksum, created_at, updated_at)
  SELECT c.id, s.id, g.org_id, 'Bench dataset ' || lpad(x.i::text, 6, '0') || ': ' || ${pick(TASKS, 'x.i', 30)},
         'Teleoperated demonstrations of ' || ${pick(TASKS, 'x.i', 30)} || ' at ' || ${pick(PLACES, 'x.i', 31)} || '.',
         ${subsetOf('data_modality', 'x.i', 32, 8)}, (enum_range(NULL::dataset_format))[1 + ${h('x.i', 34, 6)}],
         'v' || (1 + ${h('x.i', 35, 3)}), ${pick(ROBOTS, 'x.i', 36)}, x.hours * 40, x.hours, 30,
         (x.hours * 3.6e9)::bigint, x.personal, CASE WHEN x.personal THEN 'PSEUDONYMISED' ELSE 'NOT_APPLICABLE' END::anonymisation_status,
         (CASE WHEN x.sens < 2 THEN 'PUBLIC' WHEN x.sens = 2 THEN 'RESTRICTED' WHEN x.sens = 3 THEN 'TRADE_SECRET'
               ELSE 'CONSORTIUM' END)::dataset_sensitivity,
         ${subsetOf('purpose', 'x.i', 37, 7)}, 's3://bench/' || x.c || '/dataset-' || x.i, md5(x.i::text),
         now() - ${h('x.i', 39, 365)} * interval '1 day', now() - ${h('x.i', 39, 30)} * interval '1 day'
    FROM (SELECT i, CASE WHEN i % 5 = 0 THEN 1 ELSE 2 + ${h('i', 40, '$2::int - 1')} END AS c,
                 1 + ${h('i', 41, 49_900)} / 100.0 AS hours, ${h('i', 42, 10)} = 0 AS personal, ${h('i', 43, 20)} AS sens
            FROM generate_series(1, $1::int) i) x
    JOIN b_cons c ON c.n = x.c
    JOIN b_scen s ON s.c = x.c AND s.k = ${h('x.i', 44, 'c.scenarios')}
    JOIN b_generic g ON g.c = x.c AND g.slot = ${h('x.i', 45, 'c.generics')}`;

// ---------------------------------------------------------------------------------------------
// Contracts: the first $2 have org 1 (many rules) as recipient, ACTIVE, spread over every
// consortium; the others ~70 % ACTIVE. Datasets 1–3 of one consortium; providers = their owners.

const PLAN_CONTRACTS_SQL = `
  CREATE TEMP TABLE b_contract AS
  WITH picks AS (
    SELECT j, j <= $2 AS many,
           CASE WHEN j <= $2 THEN 1 + (j - 1) % $3 WHEN ${h('j', 50, 5)} = 0 THEN 1 ELSE 2 + ${h('j', 51, '$3::int - 1')} END AS c
      FROM generate_series(1, $1::int) j
  ), sets AS (
    SELECT p.*, c.id AS consortium_id, c.generics, d.dataset_ids, d.providers
      FROM picks p JOIN b_cons c ON c.n = p.c AND c.datasets > 0
     CROSS JOIN LATERAL (
       SELECT array_agg(DISTINCT ds.id) AS dataset_ids, array_agg(DISTINCT ds.owner_id) AS providers
         FROM b_ds ds
        WHERE ds.c = p.c AND ds.k = ANY (ARRAY(
          SELECT (${h('p.j', 53, 'c.datasets')} + t * 13) % c.datasets FROM generate_series(0, ${h('p.j', 52, 3)}) t))) d
  ), parties AS (
    SELECT s.*, CASE WHEN s.many THEN $4::uuid ELSE (
             SELECT g.org_id FROM b_generic g WHERE g.c = s.c AND g.org_id <> ALL (s.providers) ORDER BY g.slot
             OFFSET ${h('s.j', 54, 'greatest(1, s.generics - cardinality(s.providers))')} LIMIT 1) END AS recipient
      FROM sets s
  )
  SELECT gen_random_uuid() AS id, x.j, x.consortium_id, x.recipient, x.providers, x.dataset_ids,
         ARRAY(SELECT DISTINCT u FROM unnest(x.providers || x.recipient) u ORDER BY u) AS party_ids,
         (CASE WHEN x.many OR ${h('x.j', 55, 10)} < 7 THEN 'ACTIVE' WHEN ${h('x.j', 55, 10)} = 7 THEN 'DRAFT'
               WHEN ${h('x.j', 55, 10)} = 8 THEN 'IN_NEGOTIATION' ELSE 'TERMINATED' END)::contract_status AS status,
         current_date - (30 + ${h('x.j', 56, 300)})::int AS starts_on, current_date + (30 + ${h('x.j', 57, 700)})::int AS ends_on,
         ${subsetOf('purpose', 'x.j', 58, 7)}::text[] AS purposes,
         CASE WHEN ${h('x.j', 60, 4)} = 0 THEN ARRAY['AUDIO'] ELSE ARRAY[]::text[] END AS excluded,
         'Data-use agreement: ' || o.name || ' (bench ' || x.j || ')' AS title, NULL::jsonb AS terms, NULL::text AS content_hash
    FROM parties x JOIN organization o ON o.id = x.recipient`;

const CONTRACT_TERMS_SQL = `
  UPDATE b_contract SET terms = jsonb_build_object(
    'datasetIds', to_jsonb(dataset_ids), 'purposes', to_jsonb(purposes),
    'prohibitions', '["REDISTRIBUTE", "RE_IDENTIFY"]'::jsonb, 'duties', $1::jsonb,
    'startsOn', to_char(starts_on, 'YYYY-MM-DD'), 'endsOn', to_char(ends_on, 'YYYY-MM-DD'),
    'excludedModalities', to_jsonb(excluded))`;

const CONTRACT_CONTENT_SQL = `
  SELECT b.id, b.title, b.terms,
         (SELECT jsonb_agg(jsonb_build_object('organizationId', o.id, 'name', o.name,
                   'role', CASE WHEN o.id = b.recipient THEN 'RECIPIENT' ELSE 'PROVIDER' END))
            FROM organization o WHERE o.id = ANY (b.party_ids)) AS parties
    FROM b_contract b`;

const INSERT_CONTRACTS_SQL = `
  INSERT INTO data_sharing_contract (id, consortium_id, title, status, recipient_organization_id,
    provider_organization_ids, party_organization_ids, dataset_ids, current_version, agreed_version, agreed_hash,
    starts_at, ends_at, fully_signed_at, status_reason, created_at, updated_at)
  SELECT id, consortium_id, title, status, recipient, providers, party_ids, dataset_ids, 1,
         CASE WHEN signed THEN 1 END, CASE WHEN signed THEN content_hash END,
         CASE WHEN signed THEN starts_on::timestamp AT TIME ZONE 'UTC' END,
         CASE WHEN signed THEN ends_on::timestamp AT TIME ZONE 'UTC' END,
         CASE WHEN signed THEN (starts_on::timestamp AT TIME ZONE 'UTC') - interval '1 day' END,
         CASE WHEN status = 'TERMINATED' THEN 'Terminated by a provider (bench data).' END,
         (starts_on::timestamp AT TIME ZONE 'UTC') - interval '20 days',
         CASE WHEN status = 'TERMINATED' THEN now() - interval '3 days'
              ELSE (starts_on::timestamp AT TIME ZONE 'UTC') - interval '1 day' END
    FROM (SELECT *, status IN ('ACTIVE', 'TERMINATED') AS signed FROM b_contract) b`;

const INSERT_VERSIONS_SQL = `
  INSERT INTO contract_version (contract_id, number, based_on, title, terms, clauses, content_hash, note, created_at)
  SELECT id, 1, NULL, title, terms, $1::jsonb, content_hash, '', (starts_on::timestamp AT TIME ZONE 'UTC') - interval '20 days'
    FROM b_contract`;

/** One live signature per party of each signed contract, by a SIGNATORY of the party where it has one. */
const INSERT_SIGNATURES_SQL = `
  INSERT INTO contract_signature (contract_id, version, organization_id, user_id, hash, signed_at)
  SELECT b.id, 1, p.org_id, s.user_id, b.content_hash,
         (b.starts_on::timestamp AT TIME ZONE 'UTC') - interval '1 day' - (p.o - 1) * interval '2 hours'
    FROM b_contract b CROSS JOIN LATERAL unnest(b.party_ids) WITH ORDINALITY AS p(org_id, o)
    JOIN b_signer s ON s.org_id = p.org_id
   WHERE b.status IN ('ACTIVE', 'TERMINATED')`;

// ---------------------------------------------------------------------------------------------
// Tickets: 40 % in the large consortium, numbered after the consortium's highest number.

const PLAN_TICKETS_SQL = `
  CREATE TEMP TABLE b_ticket AS
  WITH p AS (
    SELECT g, CASE WHEN g % 5 < 2 THEN 1 ELSE 2 + ${h('g', 60, '$3::int - 1')} END AS c,
           ${h('g', 61, 100)} AS sev, ${h('g', 62, 100)} AS st,
           date_trunc('milliseconds', now() - interval '1 hour' - ${h('g', 63, 525_600)} * interval '1 minute') AS created_at
      FROM generate_series($1::bigint, $2::bigint) g
  ), q AS (
    SELECT p.*,
           (CASE WHEN sev < 5 THEN 'CRITICAL' WHEN sev < 25 THEN 'HIGH' WHEN sev < 70 THEN 'MEDIUM' ELSE 'LOW' END)::ticket_severity AS severity,
           (CASE WHEN st < 15 THEN 'OPEN' WHEN st < 25 THEN 'TRIAGED' WHEN st < 40 THEN 'IN_PROGRESS' WHEN st < 50 THEN 'RESOLVED'
                 WHEN st < 55 THEN 'VERIFIED' WHEN st < 95 THEN 'CLOSED' ELSE 'REOPENED' END)::ticket_status AS status
      FROM p
  ), t AS (
    SELECT q.*, ${SEVERITY_RANK_SQL} AS severity_rank,
           q.created_at + ${RESPONSE_HOURS} * interval '1 hour' AS response_due_at,
           q.created_at + ${RESOLUTION_HOURS} * interval '1 hour' AS resolution_due_at,
           CASE WHEN q.status <> 'OPEN' THEN least(now(), q.created_at + ${frac('q.g', 64)} * 1.5 * ${RESPONSE_HOURS} * interval '1 hour') END AS responded_at,
           CASE WHEN q.status IN ('RESOLVED', 'VERIFIED', 'CLOSED') THEN least(now(), q.created_at
                + (1.5 * ${RESPONSE_HOURS} + ${frac('q.g', 65)} * 1.2 * ${RESOLUTION_HOURS}) * interval '1 hour') END AS resolved_at
      FROM q
  )
  SELECT gen_random_uuid() AS id, t.g, t.c, c.id AS consortium_id, s.id AS scenario_id,
         c.next_number + row_number() OVER (PARTITION BY t.c ORDER BY t.g) AS number,
         ${pick(PROBLEMS, 't.g', 66)} || ' ' || ${pick(PLACES, 't.g', 67)} AS title,
         'Observed on unit R-' || lpad((t.g % 9973)::text, 4, '0') || ' during ' || ${pick(TASKS, 't.g', 68)} || '. '
           || ${pick(DETAILS, 't.g', 69)} || ' ' || ${pick(DETAILS, 't.g', 70)} AS description,
         (enum_range(NULL::ticket_category))[1 + ${h('t.g', 71, 6)}] AS category,
         t.severity, t.severity_rank, t.status,
         array_remove(ARRAY[CASE WHEN ${h('t.g', 72, 10)} < 6 THEN ${pick(LABELS, 't.g', 73)} END,
           CASE WHEN ${h('t.g', 72, 10)} < 2 THEN (ARRAY['${LABELS.join("','")}'])[1 + (${h('t.g', 73, LABELS.length)} + 1 + ${h('t.g', 74, LABELS.length - 1)}) % ${LABELS.length}] END], NULL) AS labels,
         u.id AS raised_by_user_id, r.org_id AS raised_by_organization_id,
         CASE WHEN ${h('t.g', 75, 10)} < 7 THEN a.org_id END AS assignee_organization_id,
         CASE WHEN ${h('t.g', 75, 10)} < 3 THEN au.id END AS assignee_user_id,
         t.response_due_at, t.resolution_due_at, t.responded_at, t.resolved_at, t.created_at,
         greatest(coalesce(t.resolved_at, t.responded_at, t.created_at),
                  t.created_at + ${frac('t.g', 76)} * (now() - t.created_at)) AS updated_at
    FROM t JOIN b_cons c ON c.n = t.c
    JOIN b_scen s ON s.c = t.c AND s.k = ${h('t.g', 77, 'c.scenarios')}
    JOIN b_raiser r ON r.c = t.c AND r.slot = ${h('t.g', 78, 'c.raisers')}
    JOIN b_user u ON u.org_id = r.org_id AND u.k = ${h('t.g', 79, 'r.users')}
    JOIN b_raiser a ON a.c = t.c AND a.slot = ${h('t.g', 80, 'c.raisers')}
    JOIN b_user au ON au.org_id = a.org_id AND au.k = ${h('t.g', 81, 'a.users')}`;

const INSERT_TICKETS_SQL = `
  INSERT INTO ticket (id, consortium_id, scenario_id, number, title, description, category, severity, severity_rank,
    status, labels, raised_by_user_id, raised_by_organization_id, assignee_organization_id, assignee_user_id,
    response_due_at, resolution_due_at, responded_at, resolved_at, created_at, updated_at)
  SELECT id, consortium_id, scenario_id, number, title, description, category, severity, severity_rank,
         status, labels, raised_by_user_id, raised_by_organization_id, assignee_organization_id, assignee_user_id,
         response_due_at, resolution_due_at, responded_at, resolved_at, created_at, updated_at
    FROM b_ticket ORDER BY consortium_id, number`;

/** 0–4 comments (2 on average) on the large consortium's tickets, 0–2 elsewhere; at most $1 rows. */
const INSERT_COMMENTS_SQL = `
  INSERT INTO ticket_comment (ticket_id, consortium_id, author_user_id, body, created_at)
  SELECT x.id, x.consortium_id, u.id, ${pick(COMMENTS, 'x.o', 82)} || ' (unit R-' || lpad((x.g % 9973)::text, 4, '0') || ')',
         x.created_at + ${frac('x.o', 83)} * (x.updated_at - x.created_at)
    FROM (SELECT t.id, t.g, t.consortium_id, t.created_at, t.updated_at, t.c, t.g * 8 + i AS o
            FROM b_ticket t
           CROSS JOIN LATERAL generate_series(1, CASE WHEN t.c = 1 THEN ${h('t.g', 84, 5)} ELSE ${h('t.g', 84, 3)} END) i
          OFFSET 0) x
    JOIN b_cons c ON c.n = x.c
    JOIN b_raiser r ON r.c = x.c AND r.slot = ${h('x.o', 85, 'c.raisers')}
    JOIN b_user u ON u.org_id = r.org_id AND u.k = ${h('x.o', 86, 'r.users')}
   LIMIT $1`;

/**
 * One ticket in 12 names a dataset of its consortium, one in five of those a second one (~100k per
 * 1M). The dataset's ordinal is computed first (OFFSET 0 keeps the subquery), so the join is on (c, k).
 */
const INSERT_LINKS_SQL = `
  INSERT INTO ticket_dataset_link (ticket_id, dataset_id, consortium_id, created_by_user_id, created_at)
  SELECT x.id, d.id, x.consortium_id, x.raised_by_user_id, least(now(), x.created_at + interval '2 hours')
    FROM (SELECT t.id, t.c, t.consortium_id, t.raised_by_user_id, t.created_at,
                 (${h('t.g', 91, 'c.datasets')} + i * 7) % c.datasets AS k
            FROM b_ticket t JOIN b_cons c ON c.n = t.c AND c.datasets > 0
           CROSS JOIN LATERAL generate_series(0, CASE WHEN ${h('t.g', 90, 5)} = 0 THEN 1 ELSE 0 END) i
           WHERE ${h('t.g', 92, 12)} = 0
          OFFSET 0) x
    JOIN b_ds d ON d.c = x.c AND d.k = x.k
  ON CONFLICT DO NOTHING`;

const ADVANCE_NUMBERS_SQL = `
  UPDATE b_cons SET next_number = x.top
    FROM (SELECT c, max(number)::int AS top FROM b_ticket GROUP BY c) x WHERE x.c = n`;

const START_NUMBERS_SQL = `
  UPDATE b_cons c SET next_number = coalesce((SELECT max(t.number) FROM ticket t WHERE t.consortium_id = c.id), 0)`;

const UPSERT_TOKEN_SQL = `
  INSERT INTO api_token (user_id, name, token_hash, display_prefix, expires_at)
  VALUES ($1, $2, $3, $4, now() + $5::int * interval '1 day')
  ON CONFLICT ON CONSTRAINT api_token_hash_unique
  DO UPDATE SET expires_at = EXCLUDED.expires_at, revoked_at = NULL`;

// ---------------------------------------------------------------------------------------------
// Running.

function log(message: string): void {
  process.stderr.write(`[volume-seed] ${message}\n`);
}

function seconds(since: number): string {
  return `${((Date.now() - since) / 1000).toFixed(1)} s`;
}

/** One statement, timed and logged; answers the number of rows it wrote. */
async function step(client: PoolClient, label: string, sql: string, params: unknown[] = []): Promise<number> {
  const started = Date.now();
  const result = await client.query(sql, params);
  const rows = result.rowCount ?? 0;
  log(`${label}: ${rows} rows in ${seconds(started)}`);
  return rows;
}

/** Several parameterless statements (the maps). */
async function exec(client: PoolClient, sql: string): Promise<void> {
  await client.query(sql);
}

function assertTargets(targets: VolumeTargets): void {
  for (const [name, value] of Object.entries(targets)) {
    if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${name} must be a whole number ≥ 0`);
  }
  if (targets.consortia < 2) throw new RangeError('consortia must be at least 2 (the large one and others)');
  if (targets.organizations < 8) throw new RangeError('organizations must be at least 8');
  if (targets.users < targets.organizations) throw new RangeError('users must be at least organizations');
  if (targets.datasets < targets.consortia) throw new RangeError('datasets must be at least consortia');
}

async function prepareSession(client: PoolClient): Promise<void> {
  await client.query(SEED_LOCK, ['tetrad bench volume seed']);
  // Bench data: losing the last commits in a crash only means seeding them again.
  await client.query(`SET synchronous_commit = off; SET work_mem = '64MB'`);
  await client.query('CREATE TABLE IF NOT EXISTS bench_seed (key text PRIMARY KEY, value jsonb NOT NULL)');
}

async function readState(client: PoolClient): Promise<SeedState> {
  const { rows } = await client.query<{ key: string; value: unknown }>('SELECT key, value FROM bench_seed');
  const value = (key: string): unknown => rows.find((row) => row.key === key)?.value;
  return {
    base: value('base') as BaseRecord | undefined,
    tickets: (value('tickets') as TicketRecord | undefined) ?? { count: 0, comments: 0, links: 0 },
  };
}

async function writeState(client: PoolClient, key: string, value: object): Promise<void> {
  await client.query(
    `INSERT INTO bench_seed (key, value) VALUES ($1, $2::jsonb)
     ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`,
    [key, JSON.stringify(value)],
  );
}

async function buildMaps(client: PoolClient): Promise<void> {
  const started = Date.now();
  for (const sql of [
    MAP_ORGANIZATIONS_SQL,
    MAP_USERS_SQL,
    MAP_CONSORTIA_SQL,
    MAP_MEMBERS_SQL,
    MAP_SCENARIOS_SQL,
    MAP_DATASETS_SQL,
  ]) {
    await exec(client, sql);
  }
  log(`maps of the bench rows built in ${seconds(started)}`);
}

// ---------------------------------------------------------------------------------------------
// The base: everything but the tickets, in one transaction.

/** Valid codes (GB 32100-2015, as the app checks them): '91', a division, 9 digits of n, the check character. */
function socialCreditCodes(count: number): string[] {
  return Array.from({ length: count }, (_, index) => {
    const first17 = `91${DIVISIONS[index % DIVISIONS.length]!}${String(index + 1).padStart(9, '0')}`;
    return first17 + usccCheckCharacter(first17);
  });
}

async function seedParties(client: PoolClient, targets: BaseTargets): Promise<void> {
  await step(client, 'organizations', INSERT_ORGANIZATIONS_SQL, [socialCreditCodes(targets.organizations)]);
  await exec(client, `ANALYZE organization; ${MAP_ORGANIZATIONS_SQL}`);
  await step(client, 'users', INSERT_USERS_SQL, [targets.users, targets.organizations]);
  await exec(client, MAP_USERS_SQL);
  const pool = Math.floor((targets.organizations - 2) / 4) * 4;
  await exec(client, 'DROP TABLE IF EXISTS b_plan');
  await client.query(PLAN_MEMBERS_SQL, [targets.consortia, pool, LARGE_MEMBERS]);
  await step(client, 'consortia', INSERT_CONSORTIA_SQL);
  await exec(client, MAP_CONSORTIA_SQL);
  await step(client, 'memberships', INSERT_MEMBERSHIPS_SQL);
  await exec(client, MAP_MEMBERS_SQL);
  await step(client, 'scenarios', INSERT_SCENARIOS_SQL, [SCENARIOS_PER_CONSORTIUM]);
  await exec(client, MAP_SCENARIOS_SQL);
  await step(client, 'ticket labels', INSERT_LABELS_SQL, [LABELS]);
}

async function seedDatasets(client: PoolClient, targets: BaseTargets): Promise<void> {
  await step(client, 'datasets', INSERT_DATASETS_SQL, [targets.datasets, targets.consortia]);
  await exec(client, MAP_DATASETS_SQL);
}

/** The app's own content hash (canonical JSON of the version), so signatures verify. */
async function hashContracts(client: PoolClient): Promise<void> {
  const started = Date.now();
  const { rows } = await client.query<{
    id: string;
    title: string;
    terms: ContractTerms;
    parties: ContractParty[];
  }>(CONTRACT_CONTENT_SQL);
  const hashes = rows.map((row) =>
    contentHash({
      contractId: row.id,
      version: 1,
      title: row.title,
      parties: row.parties,
      terms: row.terms,
      clauses: BENCH_CLAUSES,
    }),
  );
  await client.query(
    'UPDATE b_contract b SET content_hash = u.hash FROM unnest($1::uuid[], $2::text[]) AS u(id, hash) WHERE b.id = u.id',
    [rows.map((row) => row.id), hashes],
  );
  log(`contract content hashes: ${rows.length} in ${seconds(started)}`);
}

async function seedContracts(
  client: PoolClient,
  targets: BaseTargets,
  manyRulesOrgId: string,
): Promise<void> {
  const manyRules = Math.min(MANY_RULES_CONTRACTS, Math.floor(targets.contracts / 2));
  await exec(client, 'DROP TABLE IF EXISTS b_contract');
  await step(client, 'contract plan', PLAN_CONTRACTS_SQL, [
    targets.contracts,
    manyRules,
    targets.consortia,
    manyRulesOrgId,
  ]);
  await client.query(CONTRACT_TERMS_SQL, [JSON.stringify(BENCH_DUTIES)]);
  await hashContracts(client);
  await step(client, 'data_sharing_contract', INSERT_CONTRACTS_SQL);
  await step(client, 'contract_version', INSERT_VERSIONS_SQL, [JSON.stringify(BENCH_CLAUSES)]);
  await step(client, 'contract_signature', INSERT_SIGNATURES_SQL);
}

/** Users 1 and 2 (of orgs 1 and 2), with a token each, generated once. */
async function principalsOf(client: PoolClient): Promise<BaseRecord['principals']> {
  const { rows } = await client.query<{ n: number; org_id: string; user_id: string; large: string }>(
    `SELECT o.n, o.id AS org_id, u.id AS user_id, (SELECT id FROM b_cons WHERE n = 1) AS large
       FROM b_org o JOIN b_user u ON u.org_id = o.id AND u.k = 0 WHERE o.n IN (1, 2) ORDER BY o.n`,
  );
  const [many, trivial] = rows;
  if (!many || !trivial) throw new Error('The bench principals were not found after seeding.');
  const token = (): string => `${API_TOKEN_PREFIX}${randomSecret(30)}`;
  return {
    largeConsortiumId: many.large,
    manyRules: { userId: many.user_id, organizationId: many.org_id, token: token() },
    trivial: { userId: trivial.user_id, organizationId: trivial.org_id, token: token() },
  };
}

async function seedBase(client: PoolClient, targets: VolumeTargets): Promise<BaseRecord> {
  const started = Date.now();
  const { tickets: _tickets, ...base } = targets;
  await client.query('BEGIN');
  await seedParties(client, base);
  await seedDatasets(client, base);
  const principals = await principalsOf(client);
  await seedContracts(client, base, principals.manyRules.organizationId);
  const record: BaseRecord = { targets: base, principals, seededAt: new Date().toISOString() };
  await writeState(client, 'base', record);
  await client.query('COMMIT');
  log(`base seeded in ${seconds(started)}`);
  return record;
}

function warnIfDifferent(record: BaseRecord, targets: VolumeTargets): void {
  const changed = (Object.keys(record.targets) as (keyof BaseTargets)[]).filter(
    (key) => record.targets[key] !== targets[key],
  );
  if (changed.length > 0) {
    log(`already seeded with other ${changed.join(', ')}: only tickets are topped up (use a fresh database)`);
  }
}

// ---------------------------------------------------------------------------------------------
// Tickets, with their comments and dataset links, in committed batches.

/** Runs one statement of a batch; answers the rows it wrote and notes its duration in `times`. */
async function timed(
  client: PoolClient,
  name: string,
  sql: string,
  params: unknown[],
  times: string[],
): Promise<number> {
  const started = Date.now();
  const rows = (await client.query(sql, params)).rowCount ?? 0;
  times.push(`${name} ${seconds(started)}`);
  return rows;
}

async function ticketBatch(
  client: PoolClient,
  done: TicketRecord,
  to: number,
  consortia: number,
): Promise<TicketRecord> {
  const started = Date.now();
  const times: string[] = [];
  await client.query('BEGIN');
  await client.query('DROP TABLE IF EXISTS b_ticket');
  await timed(client, 'plan', PLAN_TICKETS_SQL, [done.count + 1, to, consortia], times);
  await client.query('ANALYZE b_ticket');
  const tickets = await timed(client, 'tickets', INSERT_TICKETS_SQL, [], times);
  const remaining = Math.max(0, COMMENT_CAP - done.comments);
  const comments = await timed(client, 'comments', INSERT_COMMENTS_SQL, [remaining], times);
  const links = await timed(client, 'links', INSERT_LINKS_SQL, [], times);
  await client.query(ADVANCE_NUMBERS_SQL);
  const next = { count: to, comments: done.comments + comments, links: done.links + links };
  await writeState(client, 'tickets', next);
  await client.query('COMMIT');
  log(
    `tickets ${to}: +${tickets} tickets, +${comments} comments, +${links} dataset links in ${seconds(started)} (${times.join(', ')})`,
  );
  return next;
}

/** Answers whether tickets were added. */
async function topUpTickets(
  client: PoolClient,
  target: number,
  record: TicketRecord,
  consortia: number,
): Promise<boolean> {
  if (target <= record.count) {
    log(`tickets: ${record.count} already seeded (target ${target}), nothing to add`);
    return false;
  }
  const started = Date.now();
  await client.query(START_NUMBERS_SQL);
  let done = record;
  while (done.count < target) {
    done = await ticketBatch(client, done, Math.min(target, done.count + TICKET_BATCH), consortia);
  }
  log(`tickets topped up from ${record.count} to ${target} in ${seconds(started)}`);
  return true;
}

// ---------------------------------------------------------------------------------------------
// Principals, tokens, statistics.

async function upsertToken(client: PoolClient, userId: string, token: string): Promise<void> {
  await client.query(UPSERT_TOKEN_SQL, [
    userId,
    'bench volume seed',
    sha256Hex(token),
    token.slice(0, API_TOKEN_PREFIX.length + 4),
    TOKEN_DAYS,
  ]);
}

/** More API tokens for one bench user (plain text, bench data only): many callers with the same rights. */
export async function issueBenchTokens(pool: Pool, userId: string, count: number): Promise<string[]> {
  const tokens = Array.from({ length: count }, () => `${API_TOKEN_PREFIX}${randomSecret(30)}`);
  const client = await pool.connect();
  try {
    for (const token of tokens) await upsertToken(client, userId, token);
  } finally {
    client.release();
  }
  return tokens;
}

/** The tokens are (re)valid for 30 days from every call. */
async function finishPrincipals(client: PoolClient, base: BaseRecord): Promise<BenchPrincipals> {
  const { principals } = base;
  await upsertToken(client, principals.trivial.userId, principals.trivial.token);
  await upsertToken(client, principals.manyRules.userId, principals.manyRules.token);
  const { rows } = await client.query<{ id: string }>(
    'SELECT id FROM ticket WHERE consortium_id = $1 ORDER BY number LIMIT 1',
    [principals.largeConsortiumId],
  );
  const result: BenchPrincipals = { ...principals, sampleTicketId: rows[0]?.id ?? '' };
  await writeState(client, 'principals', result);
  return result;
}

async function analyze(client: PoolClient, wrote: boolean): Promise<void> {
  const started = Date.now();
  // VACUUM also sets the visibility map and flushes the GIN pending lists, so the benchmark does
  // not measure autovacuum catching up with the load.
  await client.query(`${wrote ? 'VACUUM (ANALYZE)' : 'ANALYZE'} ${BENCH_TABLES.join(', ')}`);
  log(`${wrote ? 'VACUUM (ANALYZE)' : 'ANALYZE'} in ${seconds(started)}`);
}

async function seedWith(client: PoolClient, targets: VolumeTargets): Promise<BenchPrincipals> {
  const started = Date.now();
  await prepareSession(client);
  const state = await readState(client);
  if (state.base) warnIfDifferent(state.base, targets);
  const base = state.base ?? (await seedBase(client, targets));
  await buildMaps(client);
  const added = await topUpTickets(client, targets.tickets, state.tickets, base.targets.consortia);
  const principals = await finishPrincipals(client, base);
  await analyze(client, !state.base || added);
  log(`done in ${seconds(started)}`);
  return principals;
}

/**
 * Seeds `targets` (see the file comment): the base on the first call, tickets topped up to
 * `targets.tickets` on every call. Answers the principals the benchmark signs in as.
 */
export async function seedVolume(pool: Pool, targets: VolumeTargets): Promise<BenchPrincipals> {
  assertTargets(targets);
  const client = await pool.connect();
  try {
    const principals = await seedWith(client, targets);
    await client.query('DISCARD ALL'); // temporary tables, settings, the advisory lock
    client.release();
    return principals;
  } catch (error) {
    // A broken connection is closed, not returned to the pool: its transaction and lock end with it.
    client.release(error instanceof Error ? error : new Error(String(error)));
    throw error;
  }
}
