/**
 * oidc-provider 9 ships no type declarations; this covers the part of its API the bundled
 * development provider uses, so the rest of the app stays type-checked.
 */
declare module 'oidc-provider' {
  import type { JsonWebKey } from 'node:crypto';
  import type { IncomingMessage, ServerResponse } from 'node:http';

  export type UnknownObject = Record<string, unknown>;

  export interface OidcClient {
    clientId: string;
    clientName?: string;
    redirectUris: string[];
  }

  /** The slice of the Koa context (with `ctx.oidc`) the configuration callbacks touch. */
  export interface ProviderContext {
    host: string;
    status: number;
    type: string;
    body: unknown;
    oidc: { client?: OidcClient; route: string };
  }

  export interface Account {
    accountId: string;
    claims(use: string, scope: string): Promise<UnknownObject> | UnknownObject;
  }

  export interface TokenLike {
    accountId?: string;
    clientId?: string;
    resourceServer?: { accessTokenTTL?: number };
  }

  export interface ResourceServer {
    scope: string;
    audience: string;
    accessTokenFormat: 'opaque' | 'jwt';
    accessTokenTTL: number;
    jwt?: { sign?: { alg: string; kid?: string } };
  }

  export interface ClientMetadata {
    client_id: string;
    client_secret?: string;
    client_name?: string;
    application_type?: 'web' | 'native';
    token_endpoint_auth_method: 'client_secret_basic' | 'client_secret_post' | 'none';
    grant_types: string[];
    response_types: string[];
    redirect_uris: string[];
    post_logout_redirect_uris?: string[];
  }

  export interface Adapter {
    upsert(id: string, payload: UnknownObject, expiresIn?: number): Promise<void>;
    find(id: string): Promise<UnknownObject | undefined>;
    findByUserCode(userCode: string): Promise<UnknownObject | undefined>;
    findByUid(uid: string): Promise<UnknownObject | undefined>;
    consume(id: string): Promise<void>;
    destroy(id: string): Promise<void>;
    revokeByGrantId(grantId: string): Promise<void>;
  }

  type Ttl<T> = number | ((ctx: ProviderContext, token: T, client: OidcClient) => number);

  export interface Configuration {
    adapter?: (model: string) => Adapter;
    clients: ClientMetadata[];
    jwks: { keys: JsonWebKey[] };
    cookies: { keys: string[]; long?: UnknownObject; short?: UnknownObject };
    claims: Record<string, string[]>;
    scopes: string[];
    responseTypes: string[];
    clockTolerance: number;
    conformIdTokenClaims: boolean;
    pkce: { required: (ctx: ProviderContext, client: OidcClient) => boolean };
    ttl: Record<string, Ttl<TokenLike>>;
    findAccount(ctx: ProviderContext, sub: string): Promise<Account | undefined>;
    extraTokenClaims(ctx: ProviderContext, token: TokenLike): Promise<UnknownObject | undefined>;
    clientBasedCORS(ctx: ProviderContext, origin: string, client: OidcClient): boolean;
    interactions: { url(ctx: ProviderContext, interaction: { uid: string }): string | Promise<string> };
    renderError(ctx: ProviderContext, out: Record<string, string>, error: Error): Promise<void>;
    features: {
      devInteractions: { enabled: boolean };
      rpInitiatedLogout: {
        enabled: boolean;
        logoutSource(ctx: ProviderContext, form: string): Promise<void>;
        postLogoutSuccessSource(ctx: ProviderContext): Promise<void>;
      };
      resourceIndicators: {
        enabled: boolean;
        defaultResource(
          ctx: ProviderContext,
          client: OidcClient,
          oneOf?: string[],
        ): Promise<string | string[]>;
        useGrantedResource(ctx: ProviderContext, model: unknown): Promise<boolean>;
        getResourceServerInfo(
          ctx: ProviderContext,
          resourceIndicator: string,
          client: OidcClient,
        ): Promise<ResourceServer>;
      };
    };
  }

  export interface InteractionDetails {
    uid: string;
    returnTo: string;
    prompt: {
      name: string;
      reasons: string[];
      details: {
        missingOIDCScope?: string[];
        missingOIDCClaims?: string[];
        missingResourceScopes?: Record<string, string[]>;
      };
    };
    params: UnknownObject & { client_id?: string };
    session?: { accountId: string; uid: string };
    grantId?: string;
  }

  export type InteractionResults =
    | { login: { accountId: string } }
    | { consent: { grantId: string } }
    | { error: string; error_description?: string };

  export interface Grant {
    addOIDCScope(scope: string): void;
    addOIDCClaims(claims: string[]): void;
    addResourceScope(resource: string, scope: string): void;
    save(): Promise<string>;
  }

  export interface GrantModel {
    new (properties: { accountId: string; clientId: string }): Grant;
    find(id: string): Promise<Grant | undefined>;
  }

  export class Provider {
    constructor(issuer: string, configuration: Configuration);
    readonly issuer: string;
    readonly Grant: GrantModel;
    callback(): (req: IncomingMessage, res: ServerResponse) => Promise<void>;
    interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<InteractionDetails>;
    interactionFinished(
      req: IncomingMessage,
      res: ServerResponse,
      result: InteractionResults,
      options?: { mergeWithLastSubmission?: boolean },
    ): Promise<void>;
    on(event: 'server_error', listener: (ctx: ProviderContext, error: Error) => void): this;
  }

  export const errors: {
    InvalidTarget: new (description?: string) => Error;
    SessionNotFound: new (description?: string) => Error;
  };
}
