import type { JsonWebKey } from 'node:crypto';
import { errors, type Adapter, type Configuration, type ProviderContext } from 'oidc-provider';
import { findPersonByAccountId, toAccount } from './accounts';
import { devIdpClients, type ClientSettings } from './clients';
import { createMemoryAdapterFactory } from './memory-adapter';
import { errorPage, logoutPage, messagePage } from './pages';

export interface OidcSettings extends ClientSettings {
  audience: string;
  accessTokenTtlSeconds: number;
  jwks: JsonWebKey[];
  cookieSecrets: string[];
  /** Storage shared by the providers built on key reloads; a new one when left out. */
  adapter?: (model: string) => Adapter;
}

const SCOPE = 'openid email profile';

/**
 * The provider's configuration. Development only: the issuer and redirect URIs may be plain
 * http on localhost, and cookies are then sent without the Secure flag.
 */
export function oidcConfiguration(settings: OidcSettings): Configuration {
  return {
    adapter: settings.adapter ?? createMemoryAdapterFactory(),
    clients: devIdpClients(settings),
    // Our own keys (persisted), so no development-keys warning and tokens survive restarts.
    jwks: { keys: settings.jwks },
    cookies: { keys: settings.cookieSecrets },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    scopes: SCOPE.split(' '),
    responseTypes: ['code'],
    clockTolerance: 5,
    conformIdTokenClaims: false,
    // PKCE for every client, confidential ones included; oidc-provider 9 supports only S256.
    pkce: { required: () => true },
    ttl: {
      AccessToken: (_ctx, token) => token.resourceServer?.accessTokenTTL ?? settings.accessTokenTtlSeconds,
      AuthorizationCode: 60,
      IdToken: 3600,
      Interaction: 10 * 60,
      Session: 24 * 3600,
      Grant: 24 * 3600,
    },
    ...accountCallbacks(),
    clientBasedCORS: (_ctx, origin, client) =>
      client.redirectUris.some((uri) => new URL(uri).origin === origin),
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    renderError: (ctx, out) => renderHtml(ctx, errorPage(out)),
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: (ctx, form) => renderHtml(ctx, logoutPage(form)),
        postLogoutSuccessSource: (ctx) => renderHtml(ctx, messagePage('Signed out', 'You are signed out.')),
      },
      resourceIndicators: resourceIndicators(settings),
    },
  };
}

/** Demo people are the accounts. */
function accountCallbacks(): Pick<Configuration, 'findAccount' | 'extraTokenClaims'> {
  return {
    findAccount: (_ctx, sub) => {
      const person = findPersonByAccountId(sub);
      return Promise.resolve(person ? toAccount(person) : undefined);
    },
    // Tetrad identifies the person from a bearer token alone, so the email travels in it.
    extraTokenClaims: (_ctx, token) => {
      const person = token.accountId ? findPersonByAccountId(token.accountId) : undefined;
      return Promise.resolve(
        person ? { email: person.email, email_verified: person.emailVerified } : undefined,
      );
    },
  };
}

/** Access tokens are RFC 9068 JWTs for Tetrad's API, the one resource server here. */
function resourceIndicators(settings: OidcSettings): Configuration['features']['resourceIndicators'] {
  const { audience, accessTokenTtlSeconds } = settings;
  return {
    enabled: true,
    defaultResource: () => Promise.resolve(audience),
    useGrantedResource: () => Promise.resolve(true),
    getResourceServerInfo: (_ctx, resourceIndicator) => {
      if (resourceIndicator !== audience) {
        return Promise.reject(new errors.InvalidTarget(`unknown resource; this provider serves ${audience}`));
      }
      return Promise.resolve({
        scope: SCOPE,
        audience,
        accessTokenFormat: 'jwt',
        accessTokenTTL: accessTokenTtlSeconds,
        jwt: { sign: { alg: 'RS256' } },
      });
    },
  };
}

function renderHtml(ctx: ProviderContext, html: string): Promise<void> {
  ctx.type = 'html';
  ctx.body = html;
  return Promise.resolve();
}
