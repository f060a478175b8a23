import { Inject, Injectable } from '@nestjs/common';
import { errors, jwtVerify, type JWTPayload } from 'jose';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { UnauthenticatedError } from '../errors/domain-error';
import { ASYMMETRIC_ALGORITHMS } from './issuer-key-set';
import { OidcClientService, type VerifiedIdentity } from './oidc-client.service';
const CLOCK_TOLERANCE_SECONDS = 30;

/**
 * Verifies JWT access tokens (RFC 9068) from the configured issuer: signature against the
 * issuer's JWKS (see IssuerKeySet: a new key id is fetched on first sight, a withdrawn key is
 * refused once the cached set is refreshed), issuer, audience, expiry and token type.
 */
@Injectable()
export class AccessTokenVerifier {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly oidcClient: OidcClientService,
  ) {}

  async verify(token: string): Promise<VerifiedIdentity> {
    const settings = this.config.auth.oidc;
    if (!settings)
      throw new UnauthenticatedError('Bearer tokens are not accepted: no identity provider is configured.');
    let payload: JWTPayload;
    try {
      // Discovery inside the try: an unreachable issuer is a refusal to retry, not a server error.
      const keys = await this.oidcClient.signingKeys();
      ({ payload } = await jwtVerify(token, keys.getKey, {
        issuer: await this.oidcClient.issuer(),
        audience: settings.audience,
        algorithms: ASYMMETRIC_ALGORITHMS,
        typ: 'at+jwt',
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        requiredClaims: ['sub', 'exp'],
      }));
    } catch (error) {
      throw new UnauthenticatedError(`The bearer token was refused: ${reason(error)}`);
    }
    return {
      issuer: String(payload.iss),
      subject: String(payload.sub),
      email: typeof payload['email'] === 'string' ? payload['email'].toLowerCase() : undefined,
      emailVerified: payload['email_verified'] === true,
      name: undefined,
    };
  }
}

function reason(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'it has expired; get a new one.';
  if (error instanceof errors.JWTClaimValidationFailed) {
    return `its "${error.claim}" claim is not what Tetrad expects (${error.reason}).`;
  }
  if (error instanceof errors.JOSEAlgNotAllowed)
    return 'it is not signed with an asymmetric algorithm the issuer uses.';
  if (error instanceof errors.JWKSNoMatchingKey)
    return 'it is signed with a key the issuer does not publish (perhaps one it has withdrawn); sign in again for a new token.';
  if (error instanceof errors.JWKSInvalid)
    return 'the identity provider published an unusable key set; try again later.';
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'its signature is not valid.';
  if (error instanceof errors.JOSEError) return 'it is not a valid access token.';
  return 'it could not be checked against the identity provider; try again.';
}
