import { z } from 'zod';
import { DEFAULT_DOCUMENT_LIMITS as LIMITS } from '../graphql/document-limits';
import { DEFAULT_MAX_SUBSCRIPTIONS_PER_CONNECTION } from '../graphql/subscription-guard';

const integer = (min: number, max: number) =>
  z
    .string()
    .trim()
    .regex(/^-?\d+$/, { error: `an integer from ${min} to ${max}` })
    .pipe(z.coerce.number())
    .pipe(
      z
        .number()
        .int({ error: `an integer from ${min} to ${max}` })
        .min(min, { error: `an integer from ${min} to ${max}` })
        .max(max, { error: `an integer from ${min} to ${max}` }),
    );

const postgresUrl = z
  .string()
  .trim()
  .refine((value) => /^postgres(ql)?:\/\/[^\s]+$/.test(value) && URL.canParse(value), {
    error: 'a URL of the form postgres://user:password@host:5432/database',
  });

const httpUrl = z
  .string()
  .trim()
  .refine((value) => /^https?:\/\/[^\s]+$/.test(value) && URL.canParse(value), {
    error: 'an http(s) URL such as https://id.example.com/realms/tetrad',
  });

/** Every environment variable Tetrad reads; the README documents each one. */
export const configSchema = z.object({
  NODE_ENV: z
    .enum(['development', 'test', 'production'], {
      error: 'one of development, test, production',
    })
    .default('production'),
  HOST: z.string().trim().min(1, { error: 'a host name or IP address' }).default('localhost'),
  PORT: integer(0, 65535).default(3000),
  DATABASE_URL: postgresUrl.optional(),
  DATABASE_POOL_MAX: integer(1, 200).default(10),
  DATABASE_CONNECT_RETRIES: integer(0, 100).default(0),
  DATA_DIR: z.string().trim().min(1, { error: 'a directory path or memory://' }).default('./.data'),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
      error: 'one of fatal, error, warn, info, debug, trace, silent',
    })
    .default('info'),
  GRAPHQL_MAX_DEPTH: integer(2, 50).default(10),
  GRAPHQL_MAX_COST: integer(10, 1_000_000).default(5000),
  GRAPHQL_MAX_QUERY_BYTES: integer(1024, 10 * 1024 * 1024).default(LIMITS.maxDocumentBytes),
  GRAPHQL_MAX_TOKENS: integer(100, 1_000_000).default(LIMITS.maxTokens),
  GRAPHQL_MAX_ALIASES: integer(0, 10_000).default(LIMITS.maxAliases),
  GRAPHQL_MAX_INPUT_DEPTH: integer(2, 100).default(LIMITS.maxInputDepth),
  GRAPHQL_MAX_INPUT_ITEMS: integer(10, 1_000_000).default(LIMITS.maxInputItems),
  GRAPHQL_MAX_SUBSCRIPTIONS_PER_CONNECTION: integer(1, 1_000).default(
    DEFAULT_MAX_SUBSCRIPTIONS_PER_CONNECTION,
  ),
  BODY_LIMIT_BYTES: integer(1024, 50 * 1024 * 1024).default(1024 * 1024),
  SHUTDOWN_TIMEOUT_MS: integer(100, 120_000).default(10_000),
  RATE_LIMIT_PER_MINUTE: integer(0, 1_000_000).optional(),
  RATE_LIMIT_COST_PER_MINUTE: integer(0, 100_000_000).optional(),
  PUBLIC_URL: httpUrl.optional(),
  OIDC_ISSUER: httpUrl.optional(),
  OIDC_CLIENT_ID: z.string().trim().min(1, { error: 'a client id' }).default('tetrad-api'),
  OIDC_CLIENT_SECRET: z.string().min(1, { error: 'the client secret registered at the issuer' }).optional(),
  OIDC_AUDIENCE: z
    .string()
    .trim()
    .min(1, { error: 'the audience of access tokens for Tetrad' })
    .default('urn:tetrad:api'),
  OIDC_SCOPES: z
    .string()
    .trim()
    .min(1, { error: 'space-separated scopes including openid' })
    .default('openid email profile'),
  SESSION_TTL_MINUTES: integer(5, 60 * 24 * 30).default(8 * 60),
  PLATFORM_ADMIN_EMAILS: z
    .string()
    .trim()
    .refine((value) => value.split(',').every((email) => /^[^@\s,]+@[^@\s,]+$/.test(email.trim())), {
      error: 'a comma-separated list of email addresses',
    })
    .optional(),
  WEB_DIR: z.string().trim().min(1, { error: 'the directory of the built web app' }).optional(),
  AUDIT_SIGNING_KEY: z.string().trim().min(1, { error: 'a PEM (PKCS#8) Ed25519 private key' }).optional(),
  AUDIT_SIGNING_KEY_FILE: z
    .string()
    .trim()
    .min(1, { error: 'the path of a PEM Ed25519 private key' })
    .optional(),
  AUDIT_PUBLIC_KEYS: z
    .string()
    .trim()
    .min(1, { error: 'PEM public keys, or base64 SPKI keys separated by commas' })
    .optional(),
  AUDIT_PUBLIC_KEYS_FILE: z
    .string()
    .trim()
    .min(1, { error: 'the path of a file of PEM public keys' })
    .optional(),
  SEED_DEMO_DATA: z.enum(['true', 'false'], { error: 'true or false' }).default('false'),
});

export type Environment = z.infer<typeof configSchema>;
