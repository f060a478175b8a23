import { auditHash, canonicalJson, genesisHash } from '@tetrad/core/audit/audit-hash';
import fc from 'fast-check';
import { frozenAuditHash, frozenGenesisHash } from './audit-hash-1764252000000';

describe('the audit hash frozen for migration 1764252000000', () => {
  it('equals the current scheme, for any entry', () => {
    fc.assert(
      fc.property(
        fc.record({
          chain: fc.oneof(fc.constant('platform'), fc.uuid()),
          seq: fc.bigInt({ min: 1n, max: 10n ** 12n }).map(String),
          id: fc.uuid(),
          occurredAt: fc.date({
            min: new Date('2020-01-01'),
            max: new Date('2030-01-01'),
            noInvalidDate: true,
          }),
          actorUserId: fc.option(fc.uuid(), { nil: null }),
          actorOrganizationId: fc.option(fc.uuid(), { nil: null }),
          consortiumId: fc.option(fc.uuid(), { nil: null }),
          action: fc.string(),
          subjectType: fc.string(),
          subjectId: fc.string(),
          before: fc.option(fc.jsonValue(), { nil: null }),
          after: fc.option(fc.jsonValue(), { nil: null }),
        }),
        fc.stringMatching(/^[0-9a-f]{64}$/),
        (entry, previous) => {
          expect(frozenAuditHash(previous, entry)).toBe(auditHash(previous, entry));
          expect(frozenGenesisHash(entry.chain)).toBe(genesisHash(entry.chain));
        },
      ),
      { numRuns: 300 },
    );
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: 3 }] })).toBe('{"a":[{"c":3,"d":2}],"b":1}');
  });
});
