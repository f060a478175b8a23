import DataLoader from 'dataloader';
import { byKeys, LoaderKey, LoaderRegistry } from './request-loaders';

interface Organization {
  id: string;
  name: string;
}

const ORGANIZATIONS: Organization[] = [
  { id: 'a', name: 'Alpha Robotics' },
  { id: 'b', name: 'Beta Dynamics' },
  { id: 'c', name: 'Gamma Labs' },
];

const ORGANIZATION_BY_ID = new LoaderKey<string, Organization | null>('organizationById');
const NAME_LENGTH = new LoaderKey<string, number>('nameLength');

function setUp() {
  const batches: string[][] = [];
  const factory = jest.fn(
    () =>
      new DataLoader<string, Organization | null>((ids) => {
        batches.push([...ids]);
        const rows = ORGANIZATIONS.filter((row) => ids.includes(row.id));
        return Promise.resolve(byKeys(ids, rows, (row) => row.id));
      }),
  );
  const registry = new LoaderRegistry();
  registry.register(ORGANIZATION_BY_ID, factory);
  return { registry, factory, batches };
}

describe('LoaderRegistry and RequestLoaders', () => {
  it('creates no loader until a request asks for one', () => {
    const { registry, factory } = setUp();
    registry.forRequest();
    registry.forRequest();
    expect(factory).not.toHaveBeenCalled();
  });

  it('creates one loader per key per request, however often it is asked for', () => {
    const { registry, factory } = setUp();
    const loaders = registry.forRequest();
    const first = loaders.get(ORGANIZATION_BY_ID);
    expect(loaders.get(ORGANIZATION_BY_ID)).toBe(first);
    expect(loaders.get(new LoaderKey<string, Organization | null>('organizationById'))).toBe(first);
    expect(factory).toHaveBeenCalledTimes(1);
  });

  it('batches the loads of one request into one call', async () => {
    const { registry, batches } = setUp();
    const loader = registry.forRequest().get(ORGANIZATION_BY_ID);
    const results = await Promise.all([
      loader.load('c'),
      loader.load('a'),
      loader.load('missing'),
      loader.load('a'),
    ]);
    expect(results).toEqual([ORGANIZATIONS[2], ORGANIZATIONS[0], null, ORGANIZATIONS[0]]);
    expect(batches).toEqual([['c', 'a', 'missing']]);
  });

  it('never shares a cache between two requests', async () => {
    const { registry, factory, batches } = setUp();
    const first = registry.forRequest();
    const second = registry.forRequest();
    expect(first.get(ORGANIZATION_BY_ID)).not.toBe(second.get(ORGANIZATION_BY_ID));

    await first.get(ORGANIZATION_BY_ID).load('a');
    await first.get(ORGANIZATION_BY_ID).load('a');
    await second.get(ORGANIZATION_BY_ID).load('a');
    expect(factory).toHaveBeenCalledTimes(2);
    expect(batches).toEqual([['a'], ['a']]);
  });

  it('keeps loaders of different keys apart within a request', async () => {
    const { registry } = setUp();
    registry.register(
      NAME_LENGTH,
      () => new DataLoader<string, number>((names) => Promise.resolve(names.map((name) => name.length))),
    );
    const loaders = registry.forRequest();
    expect(await loaders.get(NAME_LENGTH).load('Alpha')).toBe(5);
    expect(await loaders.get(ORGANIZATION_BY_ID).load('b')).toEqual(ORGANIZATIONS[1]);
  });

  it('sees a loader registered after the request set was created', async () => {
    const { registry } = setUp();
    const loaders = registry.forRequest();
    registry.register(
      NAME_LENGTH,
      () => new DataLoader<string, number>((names) => Promise.resolve(names.map((name) => name.length))),
    );
    expect(await loaders.get(NAME_LENGTH).load('abc')).toBe(3);
  });

  it.each([['nameLength'], ['organizationByID'], ['']])('refuses the unregistered key %j', (name) => {
    const { registry } = setUp();
    expect(() => registry.forRequest().get(new LoaderKey<string, unknown>(name))).toThrow(
      `No DataLoader is registered for ${name}`,
    );
  });

  it('refuses to register the same key twice and keeps the first factory', async () => {
    const { registry, factory } = setUp();
    const second = jest.fn(
      () => new DataLoader<string, Organization | null>((ids) => Promise.resolve(ids.map(() => null))),
    );
    expect(() =>
      registry.register(new LoaderKey<string, Organization | null>('organizationById'), second),
    ).toThrow('DataLoader organizationById is registered twice');
    expect(await registry.forRequest().get(ORGANIZATION_BY_ID).load('a')).toEqual(ORGANIZATIONS[0]);
    expect(factory).toHaveBeenCalledTimes(1);
    expect(second).not.toHaveBeenCalled();
  });
});

describe('byKeys', () => {
  const byId = (row: Organization) => row.id;

  it.each<[string, string[], Organization[], (Organization | null)[]]>([
    [
      'rows in key order',
      ['a', 'b'],
      [ORGANIZATIONS[0]!, ORGANIZATIONS[1]!],
      [ORGANIZATIONS[0]!, ORGANIZATIONS[1]!],
    ],
    ['rows in reverse order', ['a', 'b', 'c'], [...ORGANIZATIONS].reverse(), ORGANIZATIONS],
    [
      'a missing row',
      ['a', 'x', 'c'],
      [ORGANIZATIONS[2]!, ORGANIZATIONS[0]!],
      [ORGANIZATIONS[0]!, null, ORGANIZATIONS[2]!],
    ],
    ['no rows', ['a', 'b'], [], [null, null]],
    ['no keys', [], ORGANIZATIONS, []],
    ['a repeated key', ['b', 'b'], [ORGANIZATIONS[1]!], [ORGANIZATIONS[1]!, ORGANIZATIONS[1]!]],
    ['rows nobody asked for', ['b'], ORGANIZATIONS, [ORGANIZATIONS[1]!]],
  ])('orders %s as the keys, null where absent', (_label, keys, rows, expected) => {
    expect(byKeys(keys, rows, byId)).toEqual(expected);
  });

  it('returns exactly one entry per key, as DataLoader requires', () => {
    const keys = ['c', 'missing', 'a', 'c'];
    expect(byKeys(keys, ORGANIZATIONS, byId)).toHaveLength(keys.length);
  });

  it('matches numeric keys by value', () => {
    const rows = [
      { id: 2, label: 'two' },
      { id: 1, label: 'one' },
    ];
    expect(byKeys([1, 2, 3], rows, (row) => row.id)).toEqual([rows[1], rows[0], null]);
  });
});
