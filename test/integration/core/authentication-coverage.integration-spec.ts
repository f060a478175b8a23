import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
} from 'graphql';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { startTestApp, type TestApp } from '../../support/test-app';

/** Root fields anyone may call without signing in. Adding one here is a reviewed decision. */
const PUBLIC_FIELDS = new Set<string>([]);

/** A value of the argument's type, good enough to get past GraphQL's own validation. */
function sample(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return sample(type.ofType);
  if (isListType(type)) return [sample(type.ofType)];
  const named = getNamedType(type);
  if (isEnumType(named)) return named.getValues()[0]!.value as unknown;
  if (isInputObjectType(named)) {
    return Object.fromEntries(
      Object.values(named.getFields())
        .filter((field) => isNonNullType(field.type))
        .map((field) => [field.name, sample(field.type)]),
    );
  }
  const samples: Record<string, unknown> = {
    UUID: '00000000-0000-4000-8000-000000000000',
    String: 'x',
    Int: 1,
    Float: 1,
    Boolean: true,
    DateTime: '2026-01-01T00:00:00Z',
    LocalDate: '2026-01-01',
    SafeInt: 1,
    JSON: {},
  };
  return samples[named.name] ?? 'x';
}

function operation(
  kind: 'query' | 'mutation',
  field: GraphQLField<unknown, unknown>,
): { query: string; variables: Record<string, unknown> } {
  const required = field.args.filter(
    (arg: GraphQLArgument) => isNonNullType(arg.type) && arg.defaultValue === undefined,
  );
  const declarations = required.map((arg) => `$${arg.name}: ${String(arg.type)}`).join(', ');
  const passing = required.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
  const selection = isLeafType(getNamedType(field.type)) ? '' : ' { __typename }';
  return {
    query: `${kind}${declarations ? ` (${declarations})` : ''} { ${field.name}${passing ? `(${passing})` : ''}${selection} }`,
    variables: Object.fromEntries(required.map((arg) => [arg.name, sample(arg.type)])),
  };
}

describe('every root field requires a signed-in caller unless declared public', () => {
  let t: TestApp;
  let fields: ['query' | 'mutation', GraphQLField<unknown, unknown>][];

  beforeAll(async () => {
    t = await startTestApp({ SEED_DEMO_DATA: 'false' });
    const { schema } = t.app.get(GraphQLSchemaHost);
    const roots: ['query' | 'mutation', GraphQLObjectType | null | undefined][] = [
      ['query', schema.getQueryType()],
      ['mutation', schema.getMutationType()],
    ];
    fields = roots.flatMap(([kind, type]) =>
      Object.values(type?.getFields() ?? {}).map(
        (field) => [kind, field] as ['query' | 'mutation', GraphQLField<unknown, unknown>],
      ),
    );
  });

  afterAll(async () => {
    await t.close();
  });

  it('finds the root fields to check', () => {
    expect(fields.length).toBeGreaterThan(10);
  });

  it('answers UNAUTHENTICATED to an anonymous call of each one', async () => {
    const unguarded: string[] = [];
    for (const [kind, field] of fields) {
      if (PUBLIC_FIELDS.has(field.name)) continue;
      const { query, variables } = operation(kind, field);
      const response = await t.graphql(query, variables);
      if (response.errors?.[0]?.extensions.code !== 'UNAUTHENTICATED') {
        unguarded.push(`${kind} ${field.name}: ${JSON.stringify(response.errors?.[0] ?? response.data)}`);
      }
    }
    expect(unguarded).toEqual([]);
  });
});
