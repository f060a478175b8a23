import {
  matchPurpose,
  PURPOSE_MATCHER_VERSION,
  type DataPurpose,
  type DatasetOffer,
  type MatchDecision,
} from './purpose-matching';

const OPEN: DatasetOffer = {
  allowedPurposes: ['RESEARCH', 'MODEL_TRAINING', 'COMMERCIAL_PRODUCT'],
  sensitivity: 'CONSORTIUM',
  personalData: false,
  anonymisation: 'NOT_APPLICABLE',
};

describe('matchPurpose', () => {
  it.each<[string, DataPurpose, Partial<DatasetOffer>, number, MatchDecision, string]>([
    ['an offered purpose', 'RESEARCH', {}, 90, 'APPROVE', 'allows RESEARCH'],
    ['an offered purpose for more than a year', 'MODEL_TRAINING', {}, 400, 'ABSTAIN', 'exceed one year'],
    ['a trade secret', 'RESEARCH', { sensitivity: 'TRADE_SECRET' }, 30, 'ABSTAIN', 'case by case'],
    [
      'commercial use of recorded people',
      'COMMERCIAL_PRODUCT',
      { personalData: true, anonymisation: 'PSEUDONYMISED' },
      30,
      'ABSTAIN',
      'privacy review',
    ],
    [
      'commercial use of anonymised people',
      'COMMERCIAL_PRODUCT',
      { personalData: true, anonymisation: 'ANONYMISED' },
      30,
      'APPROVE',
      'allows COMMERCIAL_PRODUCT',
    ],
    ['redistribution not offered', 'REDISTRIBUTE_DERIVED', {}, 30, 'DENY', 'only when the offer names them'],
    [
      'a purpose close to an offered one',
      'BENCHMARKING',
      {},
      30,
      'ABSTAIN',
      'related RESEARCH and MODEL_TRAINING',
    ],
    [
      'a purpose with nothing related',
      'SAFETY_CERTIFICATION',
      {},
      30,
      'DENY',
      'does not include SAFETY_CERTIFICATION',
    ],
    [
      'commercial use not offered, even with research offered',
      'COMMERCIAL_PRODUCT',
      { allowedPurposes: ['RESEARCH'] },
      30,
      'DENY',
      'Commercial use',
    ],
  ])('%s → %s', (_case, purpose, offer, durationDays, decision, words) => {
    const match = matchPurpose({ purpose, durationDays }, { ...OPEN, ...offer });
    expect(match.decision).toBe(decision);
    expect(match.rationale.join(' ')).toContain(words);
    expect(match.version).toBe(PURPOSE_MATCHER_VERSION);
  });

  it('explains every answer in at least one sentence', () => {
    const purposes: DataPurpose[] = [
      'RESEARCH',
      'MODEL_TRAINING',
      'BENCHMARKING',
      'SIM_TO_REAL',
      'SAFETY_CERTIFICATION',
      'COMMERCIAL_PRODUCT',
      'REDISTRIBUTE_DERIVED',
    ];
    for (const purpose of purposes) {
      const match = matchPurpose({ purpose, durationDays: 30 }, OPEN);
      expect(match.rationale.length).toBeGreaterThan(0);
      expect(match.rationale.every((sentence) => sentence.endsWith('.'))).toBe(true);
    }
  });

  it('is pure: the same request and offer always give the same answer', () => {
    const request = { purpose: 'BENCHMARKING' as const, durationDays: 30 };
    expect(matchPurpose(request, OPEN)).toEqual(matchPurpose(request, OPEN));
  });
});
