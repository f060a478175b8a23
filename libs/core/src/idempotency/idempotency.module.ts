import { Global, Module } from '@nestjs/common';
import { UnitOfWork } from '../unit-of-work/unit-of-work';
import { IdempotencyService } from './idempotency.service';

/** Global: every domain's mutations run through the unit of work, which marks idempotent requests. */
@Global()
@Module({ providers: [IdempotencyService, UnitOfWork], exports: [IdempotencyService, UnitOfWork] })
export class UnitOfWorkModule {}
