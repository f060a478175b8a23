import { DevIdpConfigError, loadDevIdpConfig } from './dev-idp.config';

function loadError(env: NodeJS.ProcessEnv): string {
  try {
    loadDevIdpConfig(env);
  } catch (error) {
    if (error instanceof DevIdpConfigError) return error.message;
    throw error;
  }
  throw new Error(`loadDevIdpConfig accepted ${JSON.stringify(env)}`);
}

describe('loadDevIdpConfig', () => {
  it('runs with an empty environment on port 3001 with the documented defaults', () => {
    expect(loadDevIdpConfig({})).toEqual({
      port: 3001,
      host: 'localhost',
      issuer: undefined,
      keysFile: './.data/dev-idp/jwks.json',
      apiClientSecret: 'tetrad-dev-client-secret',
      apiRedirectUris: ['http://localhost:3000/auth/callback'],
      apiPostLogoutRedirectUris: ['http://localhost:3000/'],
      audience: 'urn:tetrad:api',
      accessTokenTtlSeconds: 3600,
    });
  });

  it('treats empty strings as unset', () => {
    expect(loadDevIdpConfig({ DEV_IDP_PORT: '', DEV_IDP_ISSUER: ' ', DEV_IDP_AUDIENCE: '' })).toEqual(
      loadDevIdpConfig({}),
    );
  });

  it('reads every variable', () => {
    expect(
      loadDevIdpConfig({
        DEV_IDP_PORT: '4001',
        DEV_IDP_HOST: '0.0.0.0',
        DEV_IDP_ISSUER: 'https://id.tetrad.test/',
        DEV_IDP_KEYS_FILE: '/tmp/keys.json',
        DEV_IDP_API_CLIENT_SECRET: 'a-longer-secret',
        DEV_IDP_API_REDIRECT_URIS: 'http://localhost:3000/auth/callback, https://tetrad.test/auth/callback',
        DEV_IDP_API_POST_LOGOUT_REDIRECT_URIS: 'https://tetrad.test/',
        DEV_IDP_AUDIENCE: 'https://api.tetrad.test',
        DEV_IDP_ACCESS_TOKEN_TTL_S: '600',
      }),
    ).toEqual({
      port: 4001,
      host: '0.0.0.0',
      issuer: 'https://id.tetrad.test',
      keysFile: '/tmp/keys.json',
      apiClientSecret: 'a-longer-secret',
      apiRedirectUris: ['http://localhost:3000/auth/callback', 'https://tetrad.test/auth/callback'],
      apiPostLogoutRedirectUris: ['https://tetrad.test/'],
      audience: 'https://api.tetrad.test',
      accessTokenTtlSeconds: 600,
    });
  });

  it.each([
    [{ DEV_IDP_PORT: 'abc' }, 'DEV_IDP_PORT must be an integer from 0 to 65535 (got "abc").'],
    [{ DEV_IDP_PORT: '70000' }, 'DEV_IDP_PORT must be an integer from 0 to 65535 (got "70000").'],
    [{ DEV_IDP_ISSUER: 'ftp://id' }, 'DEV_IDP_ISSUER must be an http(s) URL without query or fragment'],
    [{ DEV_IDP_ISSUER: 'http://id/?a=1' }, 'DEV_IDP_ISSUER must be an http(s) URL without query or fragment'],
    [
      { DEV_IDP_API_REDIRECT_URIS: 'http://ok/cb,nope' },
      'DEV_IDP_API_REDIRECT_URIS must be a comma-separated',
    ],
    [
      { DEV_IDP_API_POST_LOGOUT_REDIRECT_URIS: 'http://x/#f' },
      'DEV_IDP_API_POST_LOGOUT_REDIRECT_URIS must be',
    ],
    [{ DEV_IDP_AUDIENCE: 'not a uri' }, 'DEV_IDP_AUDIENCE must be an absolute URI without fragment'],
    [{ DEV_IDP_ACCESS_TOKEN_TTL_S: '5' }, 'DEV_IDP_ACCESS_TOKEN_TTL_S must be an integer from 60 to 86400'],
  ])('refuses %j in one line naming the variable', (env, message) => {
    const error = loadError(env);
    expect(error).toContain(`Invalid configuration: ${message}`);
    expect(error).not.toContain('\n');
  });

  it('never echoes the client secret', () => {
    expect(loadError({ DEV_IDP_API_CLIENT_SECRET: 'short' })).toBe(
      'Invalid configuration: DEV_IDP_API_CLIENT_SECRET must be at least 8 characters.',
    );
  });
});
