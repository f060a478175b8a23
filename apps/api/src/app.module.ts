import { Module, type DynamicModule } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import type { Logger } from 'pino';
import {
  AuditModule,
  AuthModule,
  AuthorizationModule,
  ConfigModule,
  DatabaseModule,
  EventsModule,
  HealthModule,
  UnitOfWorkModule,
  LoadersModule,
  LoggingModule,
  ResolverPolicyModule,
  type AppConfig,
} from '@tetrad/core';
import { migrations } from '@tetrad/migrations';
import { ConsortiumModule } from '@tetrad/consortium';
import { ContractModule } from '@tetrad/contract';
import { DatasetModule } from '@tetrad/dataset';
import { DemoDataModule } from '@tetrad/demo-data/seeder';
import { IdentityModule } from '@tetrad/identity';
import { MilestoneModule } from '@tetrad/milestone';
import { OrganizationModule } from '@tetrad/organization';
import { PortfolioModule } from '@tetrad/portfolio';
import { ScenarioModule } from '@tetrad/scenario';
import { TicketModule } from '@tetrad/ticket';
import { graphqlOptions } from './graphql.options';

/** The composition root: platform modules, then one module per domain. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig, logger: Logger): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule.forRoot(logger),
        DatabaseModule.forRoot(config, migrations),
        LoadersModule,
        AuthModule,
        AuthorizationModule,
        AuditModule,
        EventsModule,
        UnitOfWorkModule,
        GraphQLModule.forRootAsync(graphqlOptions(config)),
        HealthModule,
        OrganizationModule,
        IdentityModule,
        ConsortiumModule,
        ScenarioModule,
        TicketModule,
        DatasetModule,
        ContractModule,
        MilestoneModule,
        PortfolioModule,
        // Every GraphQL handler declares how it is authorized (checked at boot).
        ResolverPolicyModule,
        // Last: the demo seeder (SEED_DEMO_DATA) goes through the domains' public services.
        DemoDataModule,
      ],
    };
  }
}
