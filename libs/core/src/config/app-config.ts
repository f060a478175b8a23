import { defaultGeneratedKeyFile, type AuditKeySource } from '../audit/audit-signing';
import { DEFAULT_DOCUMENT_LIMITS, type DocumentLimits } from '../graphql/document-limits';
import { configSchema, type Environment } from './config.schema';

export type DatabaseConfig =
  | { kind: 'postgres'; url: string; poolMax: number; connectRetries: number }
  | { kind: 'embedded'; dataDir: string };

export interface AppConfig {
  env: Environment['NODE_ENV'];
  isDevelopment: boolean;
  isProduction: boolean;
  host: string;
  port: number;
  database: DatabaseConfig;
  logLevel: Environment['LOG_LEVEL'];
  graphql: {
    maxDepth: number;
    maxCost: number;
    introspection: boolean;
    graphiql: boolean;
    /** Document and input limits, checked before parsing completes and before any resolver. */
    limits: DocumentLimits;
    /** Subscriptions one WebSocket connection may hold at once. */
    maxSubscriptionsPerConnection: number;
  };
  bodyLimitBytes: number;
  /** GraphQL requests per caller per minute, counted across instances; 0 turns the limit off. */
  rateLimitPerMinute: number;
  /** Query cost points per caller per minute, counted per instance; 0 turns the budget off. */
  rateLimitCostPerMinute: number;
  shutdownTimeoutMs: number;
  /** Where browsers reach Tetrad; the OIDC redirect URI and cookie security derive from it. */
  publicUrl: string;
  auth: AuthConfig;
  seedDemoData: boolean;
  /** The keys that sign the audit trail's checkpoints (never stored in the database). */
  audit: AuditKeySource;
  /** The built web app served at /; undefined means dist/web beside the API's build. */
  webDir: string | undefined;
}

export interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  audience: string;
  scopes: string;
  /** Plain http is allowed for an issuer on this machine only (the bundled provider). */
  allowInsecure: boolean;
}

export interface AuthConfig {
  /** Undefined when no issuer is configured: sign-in and bearer tokens are then unavailable. */
  oidc: OidcConfig | undefined;
  sessionTtlMinutes: number;
  platformAdminEmails: string[];
}

export const APP_CONFIG = Symbol('APP_CONFIG');

/** Thrown when the environment is invalid; its message is one line naming the variable. */
export class ConfigurationError extends Error {
  override readonly name = 'ConfigurationError';
}

/** Reads and validates the environment once, at boot. Empty strings count as unset. */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): AppConfig {
  const present = Object.fromEntries(
    Object.entries(source).filter(([, value]) => value !== undefined && value.trim() !== ''),
  );
  const parsed = configSchema.safeParse(present);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const variable = String(issue?.path[0] ?? 'environment');
    const got = present[variable];
    const shown = got === undefined ? '' : ` (got ${JSON.stringify(redactUrl(got))})`;
    throw new ConfigurationError(
      `Invalid configuration: ${variable} must be ${issue?.message ?? 'valid'}${shown}.`,
    );
  }
  return toAppConfig(parsed.data);
}

