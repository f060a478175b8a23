import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyRequest } from 'fastify';
import { DataSource } from 'typeorm';
import {
  AccessTokenVerifier,
  APP_CONFIG,
  bearerToken,
  CSRF_HEADER,
  ForbiddenError,
  readCookie,
  SESSION_COOKIE,
  type AppConfig,
  type Caller,
  type CallerResolver,
  type CredentialKind,
} from '@tetrad/core';
import { API_TOKEN_PREFIX, ApiTokenService } from './api-token.service';
import { DeactivatedUserError } from './identity.errors';
import { ProvisioningService } from './provisioning.service';
import { SessionService } from './session.service';
import { User, UserStatus } from './user.entity';

/** Turns a request's credentials (API token, bearer JWT or session cookie) into a caller. */
@Injectable()
export class CallerService implements CallerResolver {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly verifier: AccessTokenVerifier,
    private readonly provisioning: ProvisioningService,
    private readonly sessions: SessionService,
    private readonly apiTokens: ApiTokenService,
  ) {}

  async resolve(request: FastifyRequest): Promise<Caller | null> {
    const bearer = bearerToken(request);
    if (bearer?.startsWith(API_TOKEN_PREFIX))
      return toCaller(await this.apiTokens.userFor(bearer), 'api-token');
    if (bearer) return toCaller(await this.bearerUser(bearer), 'bearer');
    const session = readCookie(request, SESSION_COOKIE);
    if (!session) return null;
    this.assertNotCrossSite(request);
    return toCaller(await this.sessions.userFor(session), 'session');
  }

  private async bearerUser(token: string): Promise<User> {
    const identity = await this.verifier.verify(token);
    const known = await this.dataSource
      .getRepository(User)
      .findOneBy({ oidcIssuer: identity.issuer, oidcSubject: identity.subject });
    return known ?? this.provisioning.userFor(identity);
  }

  /**
   * Cookies ride along on cross-site requests; a custom header cannot be sent cross-site
   * without a CORS preflight (which Tetrad never grants), and a foreign Origin is refused.
   */
  private assertNotCrossSite(request: FastifyRequest): void {
    if (request.method === 'GET' || request.method === 'HEAD') return;
    const origin = request.headers.origin;
    if (origin && origin !== new URL(this.config.publicUrl).origin) {
      throw new ForbiddenError(`Requests from ${origin} may not use a Tetrad session.`);
    }
    if (!request.headers[CSRF_HEADER]) {
      throw new ForbiddenError(
        `Requests authenticated by the session cookie must send the "${CSRF_HEADER}: 1" header (CSRF protection).`,
      );
    }
  }
}

function toCaller(user: User, via: CredentialKind): Caller {
  if (user.status !== UserStatus.ACTIVE) throw new DeactivatedUserError();
  return {
    userId: user.id,
    email: user.email,
    organizationId: user.organizationId,
    roles: user.roles,
    platformAdmin: user.platformAdmin,
    via,
  };
}
