import { Inject, Injectable } from '@nestjs/common';
import { errors, jwtVerify } from 'jose';
import * as oidc from 'openid-client';
import { APP_CONFIG, type AppConfig, type OidcConfig } from '../config/app-config';
import { UnauthenticatedError } from '../errors/domain-error';
import { ASYMMETRIC_ALGORITHMS, IssuerKeySet } from './issuer-key-set';

export interface AuthorizationRequest {
  url: URL;
  state: string;
  nonce: string;
  codeVerifier: string;
}

export interface VerifiedIdentity {
  issuer: string;
  subject: string;
  email: string | undefined;
  emailVerified: boolean;
  name: string | undefined;
}

export class SignInUnavailableError extends UnauthenticatedError {
  constructor() {
    super(
      'Sign-in is not configured on this Tetrad: set OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET.',
    );
  }
}

/**
 * Tetrad as an OpenID Connect client (backend-for-frontend): authorization code + PKCE,
 * with state and nonce checked by openid-client. The issuer is discovered lazily and cached,
 * so Tetrad can boot before its identity provider does.
 */
@Injectable()
export class OidcClientService {
  private configuration: Promise<oidc.Configuration> | undefined;
  private keys: IssuerKeySet | undefined;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  get enabled(): boolean {
    return this.config.auth.oidc !== undefined;
  }

  get redirectUri(): string {
    return `${this.config.publicUrl}/auth/callback`;
  }

  async authorizationRequest(): Promise<AuthorizationRequest> {
    const { configuration, settings } = await this.discover();
    const codeVerifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    const url = oidc.buildAuthorizationUrl(configuration, {
      redirect_uri: this.redirectUri,
      scope: settings.scopes,
      response_type: 'code',
      code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
      resource: settings.audience,
    });
    return { url, state, nonce, codeVerifier };
  }

  /**
   * Exchanges the code; openid-client checks state, nonce, PKCE, issuer and audience, and the ID
   * token's signature is checked here against the issuer's keys (openid-client would skip it, and
   * its own key cache picks up a rotated key only after a minute).
   */
  async completeSignIn(
    callbackUrl: URL,
    checks: { state: string; nonce: string; codeVerifier: string },
  ): Promise<{ identity: VerifiedIdentity; idToken: string | undefined }> {
    const { configuration, settings } = await this.discover();
    let tokens: Awaited<ReturnType<typeof oidc.authorizationCodeGrant>>;
    try {
      tokens = await oidc.authorizationCodeGrant(
        configuration,
        callbackUrl,
        {
          expectedState: checks.state,
          expectedNonce: checks.nonce,
          pkceCodeVerifier: checks.codeVerifier,
          idTokenExpected: true,
        },
        { resource: settings.audience },
      );
    } catch (error) {
      // Wrong nonce, PKCE verifier, code or signature: the sign-in cannot be trusted.
      throw new UnauthenticatedError(
        `The identity provider's answer could not be verified (${describe(error)}). Start the sign-in again at /auth/login.`,
      );
    }
    const claims = tokens.claims();
    if (!claims || !tokens.id_token)
      throw new UnauthenticatedError('The identity provider returned no ID token.');
    await this.verifyIdTokenSignature(tokens.id_token, settings);
    return {
      identity: {
        issuer: claims.iss,
        subject: claims.sub,
        email: typeof claims['email'] === 'string' ? claims['email'].toLowerCase() : undefined,
        emailVerified: claims['email_verified'] === true,
        name: typeof claims['name'] === 'string' ? claims['name'] : undefined,
      },
      idToken: tokens.id_token,
    };
  }

  async endSessionUrl(idToken: string | undefined, postLogoutRedirectUri: string): Promise<URL | undefined> {
    const { configuration } = await this.discover();
    if (!configuration.serverMetadata().end_session_endpoint) return undefined;
    return oidc.buildEndSessionUrl(configuration, {
      post_logout_redirect_uri: postLogoutRedirectUri,
      ...(idToken ? { id_token_hint: idToken } : {}),
    });
  }

  /** The issuer's signing keys, one cache for bearer tokens and ID tokens. */
  async signingKeys(): Promise<IssuerKeySet> {
    const { configuration } = await this.discover();
    const uri = configuration.serverMetadata().jwks_uri;
    if (!uri) throw new UnauthenticatedError('The identity provider publishes no signing keys (jwks_uri).');
    this.keys ??= new IssuerKeySet(new URL(uri));
    return this.keys;
  }

  async issuer(): Promise<string> {
    const { configuration } = await this.discover();
    return configuration.serverMetadata().issuer;
  }

  private async verifyIdTokenSignature(idToken: string, settings: OidcConfig): Promise<void> {
    try {
      await jwtVerify(idToken, (await this.signingKeys()).getKey, {
        issuer: await this.issuer(),
        audience: settings.clientId,
        algorithms: ASYMMETRIC_ALGORITHMS,
        clockTolerance: 30,
      });
    } catch (error) {
      throw new UnauthenticatedError(
        `The identity provider's ID token could not be verified (${signatureProblem(error)}). Start the sign-in again at /auth/login.`,
      );
    }
  }

  private async discover(): Promise<{ configuration: oidc.Configuration; settings: OidcConfig }> {
    const settings = this.config.auth.oidc;
    if (!settings) throw new SignInUnavailableError();
    this.configuration ??= oidc
      .discovery(
        new URL(settings.issuer),
        settings.clientId,
        undefined,
        oidc.ClientSecretBasic(settings.clientSecret),
        settings.allowInsecure ? { execute: [oidc.allowInsecureRequests] } : undefined,
      )
      .catch((error: unknown) => {
        this.configuration = undefined;
        throw error;
      });
    return { configuration: await this.configuration, settings };
  }
}

function signatureProblem(error: unknown): string {
  if (error instanceof errors.JWKSNoMatchingKey) return 'it is signed with a key the issuer does not publish';
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'its signature is not valid';
  if (error instanceof errors.JOSEError) return error.message;
  return "the issuer's signing keys could not be fetched";
}

function describe(error: unknown): string {
  const { error: code, message } = error as { error?: unknown; message?: unknown };
  if (typeof code === 'string') return code;
  return typeof message === 'string' ? message.slice(0, 120) : 'unknown error';
}
