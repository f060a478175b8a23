import {
  GraphQLError,
  GraphQLID,
  GraphQLInt,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLSchema,
  GraphQLString,
  parse,
} from 'graphql';
import { assertQueryCost, connectionCost } from './query-cost';

const Member = new GraphQLObjectType({
  name: 'Member',
  fields: { id: { type: GraphQLID }, name: { type: GraphQLString } },
});

const Organization = new GraphQLObjectType({
  name: 'Organization',
  fields: {
    id: { type: GraphQLID },
    name: { type: GraphQLString },
    members: {
      type: new GraphQLList(Member),
      args: { first: { type: GraphQLInt } },
      extensions: { complexity: connectionCost },
    },
  },
});

const schema = new GraphQLSchema({
  query: new GraphQLObjectType({
    name: 'Query',
    fields: {
      version: { type: GraphQLString },
      organizations: {
        type: new GraphQLList(Organization),
        args: { first: { type: GraphQLInt } },
        extensions: { complexity: connectionCost },
      },
      organization: { type: Organization, args: { id: { type: new GraphQLNonNull(GraphQLID) } } },
    },
  }),
});

function cost(
  query: string,
  variables?: Record<string, unknown>,
  maxCost = 1_000_000,
  operationName?: string,
): number {
  return assertQueryCost(schema, parse(query), variables, maxCost, operationName);
}

function costError(
  query: string,
  variables: Record<string, unknown> | undefined,
  maxCost: number,
): GraphQLError {
  try {
    cost(query, variables, maxCost);
  } catch (error) {
    if (error instanceof GraphQLError) return error;
    throw error;
  }
  throw new Error(`assertQueryCost accepted ${query}`);
}

describe('connectionCost', () => {
  it.each<[number | undefined, number, number]>([
    // first, childComplexity, cost
    [1, 1, 2],
    [10, 1, 11],
    [10, 2, 21],
    [100, 3, 301],
    [undefined, 2, 41],
    [10, 0, 11],
    // Clamped to the page-size bounds, like PageArgs: 0 counts as 1, 1000 as 100.
    [0, 5, 6],
    [-100000, 5, 6],
    [1000, 1, 101],
  ])('first %s with children costing %i costs %i', (first, childComplexity, expected) => {
    const args = first === undefined ? {} : { first };
    expect(connectionCost({ args, childComplexity })).toBe(expected);
  });
});

describe('assertQueryCost', () => {
  it.each<[string, string, number]>([
    ['one scalar field', '{ version }', 1],
    ['an object with two fields', '{ organization(id: "1") { id name } }', 3],
    ['a connection of 1', '{ organizations(first: 1) { id name } }', 3],
    ['a connection of 10', '{ organizations(first: 10) { id name } }', 21],
    ['a connection of 100', '{ organizations(first: 100) { id name } }', 201],
    ['a connection without first (20)', '{ organizations { id name } }', 41],
    ['nested connections', '{ organizations(first: 10) { members(first: 5) { id } } }', 61],
  ])('prices %s', (_label, query, expected) => {
    expect(cost(query)).toBe(expected);
  });

  it('grows with first', () => {
    const costs = [1, 2, 5, 10, 50, 100].map((first) =>
      cost(`{ organizations(first: ${first}) { id name } }`),
    );
    expect(costs).toEqual([...costs].sort((a, b) => a - b));
    expect(new Set(costs).size).toBe(costs.length);
  });

  it('reads first from the variables', () => {
    const query = 'query ($n: Int) { organizations(first: $n) { id } }';
    expect(cost(query, { n: 5 })).toBe(6);
    expect(cost(query, { n: 50 })).toBe(51);
    expect(cost(query, {})).toBe(21);
    expect(cost(query, undefined)).toBe(21);
  });

  it('prices only the named operation', () => {
    const document = 'query Small { version } query Large { organizations(first: 100) { id } }';
    expect(cost(document, undefined, 1_000_000, 'Small')).toBe(1);
    expect(cost(document, undefined, 1_000_000, 'Large')).toBe(101);
  });

  it.each<[number, number]>([
    [21, 21],
    [21, 1000],
  ])('lets a query costing %i through a limit of %i', (queryCost, maxCost) => {
    expect(cost('{ organizations(first: 10) { id name } }', undefined, maxCost)).toBe(queryCost);
  });

  it.each<[string, string, Record<string, unknown> | undefined, number, number]>([
    ['one point over', '{ organizations(first: 10) { id name } }', undefined, 20, 21],
    ['a large page', '{ organizations(first: 100) { id name } }', undefined, 100, 201],
    [
      'a large page from variables',
      'query ($n: Int) { organizations(first: $n) { id } }',
      { n: 1000 },
      50,
      101,
    ],
    [
      'nested connections',
      '{ organizations(first: 100) { members(first: 100) { id name } } }',
      undefined,
      5000,
      20101,
    ],
  ])('refuses %s, naming the cost and the limit', (_label, query, variables, maxCost, expectedCost) => {
    const error = costError(query, variables, maxCost);
    expect(error.extensions).toEqual({ code: 'BAD_USER_INPUT', cost: expectedCost, maxCost });
    expect(error.message).toContain(`cost ${expectedCost} points`);
    expect(error.message).toContain(`the limit is ${maxCost}`);
    expect(error.message).toMatch(/first/);
  });

  // Known bug: connectionCost does not clamp `first`, so a negative page size has a negative
  // cost. An aliased field with a negative `first` (refused later by validation, but only for
  // that field) pays for expensive siblings, which then run past the limit.
  // it.failing turns red once the bug is fixed; then make it `it`.
  it('does not let a negative first pay for an expensive sibling', () => {
    const query = `{
      discount: organizations(first: -100000) { id }
      expensive: organizations(first: 100) { members(first: 100) { id name } }
    }`;
    expect(() => cost(query, undefined, 5000)).toThrow(GraphQLError);
  });

  it.each<[string, string, Record<string, unknown>]>([
    ['a string for an Int', 'query ($n: Int) { organizations(first: $n) { id } }', { n: 'ten' }],
    ['a decimal for an Int', 'query ($n: Int) { organizations(first: $n) { id } }', { n: 2.5 }],
    ['a missing required variable', 'query ($id: ID!) { organization(id: $id) { id } }', {}],
    ['null for a required variable', 'query ($id: ID!) { organization(id: $id) { id } }', { id: null }],
  ])('answers bad variables (%s) with BAD_USER_INPUT', (_label, query, variables) => {
    const error = costError(query, variables, 1_000_000);
    expect(error.extensions['code']).toBe('BAD_USER_INPUT');
    expect(error.message).toMatch(/\$(n|id)/);
  });
});
