import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  AuditTrail,
  NotFoundError,
  paginate,
  randomSecret,
  sha256Hex,
  UnauthenticatedError,
  type Caller,
  type ConnectionShape,
  type PageArgs,
  UnitOfWork,
} from '@tetrad/core';
import { ApiToken } from './api-token.entity';
import { User } from './user.entity';

export const API_TOKEN_PREFIX = 'tetrad_pat_';

/** Personal API tokens: the secret is shown once; its rights are always its owner's current ones. */
@Injectable()
export class ApiTokenService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditTrail,
    private readonly work: UnitOfWork,
  ) {}

  async create(
    caller: Caller,
    name: string,
    expiresInDays: number,
  ): Promise<{ token: string; apiToken: ApiToken }> {
    const token = `${API_TOKEN_PREFIX}${randomSecret(30)}`;
    const apiToken = await this.work.run(caller, async ({ manager }) => {
      const saved = await manager.save(
        manager.create(ApiToken, {
          userId: caller.userId,
          name,
          tokenHash: sha256Hex(token),
          displayPrefix: token.slice(0, API_TOKEN_PREFIX.length + 4),
          expiresAt: new Date(Date.now() + expiresInDays * 24 * 3600 * 1000),
        }),
      );
      // The secret never enters the trail: only the token's id, name and expiry.
      await this.audit.record(manager, caller, {
        action: 'api-token.create',
        subjectType: 'ApiToken',
        subjectId: saved.id,
        after: { name: saved.name, expiresAt: saved.expiresAt, displayPrefix: saved.displayPrefix },
      });
      return saved;
    });
    return { token, apiToken };
  }

  list(caller: Caller, page: PageArgs): Promise<ConnectionShape<ApiToken>> {
    const query = this.dataSource
      .getRepository(ApiToken)
      .createQueryBuilder('token')
      .where('token.user_id = :userId', { userId: caller.userId });
    return paginate(query, page, {
      name: 'CREATED_AT_DESC',
      column: 'token.created_at',
      direction: 'DESC',
      valueOf: (token) => token.createdAt.toISOString(),
    });
  }

  /** Only the owner's own tokens can be revoked; another's answers NOT_FOUND. */
  async revoke(caller: Caller, id: string): Promise<ApiToken> {
    return this.work.run(caller, async ({ manager }) => {
      const token = await manager.findOneBy(ApiToken, { id, userId: caller.userId });
      if (!token) throw new NotFoundError('API token', id);
      token.revokedAt ??= new Date();
      const saved = await manager.save(token);
      await this.audit.record(manager, caller, {
        action: 'api-token.revoke',
        subjectType: 'ApiToken',
        subjectId: id,
        after: { name: saved.name, revokedAt: saved.revokedAt },
      });
      return saved;
    });
  }

  /** The owner of a live token, read fresh: a revoked or expired token stops working at once. */
  async userFor(token: string): Promise<User> {
    const hash = sha256Hex(token);
    const { entities, raw } = await this.dataSource
      .getRepository(User)
      .createQueryBuilder('user')
      .innerJoin(ApiToken, 'token', 'token.user_id = user.id')
      .addSelect("token.last_used_at < now() - interval '1 minute' OR token.last_used_at IS NULL", 'stale')
      .where('token.token_hash = :hash', { hash })
      .andWhere('token.revoked_at IS NULL')
      .andWhere('token.expires_at > now()')
      .getRawAndEntities<{ stale: boolean }>();
    const user = entities[0];
    if (!user)
      throw new UnauthenticatedError('This API token is unknown, revoked or expired. Create a new one.');
    // "Last used" to the minute: a script calling many times a second writes it once a minute.
    if (raw[0]?.stale) {
      await this.dataSource.query(
        `UPDATE api_token SET last_used_at = now()
         WHERE token_hash = $1 AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')`,
        [hash],
      );
    }
    return user;
  }
}
