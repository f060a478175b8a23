import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditEntry } from './audit-entry.entity';
import { AuditTrail } from './audit-trail.service';
import { AuditResolver } from './audit.resolver';

/** Global: every domain service records its changes in the same trail. */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([AuditEntry])],
  providers: [AuditTrail, AuditResolver],
  exports: [AuditTrail],
})
export class AuditModule {}
