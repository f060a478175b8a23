import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import {
  Args,
  GraphQLSchemaHost,
  Mutation,
  Parent,
  Query,
  ResolveField,
  Resolver,
  Subscription,
} from '@nestjs/graphql';
import { Test, type TestingModule } from '@nestjs/testing';
import {
  Authorized,
  ConfigModule,
  findUnguardedResolvers,
  MISSING_POLICY,
  Public,
  resolverHandlers,
  ResolverPolicyModule,
  type AppConfig,
} from '@tetrad/core';
import { startTestApp, type TestApp } from '../../support/test-app';

// The samples resolve a type by name and return scalars, so that nothing of them enters the app's schema.

/** A resolver as someone might write it: every handler forgets to say how it is authorized. */
@Resolver('SampleNote')
class UnguardedSampleResolver {
  @Query(() => String)
  sampleNote(@Args('id') id: string): string {
    return id;
  }

  @Mutation(() => String)
  saveSampleNote(@Args('text') text: string): string {
    return text;
  }

  @ResolveField(() => String)
  sampleSecret(@Parent() note: { secret: string }): string {
    return note.secret;
  }

  @Subscription(() => String)
  sampleNoteSaved(): AsyncIterator<string> {
    return [][Symbol.iterator]() as unknown as AsyncIterator<string>;
  }
}

/** Declared, but the declarations cannot hold. */
@Resolver('SampleNote')
class MisdeclaredSampleResolver {
  @Authorized({ by: 'public' })
  @Query(() => String)
  claimsPublic(): string {
    return '';
  }

  @Public()
  @Authorized({ by: 'self' })
  @Query(() => String)
  publicButSelf(): string {
    return '';
  }

  @Authorized({ by: 'parent' })
  @Mutation(() => String)
  rootWithParent(): string {
    return '';
  }

  @Authorized({ by: 'filter', subject: 'Ticket' })
  @Subscription(() => String)
  filterWithoutFilter(): AsyncIterator<string> {
    return [][Symbol.iterator]() as unknown as AsyncIterator<string>;
  }
}

/** Every kind declared as it should be: none of these is reported. */
@Resolver('SampleNote')
class GuardedSampleResolver {
  @Authorized({ by: 'ability', subject: 'Ticket', action: 'read' })
  @Query(() => String)
  guardedNote(): string {
    return '';
  }

  @Public()
  @Authorized({ by: 'public' })
  @Query(() => String)
  publicNote(): string {
    return '';
  }

  @Authorized({ by: 'self' })
  @Mutation(() => String)
  saveMyNote(): string {
    return '';
  }

  @Authorized({ by: 'parent' })
  @ResolveField(() => String)
  title(@Parent() note: { title: string }): string {
    return note.title;
  }

  @Authorized({ by: 'filter', subject: 'Ticket' })
  @Subscription(() => String, { filter: () => true })
  noteSaved(): AsyncIterator<string> {
    return [][Symbol.iterator]() as unknown as AsyncIterator<string>;
  }
}

describe('every GraphQL handler declares how it is authorized', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ SEED_DEMO_DATA: 'false' });
  });

  afterAll(async () => {
    await t.close();
  });

  it('finds no handler of the application without a valid policy', () => {
    expect(findUnguardedResolvers(t.app.get(DiscoveryService), t.app.get(MetadataScanner))).toEqual([]);
  });

  it("sees every root field of the application's schema, and its field resolvers", () => {
    const handlers = resolverHandlers(t.app.get(DiscoveryService), t.app.get(MetadataScanner));
    const { schema } = t.app.get(GraphQLSchemaHost);
    const roots = [
      ['query', schema.getQueryType()],
      ['mutation', schema.getMutationType()],
      ['subscription', schema.getSubscriptionType()],
    ] as const;
    const inSchema = roots.flatMap(([kind, type]) =>
      Object.keys(type?.getFields() ?? {}).map((field) => `${kind} ${field}`),
    );
    const seen = handlers.filter((h) => h.kind !== 'field').map((h) => `${h.kind} ${h.field}`);
    expect(seen.sort()).toEqual(inSchema.sort());
    expect(handlers.filter((h) => h.kind === 'field').length).toBeGreaterThan(50);
  });
});

/** Only what the boot check reads: outside production it refuses to start. */
const DEVELOPMENT = { isProduction: false } as AppConfig;

describe('the policy check, fed a module with unguarded and misdeclared resolvers', () => {
  let sample: TestingModule;

  beforeAll(async () => {
    sample = await Test.createTestingModule({
      imports: [ConfigModule.forRoot(DEVELOPMENT), ResolverPolicyModule],
      providers: [UnguardedSampleResolver, MisdeclaredSampleResolver, GuardedSampleResolver],
    }).compile();
  });

  afterAll(async () => {
    await sample.close();
  });

  it('reports exactly the handlers without a policy or with one that cannot hold', () => {
    const problems = findUnguardedResolvers(sample.get(DiscoveryService), sample.get(MetadataScanner));
    expect(problems).toEqual([
      {
        kind: 'query',
        handler: 'MisdeclaredSampleResolver.claimsPublic',
        problem: '{ by: "public" } without @Public(): signed-out callers are refused',
      },
      {
        kind: 'subscription',
        handler: 'MisdeclaredSampleResolver.filterWithoutFilter',
        problem: '{ by: "filter" } where no subscription filter runs',
      },
      {
        kind: 'query',
        handler: 'MisdeclaredSampleResolver.publicButSelf',
        problem: '@Public() handler without { by: "public" }',
      },
      {
        kind: 'mutation',
        handler: 'MisdeclaredSampleResolver.rootWithParent',
        problem: '{ by: "parent" } on a root field, which has no parent',
      },
      { kind: 'query', handler: 'UnguardedSampleResolver.sampleNote', problem: MISSING_POLICY },
      { kind: 'subscription', handler: 'UnguardedSampleResolver.sampleNoteSaved', problem: MISSING_POLICY },
      { kind: 'field', handler: 'UnguardedSampleResolver.sampleSecret', problem: MISSING_POLICY },
      { kind: 'mutation', handler: 'UnguardedSampleResolver.saveSampleNote', problem: MISSING_POLICY },
    ]);
  });

  it('refuses to start outside production', async () => {
    await expect(sample.init()).rejects.toThrow(
      /without a valid @Authorized policy: .*query UnguardedSampleResolver\.sampleNote \(no @Authorized policy\)/,
    );
  });
});