function toAppConfig(env: Environment): AppConfig {
  const isDevelopment = env.NODE_ENV === 'development';
  return {
    env: env.NODE_ENV,
    isDevelopment,
    isProduction: env.NODE_ENV === 'production',
    host: env.HOST,
    port: env.PORT,
    database: env.DATABASE_URL
      ? {
          kind: 'postgres',
          url: env.DATABASE_URL,
          poolMax: env.DATABASE_POOL_MAX,
          connectRetries: env.DATABASE_CONNECT_RETRIES,
        }
      : { kind: 'embedded', dataDir: env.DATA_DIR },
    logLevel: env.LOG_LEVEL,
    graphql: {
      maxDepth: env.GRAPHQL_MAX_DEPTH,
      maxCost: env.GRAPHQL_MAX_COST,
      introspection: env.NODE_ENV !== 'production',
      graphiql: isDevelopment,
      limits: {
        ...DEFAULT_DOCUMENT_LIMITS,
        maxDocumentBytes: env.GRAPHQL_MAX_QUERY_BYTES,
        maxTokens: env.GRAPHQL_MAX_TOKENS,
        maxAliases: env.GRAPHQL_MAX_ALIASES,
        maxInputDepth: env.GRAPHQL_MAX_INPUT_DEPTH,
        maxInputItems: env.GRAPHQL_MAX_INPUT_ITEMS,
      },
      maxSubscriptionsPerConnection: env.GRAPHQL_MAX_SUBSCRIPTIONS_PER_CONNECTION,
    },
    bodyLimitBytes: env.BODY_LIMIT_BYTES,
    // Off by default in tests, which send thousands of requests from one person on purpose.
    rateLimitPerMinute: env.RATE_LIMIT_PER_MINUTE ?? (env.NODE_ENV === 'test' ? 0 : 600),
    rateLimitCostPerMinute: env.RATE_LIMIT_COST_PER_MINUTE ?? (env.NODE_ENV === 'test' ? 0 : 240_000),
    shutdownTimeoutMs: env.SHUTDOWN_TIMEOUT_MS,
    publicUrl: (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, ''),
    auth: {
      oidc: oidcConfig(env),
      sessionTtlMinutes: env.SESSION_TTL_MINUTES,
      platformAdminEmails: (env.PLATFORM_ADMIN_EMAILS ?? '')
        .split(',')
        .map((email) => email.trim().toLowerCase())
        .filter(Boolean),
    },
    seedDemoData: env.SEED_DEMO_DATA === 'true',
    audit: auditKeyConfig(env),
    webDir: env.WEB_DIR,
  };
}

function auditKeyConfig(env: Environment): AuditKeySource {
  const configured = env.AUDIT_SIGNING_KEY ?? env.AUDIT_SIGNING_KEY_FILE;
  if (!configured && env.NODE_ENV === 'production') {
    throw new ConfigurationError(
      'Invalid configuration: AUDIT_SIGNING_KEY_FILE (or AUDIT_SIGNING_KEY) must be set in production (the Ed25519 key that signs audit checkpoints).',
    );
  }
  return {
    signingKey: env.AUDIT_SIGNING_KEY,
    signingKeyFile: env.AUDIT_SIGNING_KEY_FILE,
    publicKeys: env.AUDIT_PUBLIC_KEYS,
    publicKeysFile: env.AUDIT_PUBLIC_KEYS_FILE,
    // Development and test only: a key generated once beside the embedded database.
    generatedKeyFile: configured ? undefined : defaultGeneratedKeyFile(env.DATA_DIR),
  };
}

function oidcConfig(env: Environment): OidcConfig | undefined {
  if (!env.OIDC_ISSUER) {
    if (env.NODE_ENV === 'production') {
      throw new ConfigurationError(
        'Invalid configuration: OIDC_ISSUER must be set in production (the URL of your OpenID Connect issuer).',
      );
    }
    return undefined;
  }
  if (!env.OIDC_CLIENT_SECRET) {
    throw new ConfigurationError(
      'Invalid configuration: OIDC_CLIENT_SECRET must be set when OIDC_ISSUER is (the client secret registered at the issuer).',
    );
  }
  const host = new URL(env.OIDC_ISSUER).hostname;
  return {
    issuer: env.OIDC_ISSUER,
    clientId: env.OIDC_CLIENT_ID,
    clientSecret: env.OIDC_CLIENT_SECRET,
    audience: env.OIDC_AUDIENCE,
    scopes: env.OIDC_SCOPES,
    allowInsecure: ['localhost', '127.0.0.1', '[::1]'].includes(host),
  };
}

/** Hides the password of a database URL so that it never reaches a log or a terminal. */
export function redactUrl(value: string): string {
  if (!URL.canParse(value)) return value.replace(/(\/\/[^:/@\s]*:)[^@]*@/, '$1***@');
  const url = new URL(value);
  if (url.password) url.password = '***';
  return url.toString();
}
