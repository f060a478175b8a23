import { allocate, TOTAL_BASIS_POINTS, validateShares, type BasisPointShare } from './reward-split';

function split(...basisPoints: number[]): BasisPointShare[] {
  return basisPoints.map((bp, index) => ({
    organizationId: `org-${String.fromCharCode(97 + index)}`,
    basisPoints: bp,
  }));
}

/** A tiny seeded linear congruential generator (Numerical Recipes constants): the same cases on every run. */
function lcg(seed: number): (below: number) => number {
  let state = seed >>> 0;
  return (below) => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return Math.floor((state / 2 ** 32) * below);
  };
}

/** n shares summing to 10,000: the gaps between n - 1 sorted cut points in 0..10,000. */
function randomSplit(next: (below: number) => number): BasisPointShare[] {
  const count = 1 + next(8);
  const cuts = Array.from({ length: count - 1 }, () => next(TOTAL_BASIS_POINTS + 1)).sort((a, b) => a - b);
  const bounds = [0, ...cuts, TOTAL_BASIS_POINTS];
  return split(...bounds.slice(1).map((bound, i) => bound - bounds[i]!));
}

describe('validateShares', () => {
  it.each([
    ['four equal shares', split(2500, 2500, 2500, 2500)],
    ['one organisation taking all', split(10_000)],
    ['a zero share', split(0, 10_000)],
    ['thirds rounded in basis points', split(3333, 3333, 3334)],
  ])('accepts %s', (_case, shares) => {
    expect(validateShares(shares)).toEqual([]);
  });

  it.each([
    ['no shares', [], ['No organisation holds a share; the split needs at least one.']],
    [
      'a sum short by one',
      split(3333, 3333, 3333),
      ['The shares sum to 9,999 basis points; they must sum to exactly 10,000.'],
    ],
    [
      'a sum over',
      split(6000, 6000),
      ['The shares sum to 12,000 basis points; they must sum to exactly 10,000.'],
    ],
    [
      'a fraction of a basis point',
      split(2500.5, 7499.5),
      [
        'The share of org-a is 2500.5 basis points; basis points must be whole numbers.',
        'The share of org-b is 7499.5 basis points; basis points must be whole numbers.',
      ],
    ],
    [
      'a negative share',
      split(-500, 10_500),
      [
        'The share of org-a is -500 basis points; it must be between 0 and 10,000.',
        'The share of org-b is 10,500 basis points; it must be between 0 and 10,000.',
      ],
    ],
    [
      'an organisation twice',
      [...split(5000, 5000), { organizationId: 'org-a', basisPoints: 0 }],
      ['org-a holds 2 shares; each organisation may hold only one.'],
    ],
    [
      'a share without an organisation',
      [{ organizationId: '', basisPoints: 10_000 }],
      ['Share 1 names no organisation.'],
    ],
    [
      'a share that is not a number',
      [{ organizationId: 'org-a', basisPoints: Number.NaN }],
      ['The share of org-a is NaN basis points; basis points must be whole numbers.'],
    ],
  ])('explains %s', (_case, shares, problems) => {
    expect(validateShares(shares)).toEqual(problems);
  });
});

