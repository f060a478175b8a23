import type { DatasetOffer, DataPurpose } from '@tetrad/dataset';
import { defaultTerms } from './clause-templates';
import type { Prohibition } from '../contract-terms';
import { draftNote, mergeProhibitions, offerLimits, offerLimitsOf } from './offer-prohibitions';

const offer = (overrides: Partial<DatasetOffer> = {}): DatasetOffer => ({
  allowedPurposes: ['RESEARCH'],
  sensitivity: 'CONSORTIUM',
  personalData: false,
  anonymisation: 'NOT_APPLICABLE',
  ...overrides,
});

describe('offerLimits', () => {
  it.each<[string, DatasetOffer, Prohibition[]]>([
    ['a research-only offer of machine data', offer(), ['REDISTRIBUTE', 'COMMERCIAL_USE']],
    [
      'an offer naming commercial products',
      offer({ allowedPurposes: ['RESEARCH', 'COMMERCIAL_PRODUCT'] }),
      ['REDISTRIBUTE'],
    ],
    [
      'an offer naming derived redistribution still keeps the data itself',
      offer({ allowedPurposes: ['REDISTRIBUTE_DERIVED', 'COMMERCIAL_PRODUCT'] }),
      ['REDISTRIBUTE'],
    ],
    [
      'personal data, not anonymised',
      offer({ personalData: true, anonymisation: 'NONE' }),
      ['RE_IDENTIFY', 'REDISTRIBUTE', 'COMMERCIAL_USE', 'CROSS_BORDER_TRANSFER'],
    ],
    [
      'personal data, anonymised: re-identification stays prohibited',
      offer({ personalData: true, anonymisation: 'ANONYMISED', allowedPurposes: ['COMMERCIAL_PRODUCT'] }),
      ['RE_IDENTIFY', 'REDISTRIBUTE', 'CROSS_BORDER_TRANSFER'],
    ],
    [
      'restricted machine data',
      offer({ sensitivity: 'RESTRICTED' }),
      ['REDISTRIBUTE', 'COMMERCIAL_USE', 'CROSS_BORDER_TRANSFER'],
    ],
    [
      'a trade secret',
      offer({ sensitivity: 'TRADE_SECRET', allowedPurposes: ['COMMERCIAL_PRODUCT'] }),
      ['REDISTRIBUTE', 'CROSS_BORDER_TRANSFER'],
    ],
    [
      'public machine data',
      offer({ sensitivity: 'PUBLIC', allowedPurposes: ['COMMERCIAL_PRODUCT'] }),
      ['REDISTRIBUTE'],
    ],
  ])('%s', (_case, given, expected) => {
    const limits = offerLimits(given);
    expect(limits.map((limit) => limit.prohibition)).toEqual(expected);
    for (const limit of limits) expect(limit.because).toMatch(/^(its|it|people) /);
  });
});

describe('drafted prohibitions: the purpose never lifts what the offer keeps', () => {
  const drafted = (purposes: DataPurpose[], offers: DatasetOffer[]) =>
    defaultTerms({
      datasetIds: ['ds-1'],
      purposes,
      startsOn: '2025-01-01',
      durationDays: 30,
      offerProhibitions: offers.flatMap((o) => offerLimits(o).map((limit) => limit.prohibition)),
    }).prohibitions;

  it.each<[string, DataPurpose[], DatasetOffer[], Prohibition[]]>([
    [
      'a commercial purpose approved against a research-only offer keeps COMMERCIAL_USE',
      ['COMMERCIAL_PRODUCT'],
      [offer()],
      ['RE_IDENTIFY', 'REDISTRIBUTE', 'COMMERCIAL_USE', 'CROSS_BORDER_TRANSFER'],
    ],
    [
      'a commercial purpose the offer names lifts COMMERCIAL_USE',
      ['COMMERCIAL_PRODUCT'],
      [offer({ allowedPurposes: ['COMMERCIAL_PRODUCT'] })],
      ['RE_IDENTIFY', 'REDISTRIBUTE', 'CROSS_BORDER_TRANSFER'],
    ],
    [
      'one dataset of several not offering it keeps COMMERCIAL_USE for the draft',
      ['COMMERCIAL_PRODUCT'],
      [offer({ allowedPurposes: ['COMMERCIAL_PRODUCT'] }), offer()],
      ['RE_IDENTIFY', 'REDISTRIBUTE', 'COMMERCIAL_USE', 'CROSS_BORDER_TRANSFER'],
    ],
    [
      'no offers: the purpose defaults alone',
      ['COMMERCIAL_PRODUCT'],
      [],
      ['RE_IDENTIFY', 'REDISTRIBUTE', 'CROSS_BORDER_TRANSFER'],
    ],
  ])('%s', (_case, purposes, offers, expected) => {
    expect(drafted(purposes, offers)).toEqual(expected);
  });
});

describe('mergeProhibitions', () => {
  it('is a union in the drafts order', () => {
    expect(
      mergeProhibitions(['CROSS_BORDER_TRANSFER', 'REDISTRIBUTE'], ['RE_IDENTIFY', 'REDISTRIBUTE']),
    ).toEqual(['RE_IDENTIFY', 'REDISTRIBUTE', 'CROSS_BORDER_TRANSFER']);
  });
});

describe('draftNote', () => {
  const names = new Map([['ds-1', 'Grasps']]);
  it.each<[string, DataPurpose[], DatasetOffer | null, RegExp[]]>([
    ['no known offer', ['RESEARCH'], null, [/^Drafted from the approved request\.$/]],
    [
      'a research offer for research',
      ['RESEARCH'],
      offer(),
      [
        /Prohibitions the datasets' offers imply: REDISTRIBUTE \(“Grasps”: its offer does not include redistribution\); COMMERCIAL_USE/,
      ],
    ],
    [
      'a commercial purpose against a research offer names the kept prohibition first',
      ['COMMERCIAL_PRODUCT'],
      offer(),
      [
        /Kept although the requested purpose would lift it, because the offer does not: COMMERCIAL_USE \(“Grasps”: its offer does not include commercial products\)\./,
      ],
    ],
  ])('%s', (_case, purposes, given, expected) => {
    const limits = offerLimitsOf(['ds-1'], new Map(given ? [['ds-1', given]] : []));
    const note = draftNote(purposes, limits, names);
    for (const pattern of expected) expect(note).toMatch(pattern);
  });
});

describe('draftNote in Chinese', () => {
  const names = new Map([['ds-1', '抓取数据']]);

  it('names the prohibitions by their Chinese names and why the offer implies them', () => {
    const limits = offerLimitsOf(['ds-1'], new Map([['ds-1', offer()]]));
    const note = draftNote(['COMMERCIAL_PRODUCT'], limits, names, 'zh-CN');
    expect(note).toMatch(/^依据已批准的数据访问申请起草。/);
    expect(note).toContain('故予保留：禁止商业使用（“抓取数据”：其开放条件不包括商业产品）。');
    expect(note).toContain('禁止再分发（“抓取数据”：其开放条件不包括再分发）');
    expect(note).not.toMatch(/[A-Z_]{4,}/);
  });

  it('says only where the draft comes from when no offer is known', () => {
    expect(draftNote(['RESEARCH'], [], names, 'zh-CN')).toBe('依据已批准的数据访问申请起草。');
  });
});
