import { ConfigurationError, loadConfig as loadRaw, redactUrl } from './app-config';

/** Production requires an issuer and an audit signing key; most cases here are about something else. */
const ISSUER = {
  OIDC_ISSUER: 'https://id.example.com/realms/tetrad',
  OIDC_CLIENT_SECRET: 'secret',
  AUDIT_SIGNING_KEY_FILE: '/etc/tetrad/audit-signing-key.pem',
};
const loadConfig = (env: NodeJS.ProcessEnv) => loadRaw({ ...ISSUER, ...env });

function loadError(env: NodeJS.ProcessEnv): ConfigurationError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigurationError) return error;
    throw error;
  }
  throw new Error(`loadConfig accepted ${JSON.stringify(env)}`);
}

describe('loadConfig', () => {
  it('runs with an empty environment: production, port 3000, embedded database in ./.data', () => {
    expect(loadConfig({})).toEqual({
      env: 'production',
      isDevelopment: false,
      isProduction: true,
      host: 'localhost',
      port: 3000,
      database: { kind: 'embedded', dataDir: './.data' },
      logLevel: 'info',
      graphql: {
        maxDepth: 10,
        maxSubscriptionsPerConnection: 20,
        maxCost: 5000,
        introspection: false,
        graphiql: false,
        limits: {
          maxDocumentBytes: 65_536,
          maxTokens: 5000,
          maxNesting: 64,
          maxAliases: 30,
          maxDirectives: 50,
          maxFragments: 50,
          maxFragmentChain: 10,
          maxInputDepth: 20,
          maxInputItems: 1000,
        },
      },
      bodyLimitBytes: 1024 * 1024,
      shutdownTimeoutMs: 10_000,
      rateLimitPerMinute: 600,
      rateLimitCostPerMinute: 240_000,
      publicUrl: 'http://localhost:3000',
      auth: {
        oidc: {
          issuer: ISSUER.OIDC_ISSUER,
          clientId: 'tetrad-api',
          clientSecret: 'secret',
          audience: 'urn:tetrad:api',
          scopes: 'openid email profile',
          allowInsecure: false,
        },
        sessionTtlMinutes: 480,
        platformAdminEmails: [],
      },
      seedDemoData: false,
      audit: {
        signingKeyFile: '/etc/tetrad/audit-signing-key.pem',
        signingKey: undefined,
        publicKeys: undefined,
        publicKeysFile: undefined,
        generatedKeyFile: undefined,
      },
    });
  });

  describe('audit signing key', () => {
    it('is required in production, in one line', () => {
      expect(() => loadConfig({ AUDIT_SIGNING_KEY_FILE: '' })).toThrow(
        /^Invalid configuration: AUDIT_SIGNING_KEY_FILE \(or AUDIT_SIGNING_KEY\) must be set in production/,
      );
    });

    it('is generated beside the embedded database in development, in the temp directory for memory://', () => {
      const beside = loadConfig({
        NODE_ENV: 'development',
        AUDIT_SIGNING_KEY_FILE: '',
        DATA_DIR: '/srv/data',
      });
      expect(beside.audit.generatedKeyFile).toBe('/srv/data/audit-signing-key.pem');
      const inMemory = loadConfig({ NODE_ENV: 'test', AUDIT_SIGNING_KEY_FILE: '', DATA_DIR: 'memory://' });
      expect(inMemory.audit.generatedKeyFile).toMatch(/tetrad-audit-signing-key\.pem$/);
    });

    it('reads the key and the earlier public keys', () => {
      expect(
        loadConfig({ AUDIT_SIGNING_KEY: 'pem', AUDIT_PUBLIC_KEYS: 'a,b', AUDIT_PUBLIC_KEYS_FILE: '/k.pem' })
          .audit,
      ).toMatchObject({
        signingKey: 'pem',
        publicKeys: 'a,b',
        publicKeysFile: '/k.pem',
        generatedKeyFile: undefined,
      });
    });
  });

  describe('sign-in settings', () => {
    it('requires OIDC_ISSUER in production, in one line', () => {
      expect(() => loadRaw({})).toThrow(
        /^Invalid configuration: OIDC_ISSUER must be set in production \(the URL of your OpenID Connect issuer\)\.$/,
      );
    });

    it('runs without an issuer in development (sign-in unavailable)', () => {
      expect(loadRaw({ NODE_ENV: 'development' }).auth.oidc).toBeUndefined();
    });

    it('requires the client secret with the issuer', () => {
      expect(() => loadRaw({ OIDC_ISSUER: 'https://id.example.com' })).toThrow(
        /^Invalid configuration: OIDC_CLIENT_SECRET must be set/,
      );
    });

    it.each([
      ['http://localhost:3001', true],
      ['http://127.0.0.1:8080/realms/x', true],
      ['https://login.example.com', false],
      ['http://idp.internal', false],
    ])('allows plain http only on this machine: %s → %p', (issuer, allowInsecure) => {
      expect(loadConfig({ OIDC_ISSUER: issuer }).auth.oidc?.allowInsecure).toBe(allowInsecure);
    });

    it('lower-cases and trims PLATFORM_ADMIN_EMAILS and derives PUBLIC_URL without a trailing slash', () => {
      const config = loadConfig({
        PLATFORM_ADMIN_EMAILS: ' Admin@Example.com, ops@example.com ',
        PUBLIC_URL: 'https://tetrad.example.com/',
      });
      expect(config.auth.platformAdminEmails).toEqual(['admin@example.com', 'ops@example.com']);
      expect(config.publicUrl).toBe('https://tetrad.example.com');
    });

    it.each([
      [{ PLATFORM_ADMIN_EMAILS: 'admin, ops@example.com' }, 'PLATFORM_ADMIN_EMAILS'],
      [{ OIDC_ISSUER: 'ftp://id.example.com' }, 'OIDC_ISSUER'],
      [{ PUBLIC_URL: 'tetrad.example.com' }, 'PUBLIC_URL'],
      [{ SESSION_TTL_MINUTES: '1' }, 'SESSION_TTL_MINUTES'],
      [{ SEED_DEMO_DATA: 'yes' }, 'SEED_DEMO_DATA'],
    ])('refuses %p naming %s', (env, variable) => {
      expect(() => loadConfig(env)).toThrow(new RegExp(`^Invalid configuration: ${variable} must be`));
    });
  });

  it.each<[string, NodeJS.ProcessEnv]>([
    ['empty strings', { NODE_ENV: '', PORT: '', DATABASE_URL: '', DATA_DIR: '', LOG_LEVEL: '', HOST: '' }],
    [
      'blank strings',
      { NODE_ENV: '  ', PORT: ' ', DATABASE_URL: '\t', DATA_DIR: ' ', LOG_LEVEL: ' ', HOST: ' ' },
    ],
    ['undefined values', { NODE_ENV: undefined, PORT: undefined, DATABASE_URL: undefined }],
  ])('treats %s as unset', (_label, env) => {
    expect(loadConfig(env)).toEqual(loadConfig({}));
  });

  it('uses PostgreSQL with pool settings when DATABASE_URL is set', () => {
    const url = 'postgres://tetrad:secret@db.internal:5432/tetrad';
    expect(loadConfig({ DATABASE_URL: url }).database).toEqual({
      kind: 'postgres',
      url,
      poolMax: 10,
      connectRetries: 0,
    });
    expect(
      loadConfig({
        DATABASE_URL: url,
        DATABASE_POOL_MAX: '25',
        DATABASE_CONNECT_RETRIES: '5',
        DATA_DIR: '/ignored',
      }).database,
    ).toEqual({ kind: 'postgres', url, poolMax: 25, connectRetries: 5 });
  });

  it.each([['postgres://localhost/tetrad'], ['postgresql://u:p@localhost:5433/tetrad']])(
    'accepts the PostgreSQL URL %s',
    (url) => {
      expect(loadConfig({ DATABASE_URL: url }).database).toMatchObject({ kind: 'postgres', url });
    },
  );

  it.each<[string, NodeJS.ProcessEnv, Record<string, unknown>]>([
    ['PORT', { PORT: '8080' }, { port: 8080 }],
    ['PORT with spaces', { PORT: ' 8080 ' }, { port: 8080 }],
    ['HOST', { HOST: '0.0.0.0' }, { host: '0.0.0.0' }],
    ['DATA_DIR', { DATA_DIR: 'memory://' }, { database: { kind: 'embedded', dataDir: 'memory://' } }],
    ['LOG_LEVEL', { LOG_LEVEL: 'debug' }, { logLevel: 'debug' }],
    [
      'GRAPHQL_MAX_DEPTH and GRAPHQL_MAX_COST',
      { GRAPHQL_MAX_DEPTH: '2', GRAPHQL_MAX_COST: '10' },
      {
        graphql: expect.objectContaining({ maxDepth: 2, maxCost: 10 }),
      },
    ],
    ['BODY_LIMIT_BYTES', { BODY_LIMIT_BYTES: '1024' }, { bodyLimitBytes: 1024 }],
    ['SHUTDOWN_TIMEOUT_MS', { SHUTDOWN_TIMEOUT_MS: '120000' }, { shutdownTimeoutMs: 120_000 }],
    ['RATE_LIMIT_PER_MINUTE', { RATE_LIMIT_PER_MINUTE: '0' }, { rateLimitPerMinute: 0 }],
    [
      'no rate limit in tests unless set',
      { NODE_ENV: 'test' },
      { rateLimitPerMinute: 0, rateLimitCostPerMinute: 0 },
    ],
    ['RATE_LIMIT_COST_PER_MINUTE', { RATE_LIMIT_COST_PER_MINUTE: '1000' }, { rateLimitCostPerMinute: 1000 }],
    [
      'GRAPHQL_MAX_SUBSCRIPTIONS_PER_CONNECTION',
      { GRAPHQL_MAX_SUBSCRIPTIONS_PER_CONNECTION: '3' },
      { graphql: expect.objectContaining({ maxSubscriptionsPerConnection: 3 }) },
    ],
  ])('reads %s', (_label, env, expected) => {
    expect(loadConfig(env)).toMatchObject(expected);
  });

  it.each<[string, boolean, boolean, boolean, boolean]>([
    // NODE_ENV, isDevelopment, isProduction, introspection, graphiql
    ['development', true, false, true, true],
    ['test', false, false, true, false],
    ['production', false, true, false, false],
  ])(
    'NODE_ENV=%s: development %s, production %s, introspection %s, graphiql %s',
    (env, dev, prod, intro, graphiql) => {
      const config = loadConfig({ NODE_ENV: env });
      expect(config.env).toBe(env);
      expect(config.isDevelopment).toBe(dev);
      expect(config.isProduction).toBe(prod);
      expect(config.graphql.introspection).toBe(intro);
      expect(config.graphql.graphiql).toBe(graphiql);
    },
  );

  describe('invalid variables', () => {
    it.each<[string, string, RegExp]>([
      ['PORT', 'abc', /an integer from 0 to 65535/],
      ['PORT', '70000', /an integer from 0 to 65535/],
      ['PORT', '-1', /an integer from 0 to 65535/],
      ['PORT', '80.5', /an integer from 0 to 65535/],
      ['NODE_ENV', 'staging', /one of development, test, production/],
      ['DATABASE_URL', 'mysql://x', /a URL of the form postgres:\/\//],
      ['DATABASE_URL', 'localhost:5432', /a URL of the form postgres:\/\//],
      ['DATABASE_POOL_MAX', '0', /an integer from 1 to 200/],
      ['DATABASE_CONNECT_RETRIES', '101', /an integer from 0 to 100/],
      ['LOG_LEVEL', 'loud', /one of fatal, error, warn, info, debug, trace, silent/],
      ['GRAPHQL_MAX_DEPTH', '1', /an integer from 2 to 50/],
      ['GRAPHQL_MAX_COST', '9', /an integer from 10 to 1000000/],
      ['BODY_LIMIT_BYTES', '10', /an integer from 1024 to 52428800/],
      ['SHUTDOWN_TIMEOUT_MS', '99', /an integer from 100 to 120000/],
    ])(
      '%s=%s is refused with one line that names it and says what is expected',
      (variable, value, expected) => {
        const error = loadError({ [variable]: value });
        expect(error).toBeInstanceOf(ConfigurationError);
        expect(error.name).toBe('ConfigurationError');
        expect(error.message).not.toContain('\n');
        expect(error.message.startsWith(`Invalid configuration: ${variable} must be `)).toBe(true);
        expect(error.message).toMatch(expected);
        expect(error.message).toContain(JSON.stringify(value));
      },
    );

    it('keeps the message on one line when the value itself has a line break', () => {
      const error = loadError({ NODE_ENV: 'prod\nuction' });
      expect(error.message).not.toMatch(/[\r\n]/);
      expect(error.message).toMatch(
        /^Invalid configuration: NODE_ENV must be one of development, test, production/,
      );
    });

    it('names the variable that is wrong, not a valid neighbour', () => {
      expect(loadError({ PORT: '8080', LOG_LEVEL: 'loud', NODE_ENV: 'test' }).message).toMatch(
        /^Invalid configuration: LOG_LEVEL /,
      );
    });
  });

  describe('DATABASE_URL password', () => {
    it.each([['mysql://tetrad:hunter2@db:3306/tetrad'], ['http://tetrad:hunter2@db/tetrad']])(
      'is not echoed when %s is refused',
      (url) => {
        const error = loadError({ DATABASE_URL: url });
        expect(error.message).toMatch(/^Invalid configuration: DATABASE_URL /);
        expect(error.message).not.toContain('hunter2');
        expect(error.message).toContain('***');
      },
    );

    // Known bug: when the URL cannot be parsed at all, redactUrl returns it unchanged and the
    // password reaches the terminal. it.failing turns red once the bug is fixed; then make it `it`.
    it.each([['postgres://tetrad:hunter2@db host/tetrad'], ['postgres://tetrad:hunter2@db:99999/tetrad']])(
      'is not echoed when the unparseable URL %s is refused',
      (url) => {
        expect(loadError({ DATABASE_URL: url }).message).not.toContain('hunter2');
      },
    );
  });
});

describe('redactUrl', () => {
  it.each([
    ['postgres://tetrad:hunter2@db:5432/tetrad', 'postgres://tetrad:***@db:5432/tetrad'],
    [
      'postgresql://tetrad:p%40ss@db/tetrad?sslmode=require',
      'postgresql://tetrad:***@db/tetrad?sslmode=require',
    ],
    ['postgres://tetrad@db/tetrad', 'postgres://tetrad@db/tetrad'],
    ['postgres://db/tetrad', 'postgres://db/tetrad'],
    ['staging', 'staging'],
  ])('%s → %s', (input, expected) => {
    expect(redactUrl(input)).toBe(expected);
  });
});
