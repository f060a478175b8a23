import {
  auditHash,
  canonicalJson,
  genesisHash,
  PLATFORM_CHAIN,
  toPlainJson,
  type AuditHashInput,
} from './audit-hash';

const GENESIS_HASH = genesisHash('7b2eac3a-4d5f-4a7b-8c1d-2e3f4a5b6c7d');

const ENTRY: AuditHashInput = {
  chain: '7b2eac3a-4d5f-4a7b-8c1d-2e3f4a5b6c7d',
  seq: '7',
  id: '0b9d7f8e-7a6c-4c53-9b0e-3f6d2a1c5e4f',
  occurredAt: new Date('2026-11-25T10:00:00.123Z'),
  actorUserId: '5f0c8a1e-2b3d-4e5f-8a9b-0c1d2e3f4a5b',
  actorOrganizationId: '6a1d9b2f-3c4e-4f6a-9b0c-1d2e3f4a5b6c',
  consortiumId: '7b2eac3a-4d5f-4a7b-8c1d-2e3f4a5b6c7d',
  action: 'membership.accept',
  subjectType: 'Membership',
  subjectId: '8c3fbd4b-5e6a-4b8c-9d2e-3f4a5b6c7d8e',
  before: { status: 'INVITED' },
  after: { status: 'ACTIVE', roles: ['ROBOT_MAKER'] },
};

class Money {
  constructor(
    readonly currency: string,
    readonly minorUnits: number,
  ) {}
}

describe('canonicalJson', () => {
  it.each<[string, unknown, string]>([
    ['null', null, 'null'],
    ['a top-level undefined', undefined, 'null'],
    ['a string with quotes and non-ASCII', 'a "b" 机器人', '"a \\"b\\" 机器人"'],
    ['an integer', 42, '42'],
    ['a decimal', -3.25, '-3.25'],
    ['negative zero', -0, '0'],
    ['a non-finite number', Number.POSITIVE_INFINITY, 'null'],
    ['a boolean', false, 'false'],
    ['a bigint', 12345678901234567890n, '"12345678901234567890"'],
    ['a Date', new Date('2026-01-02T03:04:05.006Z'), '"2026-01-02T03:04:05.006Z"'],
    ['object keys, sorted', { b: 1, a: 2, C: 3 }, '{"C":3,"a":2,"b":1}'],
    [
      'nested keys, sorted at every depth',
      { z: { y: 1, x: [{ b: 1, a: 2 }] } },
      '{"z":{"x":[{"a":2,"b":1}],"y":1}}',
    ],
    ['undefined members, dropped', { a: undefined, b: 1 }, '{"b":1}'],
    ['undefined array items, kept as null', [1, undefined, 3], '[1,null,3]'],
    ['functions, dropped', { a: () => 1, b: 2 }, '{"b":2}'],
    ['a class instance, as its own fields', new Money('CNY', 1250), '{"currency":"CNY","minorUnits":1250}'],
    ['an empty object and array', { a: {}, b: [] }, '{"a":{},"b":[]}'],
  ])('encodes %s', (_label, value, expected) => {
    expect(canonicalJson(value)).toBe(expected);
  });

  it('ignores key order', () => {
    expect(canonicalJson({ a: 1, b: { c: 2, d: 3 } })).toBe(canonicalJson({ b: { d: 3, c: 2 }, a: 1 }));
  });

  it('refuses a cycle instead of looping', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic['self'] = cyclic;
    expect(() => canonicalJson(cyclic)).toThrow(/cycle/);
  });

  it('accepts the same object twice when it is not a cycle', () => {
    const shared = { a: 1 };
    expect(canonicalJson({ x: shared, y: shared })).toBe('{"x":{"a":1},"y":{"a":1}}');
  });
});

describe('toPlainJson', () => {
  it('turns class instances and Dates into what jsonb gives back', () => {
    const plain = toPlainJson({ price: new Money('CNY', 5), at: new Date('2026-01-01T00:00:00.000Z') });
    expect(plain).toStrictEqual({
      at: '2026-01-01T00:00:00.000Z',
      price: { currency: 'CNY', minorUnits: 5 },
    });
  });
});

describe('auditHash', () => {
  const base = auditHash(GENESIS_HASH, ENTRY);

  it('is a SHA-256 in hex', () => {
    expect(base).toMatch(/^[0-9a-f]{64}$/);
  });

  it('starts each chain from a genesis hash of its own', () => {
    expect(GENESIS_HASH).toMatch(/^[0-9a-f]{64}$/);
    expect(genesisHash(PLATFORM_CHAIN)).not.toBe(GENESIS_HASH);
    expect(genesisHash('7b2eac3a-4d5f-4a7b-8c1d-2e3f4a5b6c7d')).toBe(GENESIS_HASH);
  });

  it('is stable: same input, same hash', () => {
    expect(auditHash(GENESIS_HASH, { ...ENTRY })).toBe(base);
  });

  it('does not depend on the key order of before and after', () => {
    const reordered = { ...ENTRY, after: { roles: ['ROBOT_MAKER'], status: 'ACTIVE' } };
    expect(auditHash(GENESIS_HASH, reordered)).toBe(base);
  });

  it('treats an absent before/after as null', () => {
    const withNull = auditHash(GENESIS_HASH, { ...ENTRY, before: null });
    expect(auditHash(GENESIS_HASH, { ...ENTRY, before: undefined })).toBe(withNull);
  });

  it.each<[string, Partial<AuditHashInput>]>([
    ['chain', { chain: PLATFORM_CHAIN }],
    ['seq', { seq: '8' }],
    ['id', { id: '0b9d7f8e-7a6c-4c53-9b0e-3f6d2a1c5e40' }],
    ['occurredAt (one millisecond)', { occurredAt: new Date('2026-11-25T10:00:00.124Z') }],
    ['actorUserId', { actorUserId: null }],
    ['actorOrganizationId', { actorOrganizationId: null }],
    ['consortiumId', { consortiumId: null }],
    ['action', { action: 'membership.withdraw' }],
    ['subjectType', { subjectType: 'Consortium' }],
    ['subjectId', { subjectId: 'other' }],
    ['before', { before: { status: 'ACTIVE' } }],
    ['after (one nested value)', { after: { status: 'ACTIVE', roles: ['SUPPLIER'] } }],
  ])('changes when %s changes', (_field, change) => {
    expect(auditHash(GENESIS_HASH, { ...ENTRY, ...change })).not.toBe(base);
  });

  it('changes with the previous hash', () => {
    expect(auditHash('f'.repeat(64), ENTRY)).not.toBe(base);
  });

  it('tells a number from the same digits as a string', () => {
    expect(auditHash(GENESIS_HASH, { ...ENTRY, after: { n: 1 } })).not.toBe(
      auditHash(GENESIS_HASH, { ...ENTRY, after: { n: '1' } }),
    );
  });

  it('does not confuse before and after', () => {
    const swapped = { ...ENTRY, before: ENTRY.after, after: ENTRY.before };
    expect(auditHash(GENESIS_HASH, swapped)).not.toBe(base);
  });
});