describe('allocate', () => {
  it.each([
    [
      'four quarters of 1,000,001 fen',
      1_000_001,
      split(2500, 2500, 2500, 2500),
      [250_001, 250_000, 250_000, 250_000],
    ],
    ['thirds of 100', 100, split(3333, 3333, 3334), [33, 33, 34]],
    ['halves of 1: the tie goes to the lower id', 1, split(5000, 5000), [1, 0]],
    ['halves of 3', 3, split(5000, 5000), [2, 1]],
    ['1 and 9,999 basis points of 1', 1, split(1, 9999), [0, 1]],
    ['one organisation taking all', 7, split(10_000), [7]],
    ['a zero share', 999, split(0, 10_000), [0, 999]],
    ['nothing', 0, split(2500, 7500), [0, 0]],
    ['thirds of 2', 2, split(3334, 3333, 3333), [1, 1, 0]],
    [
      'a large amount',
      9_007_199_254_740_991,
      split(3333, 3333, 3334),
      [3_002_099_511_605_172, 3_002_099_511_605_172, 3_003_000_231_530_647],
    ],
  ])('splits %s', (_case, amount, shares, expected) => {
    const parts = allocate(amount, shares);
    expect(parts.map((part) => part.amountMinor)).toEqual(expected);
    expect(parts.reduce((sum, part) => sum + part.amountMinor, 0)).toBe(amount);
  });

  it('keeps bigint amounts beyond the safe integers exact', () => {
    const amount = 123_456_789_012_345_678_901n;
    const parts = allocate(amount, split(3333, 3333, 3334));
    expect(parts.map((part) => part.amountMinor)).toEqual([
      41_148_147_777_814_814_778n,
      41_148_147_777_814_814_778n,
      41_160_493_456_716_049_345n,
    ]);
    expect(parts.reduce((sum, part) => sum + part.amountMinor, 0n)).toBe(amount);
  });

  it('breaks ties by organisation id whatever the input order, and returns parts sorted by id', () => {
    const shares: BasisPointShare[] = [
      { organizationId: 'zeta', basisPoints: 2500 },
      { organizationId: 'alpha', basisPoints: 2500 },
      { organizationId: 'Mu', basisPoints: 2500 },
      { organizationId: 'beta', basisPoints: 2500 },
    ];
    // Code-unit order puts upper case first: 'Mu' < 'alpha'.
    expect(allocate(2, shares)).toEqual([
      { organizationId: 'Mu', amountMinor: 1 },
      { organizationId: 'alpha', amountMinor: 1 },
      { organizationId: 'beta', amountMinor: 0 },
      { organizationId: 'zeta', amountMinor: 0 },
    ]);
  });

  it.each([
    ['a negative amount', -1, split(10_000), /-1 is negative/],
    ['a negative bigint amount', -5n, split(10_000), /-5 is negative/],
    ['a fractional amount', 10.5, split(10_000), /10.5 is not a whole number/],
    ['an unsafe number', 2 ** 53, split(10_000), /not a whole number/],
    ['shares that do not sum to 10,000', 100, split(5000, 4999), /sum to 9,999 basis points/],
  ])('refuses %s', (_case, amount, shares, message) => {
    // The overloads take one type at a time; the union here only serves the table.
    const run = () => (typeof amount === 'bigint' ? allocate(amount, shares) : allocate(amount, shares));
    expect(run).toThrow(RangeError);
    expect(run).toThrow(message);
  });

  it('sums exactly and fairly over 500 seeded random splits', () => {
    const next = lcg(20_260_101);
    for (let run = 0; run < 500; run += 1) {
      const shares = randomSplit(next);
      const amount = BigInt(next(1_000_000)) * BigInt(next(1_000_000)) + BigInt(next(10_000));
      const parts = allocate(amount, shares);

      expect(validateShares(shares)).toEqual([]);
      expect(parts.reduce((sum, part) => sum + part.amountMinor, 0n)).toBe(amount);
      for (const part of parts) {
        const exact =
          amount * BigInt(shares.find((s) => s.organizationId === part.organizationId)!.basisPoints);
        // Never negative, and within one unit of the exact quota: floor or floor + 1.
        expect(part.amountMinor).toBeGreaterThanOrEqual(0n);
        expect(part.amountMinor * 10_000n).toBeGreaterThan(exact - 10_000n);
        expect(part.amountMinor * 10_000n).toBeLessThan(exact + 10_000n);
      }
      expect(allocate(Number(amount % 1_000_000n), shares).reduce((s, p) => s + p.amountMinor, 0)).toBe(
        Number(amount % 1_000_000n),
      );
    }
  });
});
