import { Global, Logger, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { AuditEntry } from './audit-entry.entity';
import { AuditKeyring, loadAuditKeyring } from './audit-signing';
import { AuditTrail } from './audit-trail.service';
import { AuditResolver } from './audit.resolver';

/** Global: every domain service records its changes in the same trail. */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([AuditEntry])],
  providers: [
    {
      provide: AuditKeyring,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) =>
        loadAuditKeyring(config.audit, (file) =>
          new Logger('AuditKeyring').warn(
            `No AUDIT_SIGNING_KEY_FILE is configured: generated an audit signing key in ${file} (development and test only)`,
          ),
        ),
    },
    AuditTrail,
    AuditResolver,
  ],
  exports: [AuditTrail, AuditKeyring],
})
export class AuditModule {}
