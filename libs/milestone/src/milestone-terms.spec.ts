import fc from 'fast-check';
import {
  boundParties,
  ledgerLines,
  partiesYetToAccept,
  termsHash,
  type MilestoneTerms,
} from './milestone-terms';

const [USER, MAKER, SUPPLIER, INSTITUTE] = ['a-user', 'b-maker', 'c-supplier', 'd-institute'];

function terms(overrides: Partial<MilestoneTerms> = {}): MilestoneTerms {
  return {
    scenarioId: 's-1',
    name: 'Pilot acceptance',
    description: '',
    targets: [
      { kpiKey: 'throughput', comparator: 'GTE', value: 21, minOperatingHours: null },
      { kpiKey: 'success_rate', comparator: 'GTE', value: 0.95, minOperatingHours: 200 },
    ],
    windowStart: new Date('2027-01-01T00:00:00Z'),
    windowEnd: new Date('2027-03-01T00:00:00Z'),
    dueAt: new Date('2027-03-15T00:00:00Z'),
    currency: 'CNY',
    rewardPoolMinor: 1_000_001,
    riskAmountMinor: 500_000,
    shares: [
      { organizationId: USER, basisPoints: 4000 },
      { organizationId: MAKER, basisPoints: 3000 },
      { organizationId: SUPPLIER, basisPoints: 3000 },
      { organizationId: INSTITUTE, basisPoints: 0 },
    ],
    rewardFunderOrganizationId: USER,
    riskBeneficiaryOrganizationId: USER,
    ...overrides,
  };
}

describe('termsHash', () => {
  it('is the same however orderless lists are ordered, and ignores zero shares', () => {
    const base = terms();
    const shuffled = terms({
      targets: [...base.targets].reverse(),
      shares: [...base.shares].reverse().filter((share) => share.basisPoints > 0),
    });
    expect(termsHash(shuffled)).toBe(termsHash(base));
    expect(termsHash(base)).toMatch(/^[0-9a-f]{64}$/);
  });

  it.each<[string, Partial<MilestoneTerms>]>([
    ['the name', { name: 'Pilot acceptance 2' }],
    [
      'a target',
      { targets: [{ kpiKey: 'throughput', comparator: 'GTE', value: 22, minOperatingHours: null }] },
    ],
    ['the window', { windowStart: new Date('2027-01-02T00:00:00Z') }],
    ['the due date', { dueAt: new Date('2027-03-16T00:00:00Z') }],
    ['the currency', { currency: 'EUR' }],
    ['the reward pool', { rewardPoolMinor: 1_000_000 }],
    ['the risk', { riskAmountMinor: 1 }],
    ['the funder', { rewardFunderOrganizationId: MAKER }],
    ['the beneficiary', { riskBeneficiaryOrganizationId: SUPPLIER }],
    [
      'the split',
      {
        shares: [
          { organizationId: USER, basisPoints: 3000 },
          { organizationId: MAKER, basisPoints: 4000 },
          { organizationId: SUPPLIER, basisPoints: 3000 },
        ],
      },
    ],
  ])('changes with %s, which voids every acceptance', (_what, change) => {
    const before = terms();
    const after = terms(change);
    expect(termsHash(after)).not.toBe(termsHash(before));
    const everyone = boundParties(before).map((organizationId) => ({
      organizationId,
      termsHash: termsHash(before),
    }));
    expect(partiesYetToAccept(after, everyone)).toEqual(boundParties(after));
  });
});

describe('boundParties', () => {
  it.each([
    ['shareholders plus funder and beneficiary', terms(), [USER, MAKER, SUPPLIER]],
    [
      'a funder without a share is bound',
      terms({ rewardFunderOrganizationId: INSTITUTE }),
      [USER, MAKER, SUPPLIER, INSTITUTE],
    ],
    [
      'a beneficiary without a share is bound',
      terms({
        shares: [{ organizationId: MAKER, basisPoints: 10_000 }],
        riskBeneficiaryOrganizationId: SUPPLIER,
      }),
      [USER, MAKER, SUPPLIER],
    ],
  ])('%s', (_case, given, expected) => {
    expect(boundParties(given)).toEqual([...expected].sort());
  });
});

describe('ledgerLines', () => {
  it('ACHIEVED: the funder pays each party its share of the pool; the lines add up to the pool', () => {
    const lines = ledgerLines(terms(), 'ACHIEVED');
    expect(lines.map((line) => [line.payerOrganizationId, line.payeeOrganizationId])).toEqual([
      [USER, USER],
      [USER, MAKER],
      [USER, SUPPLIER],
    ]);
    expect(lines.reduce((sum, line) => sum + line.amountMinor, 0)).toBe(1_000_001);
  });

  it('MISSED: each party pays the beneficiary its share of the risk', () => {
    const lines = ledgerLines(terms(), 'MISSED');
    expect(lines.every((line) => line.kind === 'RISK' && line.payeeOrganizationId === USER)).toBe(true);
    expect(lines.map((line) => line.amountMinor)).toEqual([200_000, 150_000, 150_000]);
  });

  it('writes nothing for a zero amount', () => {
    expect(ledgerLines(terms({ riskAmountMinor: 0 }), 'MISSED')).toEqual([]);
  });

  it('never names an organisation the terms do not bind (any split, funder, beneficiary, outcome)', () => {
    const orgs = [USER, MAKER, SUPPLIER, INSTITUTE];
    const split = fc
      .array(fc.nat(10_000), { minLength: 4, maxLength: 4 })
      .filter((points) => points.reduce((a, b) => a + b, 0) > 0)
      .map((points) => {
        const total = points.reduce((a, b) => a + b, 0);
        const scaled = points.map((p) => Math.floor((p * 10_000) / total));
        scaled[0]! += 10_000 - scaled.reduce((a, b) => a + b, 0);
        return orgs.map((organizationId, index) => ({ organizationId, basisPoints: scaled[index]! }));
      });
    fc.assert(
      fc.property(
        split,
        fc.constantFrom(...orgs),
        fc.constantFrom(...orgs),
        fc.constantFrom('ACHIEVED' as const, 'MISSED' as const),
        fc.nat(1_000_000_000),
        (shares, funder, beneficiary, outcome, amount) => {
          const given = terms({
            shares,
            rewardFunderOrganizationId: funder,
            riskBeneficiaryOrganizationId: beneficiary,
            rewardPoolMinor: amount,
            riskAmountMinor: amount,
          });
          const bound = boundParties(given);
          const lines = ledgerLines(given, outcome);
          for (const line of lines) {
            expect(bound).toContain(line.payerOrganizationId);
            expect(bound).toContain(line.payeeOrganizationId);
            expect(line.amountMinor).toBeGreaterThan(0);
          }
          expect(lines.reduce((sum, line) => sum + line.amountMinor, 0)).toBe(amount);
        },
      ),
    );
  });
});
