import { Inject, Injectable, Logger, Module, type OnApplicationBootstrap, type Type } from '@nestjs/common';
import { DiscoveryModule, DiscoveryService, MetadataScanner } from '@nestjs/core';
import {
  RESOLVER_NAME_METADATA,
  RESOLVER_PROPERTY_METADATA,
  RESOLVER_TYPE_METADATA,
  SUBSCRIPTION_OPTIONS_METADATA,
} from '@nestjs/graphql';
import { IS_PUBLIC } from '../auth/public.decorator';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { RESOLVER_POLICY, type ResolverPolicy } from './resolver-policy';

export type ResolverKind = 'query' | 'mutation' | 'subscription' | 'field';

/** One GraphQL handler: what it resolves, where it lives, the policy it declares. */
export interface ResolverHandler {
  kind: ResolverKind;
  /** `Class.method`: where to look. */
  handler: string;
  /** The field it resolves in the schema. */
  field: string;
  policy: ResolverPolicy | undefined;
  /** Marked @Public() (on the method or its class). */
  isPublic: boolean;
  /** A subscription with a `filter` option. */
  hasFilter: boolean;
}

/** A handler whose policy is missing or cannot hold. */
export interface ResolverPolicyProblem {
  kind: ResolverKind;
  handler: string;
  problem: string;
}

export const MISSING_POLICY = 'no @Authorized policy';

const ROOT_KINDS: Readonly<Record<string, ResolverKind>> = {
  Query: 'query',
  Mutation: 'mutation',
  Subscription: 'subscription',
};

/** Every @Query, @Mutation, @Subscription and @ResolveField handler among the application's providers. */
export function resolverHandlers(discovery: DiscoveryService, scanner: MetadataScanner): ResolverHandler[] {
  const classes = new Set<Type>();
  for (const { metatype } of discovery.getProviders()) {
    if (typeof metatype === 'function' && metatype.prototype) classes.add(metatype as Type);
  }
  const handlers: ResolverHandler[] = [];
  for (const type of classes) {
    const prototype = type.prototype as Record<string, unknown>;
    for (const method of scanner.getAllMethodNames(prototype)) {
      const target = prototype[method];
      const kind = typeof target === 'function' ? kindOf(target) : undefined;
      if (!kind || typeof target !== 'function') continue;
      const options = Reflect.getMetadata(SUBSCRIPTION_OPTIONS_METADATA, target) as
        { filter?: unknown } | undefined;
      handlers.push({
        kind,
        handler: `${type.name}.${method}`,
        field: (Reflect.getMetadata(RESOLVER_NAME_METADATA, target) as string | undefined) ?? method,
        policy: Reflect.getMetadata(RESOLVER_POLICY, target) as ResolverPolicy | undefined,
        isPublic: [target, type].some((at) => Reflect.getMetadata(IS_PUBLIC, at) === true),
        hasFilter: typeof options?.filter === 'function',
      });
    }
  }
  return handlers.sort((a, b) => a.handler.localeCompare(b.handler));
}

function kindOf(target: object): ResolverKind | undefined {
  if (Reflect.getMetadata(RESOLVER_PROPERTY_METADATA, target)) return 'field';
  const root = Reflect.getMetadata(RESOLVER_TYPE_METADATA, target) as string | undefined;
  return root ? ROOT_KINDS[root] : undefined;
}

/**
 * The handlers that declare no policy, or one that cannot hold: `public` without @Public() (or
 * @Public() without `public`), `parent` on a root field, `filter` where no subscription filter runs.
 */
export function findUnguardedResolvers(
  discovery: DiscoveryService,
  scanner: MetadataScanner,
): ResolverPolicyProblem[] {
  return resolverHandlers(discovery, scanner).flatMap((handler) => {
    const problem = problemOf(handler);
    return problem ? [{ kind: handler.kind, handler: handler.handler, problem }] : [];
  });
}

function problemOf({ kind, policy, isPublic, hasFilter }: ResolverHandler): string | undefined {
  if (!policy) return MISSING_POLICY;
  if (isPublic !== (policy.by === 'public')) {
    return isPublic
      ? '@Public() handler without { by: "public" }'
      : '{ by: "public" } without @Public(): signed-out callers are refused';
  }
  if (policy.by === 'parent' && kind !== 'field')
    return '{ by: "parent" } on a root field, which has no parent';
  if (policy.by === 'filter' && (kind !== 'subscription' || !hasFilter)) {
    return '{ by: "filter" } where no subscription filter runs';
  }
  return undefined;
}

/** At boot: outside production a handler without a valid policy stops the start; in production it is logged. */
@Injectable()
export class ResolverPolicyCheck implements OnApplicationBootstrap {
  private readonly logger = new Logger(ResolverPolicyCheck.name);

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    const problems = findUnguardedResolvers(this.discovery, this.scanner);
    if (problems.length === 0) return;
    const message = `GraphQL handlers without a valid @Authorized policy: ${problems
      .map(({ kind, handler, problem }) => `${kind} ${handler} (${problem})`)
      .join('; ')}`;
    if (!this.config.isProduction) throw new Error(message);
    this.logger.error(message);
  }
}

@Module({ imports: [DiscoveryModule], providers: [ResolverPolicyCheck] })
export class ResolverPolicyModule {}
