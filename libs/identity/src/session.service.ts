import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  APP_CONFIG,
  AuditTrail,
  OidcClientService,
  randomSecret,
  sha256Hex,
  type AppConfig,
  type Caller,
} from '@tetrad/core';
import { SessionEndedError, SignInExpiredError } from './identity.errors';
import { ProvisioningService } from './provisioning.service';
import { LoginAttempt, Session } from './session.entity';
import { User } from './user.entity';

const LOGIN_TTL_MS = 10 * 60 * 1000;

export interface StartedLogin {
  authorizationUrl: URL;
  state: string;
}

export interface FinishedLogin {
  sessionSecret: string;
  returnTo: string;
  user: User;
}

/** Server-side sessions in PostgreSQL, so that every API instance shares them. */
@Injectable()
export class SessionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly oidcClient: OidcClientService,
    private readonly provisioning: ProvisioningService,
    private readonly audit: AuditTrail,
  ) {}

  get sessionTtlSeconds(): number {
    return this.config.auth.sessionTtlMinutes * 60;
  }

  async startLogin(returnTo: string): Promise<StartedLogin> {
    const request = await this.oidcClient.authorizationRequest();
    await this.dataSource.getRepository(LoginAttempt).insert({
      stateHash: sha256Hex(request.state),
      nonce: request.nonce,
      codeVerifier: request.codeVerifier,
      returnTo,
      expiresAt: new Date(Date.now() + LOGIN_TTL_MS),
    });
    return { authorizationUrl: request.url, state: request.state };
  }

  /**
   * The callback: the state must be the one this browser started with (cookie), and the login
   * attempt is consumed in the same statement, so a replayed callback finds nothing.
   */
  async finishLogin(callbackUrl: URL, browserState: string | undefined): Promise<FinishedLogin> {
    const state = callbackUrl.searchParams.get('state');
    if (!state || !browserState || state !== browserState) throw new SignInExpiredError();
    const rows = await this.dataSource.query<[LoginRow[], number]>(
      `DELETE FROM login_attempt WHERE state_hash = $1 AND expires_at > now()
       RETURNING nonce, code_verifier AS "codeVerifier", return_to AS "returnTo"`,
      [sha256Hex(state)],
    );
    const attempt = rows[0]?.[0];
    if (!attempt) throw new SignInExpiredError();
    const { identity, idToken } = await this.oidcClient.completeSignIn(callbackUrl, {
      state,
      nonce: attempt.nonce,
      codeVerifier: attempt.codeVerifier,
    });
    const user = await this.provisioning.userFor(identity);
    const sessionSecret = randomSecret();
    await this.dataSource.getRepository(Session).insert({
      idHash: sha256Hex(sessionSecret),
      userId: user.id,
      idToken: idToken ?? null,
      expiresAt: new Date(Date.now() + this.sessionTtlSeconds * 1000),
    });
    return { sessionSecret, returnTo: attempt.returnTo, user };
  }

  /** The session's user, or SessionEndedError when it expired or was revoked. */
  async userFor(sessionSecret: string): Promise<User> {
    const user = await this.dataSource
      .getRepository(User)
      .createQueryBuilder('user')
      .innerJoin(Session, 'session', 'session.user_id = user.id')
      .where('session.id_hash = :hash', { hash: sha256Hex(sessionSecret) })
      .andWhere('session.revoked_at IS NULL')
      .andWhere('session.expires_at > now()')
      .getOne();
    if (!user) throw new SessionEndedError();
    return user;
  }

  /** Ends a session; returns its ID token so the issuer's session can end too. */
  async revoke(sessionSecret: string): Promise<string | undefined> {
    const rows = await this.dataSource.query<[{ id_token: string | null }[], number]>(
      `UPDATE session SET revoked_at = now() WHERE id_hash = $1 AND revoked_at IS NULL RETURNING id_token`,
      [sha256Hex(sessionSecret)],
    );
    return rows[0]?.[0]?.id_token ?? undefined;
  }

  endSessionUrl(idToken: string | undefined, postLogoutRedirectUri: string): Promise<URL | undefined> {
    return this.oidcClient.endSessionUrl(idToken, postLogoutRedirectUri).catch(() => undefined);
  }

  revokeAllOf(caller: Caller): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const result = await manager
        .createQueryBuilder()
        .update(Session)
        .set({ revokedAt: () => 'now()' })
        .where('user_id = :userId AND revoked_at IS NULL', { userId: caller.userId })
        .execute();
      await this.audit.record(manager, caller, {
        action: 'session.revoke-all',
        subjectType: 'User',
        subjectId: caller.userId,
        after: { revokedSessions: result.affected ?? 0 },
      });
      return result.affected ?? 0;
    });
  }
}

interface LoginRow {
  nonce: string;
  codeVerifier: string;
  returnTo: string;
}
