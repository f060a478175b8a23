import { Global, Module } from '@nestjs/common';
import { LoaderRegistry } from './request-loaders';

@Global()
@Module({ providers: [LoaderRegistry], exports: [LoaderRegistry] })
export class LoadersModule {}
