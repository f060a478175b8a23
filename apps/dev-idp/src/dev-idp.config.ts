import { z } from 'zod';

export interface DevIdpConfig {
  port: number;
  host: string;
  /** Undefined: `http://localhost:<port>`, with the port actually bound (so port 0 works). */
  issuer: string | undefined;
  keysFile: string;
  apiClientSecret: string;
  apiRedirectUris: string[];
  apiPostLogoutRedirectUris: string[];
  audience: string;
  accessTokenTtlSeconds: number;
}

/** Thrown when the environment is invalid; its message is one line naming the variable. */
export class DevIdpConfigError extends Error {
  override readonly name = 'DevIdpConfigError';
}

const integer = (min: number, max: number) => {
  const error = `an integer from ${min} to ${max}`;
  return z
    .string()
    .trim()
    .regex(/^\d+$/, { error })
    .pipe(z.coerce.number<string>())
    .pipe(z.number().int({ error }).min(min, { error }).max(max, { error }));
};

const isHttpUrl = (value: string): boolean =>
  /^https?:\/\/[^\s#]+$/.test(value) && URL.canParse(value) && !new URL(value).hash;

const httpUrlList = (example: string) =>
  z
    .string()
    .trim()
    .refine((value) => value.split(',').every((uri) => isHttpUrl(uri.trim())), {
      error: `a comma-separated list of http(s) URLs without fragment, such as ${example}`,
    })
    .transform((value) => value.split(',').map((uri) => uri.trim()));

const schema = z.object({
  DEV_IDP_PORT: integer(0, 65535).default(3001),
  DEV_IDP_HOST: z.string().trim().min(1, { error: 'a host name or IP address' }).default('localhost'),
  DEV_IDP_ISSUER: z
    .string()
    .trim()
    .refine((value) => isHttpUrl(value) && !new URL(value).search, {
      error: 'an http(s) URL without query or fragment, such as http://localhost:3001',
    })
    .transform((value) => value.replace(/\/+$/, ''))
    .optional(),
  DEV_IDP_KEYS_FILE: z.string().trim().min(1, { error: 'a file path' }).default('./.data/dev-idp/jwks.json'),
  DEV_IDP_API_CLIENT_SECRET: z
    .string()
    .min(8, { error: 'at least 8 characters' })
    .default('tetrad-dev-client-secret'),
  DEV_IDP_API_REDIRECT_URIS: httpUrlList('http://localhost:3000/auth/callback').default([
    'http://localhost:3000/auth/callback',
  ]),
  DEV_IDP_API_POST_LOGOUT_REDIRECT_URIS: httpUrlList('http://localhost:3000/').default([
    'http://localhost:3000/',
  ]),
  // Resource indicators must be absolute URIs (RFC 8707).
  DEV_IDP_AUDIENCE: z
    .string()
    .trim()
    .refine((value) => URL.canParse(value) && !value.includes('#'), {
      error: 'an absolute URI without fragment, such as urn:tetrad:api',
    })
    .default('urn:tetrad:api'),
  DEV_IDP_ACCESS_TOKEN_TTL_S: integer(60, 86_400).default(3600),
});

/** The secret is never echoed back, even when it is the invalid value. */
const SECRET_VARIABLES = new Set(['DEV_IDP_API_CLIENT_SECRET']);

/** Reads and validates the environment. Empty strings count as unset. */
export function loadDevIdpConfig(source: NodeJS.ProcessEnv = process.env): DevIdpConfig {
  const present = Object.fromEntries(
    Object.entries(source).filter(([, value]) => value !== undefined && value.trim() !== ''),
  );
  const parsed = schema.safeParse(present);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const variable = String(issue?.path[0] ?? 'environment');
    const got = present[variable];
    const shown = got === undefined || SECRET_VARIABLES.has(variable) ? '' : ` (got ${JSON.stringify(got)})`;
    throw new DevIdpConfigError(
      `Invalid configuration: ${variable} must be ${issue?.message ?? 'valid'}${shown}.`,
    );
  }
  const env = parsed.data;
  return {
    port: env.DEV_IDP_PORT,
    host: env.DEV_IDP_HOST,
    issuer: env.DEV_IDP_ISSUER,
    keysFile: env.DEV_IDP_KEYS_FILE,
    apiClientSecret: env.DEV_IDP_API_CLIENT_SECRET,
    apiRedirectUris: env.DEV_IDP_API_REDIRECT_URIS,
    apiPostLogoutRedirectUris: env.DEV_IDP_API_POST_LOGOUT_REDIRECT_URIS,
    audience: env.DEV_IDP_AUDIENCE,
    accessTokenTtlSeconds: env.DEV_IDP_ACCESS_TOKEN_TTL_S,
  };
}
