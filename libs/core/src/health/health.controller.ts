import { Controller, Get } from '@nestjs/common';
import {
  HealthCheck,
  HealthCheckService,
  HealthIndicatorService,
  type HealthCheckResult,
} from '@nestjs/terminus';
import { Public } from '../auth/public.decorator';
import { DatabaseHealth } from '../database/database-health';

/** Liveness: the process answers. Readiness: it can serve (database reachable, schema migrated). */
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly database: DatabaseHealth,
  ) {}

  @Get('live')
  @HealthCheck()
  live(): Promise<HealthCheckResult> {
    return this.health.check([]);
  }

  @Get('ready')
  @HealthCheck()
  ready(): Promise<HealthCheckResult> {
    return this.health.check([
      async () => {
        const indicator = this.indicators.check('database');
        const readiness = await this.database.readiness();
        return readiness.reachable && readiness.migrationsApplied
          ? indicator.up({ ...readiness })
          : indicator.down({ ...readiness });
      },
    ]);
  }
}
