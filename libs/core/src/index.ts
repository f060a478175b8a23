export * from './config/app-config';
export * from './config/config.module';
export * from './database/database.module';
export * from './database/database-health';
export * from './database/tetrad-data-source';
export * from './database/wait-for-database';
export * from './database/sql-statement-counter';
export * from './errors/domain-error';
export * from './errors/classify-error';
export * from './errors/postgres-errors';
export * from './errors/validation';
export * from './graphql/error-formatter';
export * from './graphql/query-cost';
export * from './graphql/scalars';
export * from './health/health.module';
export * from './loaders/request-loaders';
export * from './loaders/caller-loaders';
export * from './logging/logging.module';
export * from './logging/request-id';
export * from './pagination/connection.type';
export * from './pagination/keyset';
export * from './pagination/page-args';
export * from './loaders/loaders.module';
export * from './logging/root-logger';
export * from './logging/request-logging';
export * from './auth/access-token-verifier';
export * from './auth/auth.module';
export * from './auth/authentication.guard';
export * from './auth/caller';
export * from './auth/caller-resolver';
export * from './auth/cookies';
export * from './auth/current-caller.decorator';
export * from './auth/oidc-client.service';
export * from './auth/public.decorator';
export * from './auth/token-hash';
export * from './errors/http-error.filter';
export * from './authorization/ability';
export * from './authorization/authorization.module';
export * from './authorization/authorization.service';
export * from './authorization/sql-filter';
export * from './authorization/platform.rules';
export * from './authorization/authorized-record';
export * from './audit/audit-chain';
export * from './audit/audit-entry.entity';
export * from './audit/audit-hash';
export * from './audit/audit-signing';
export * from './audit/audit-trail.service';
export * from './audit/audit-change';
export * from './audit/audit.module';
export {
  AuditResolver,
  AuditEntryConnection,
  AuditEntriesArgs,
  keptCheckpoints,
  MAX_KEPT_CHECKPOINTS,
} from './audit/audit.resolver';
export * from './events/event-bus';
export * from './events/events.module';
export * from './database/like-pattern';
