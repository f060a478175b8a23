import type { DataPurpose } from '@tetrad/dataset';
import { addDays, defaultClauses, defaultTerms, purposeClauseKey } from './clause-templates';
import type { ContractLanguage } from '../documents/document-blocks';
import type { DutyTerm, Prohibition } from '../contract-terms';

const ALL_PURPOSES: DataPurpose[] = [
  'RESEARCH',
  'MODEL_TRAINING',
  'BENCHMARKING',
  'SIM_TO_REAL',
  'SAFETY_CERTIFICATION',
  'COMMERCIAL_PRODUCT',
  'REDISTRIBUTE_DERIVED',
];

const STANDING: DutyTerm[] = [
  { duty: 'ATTRIBUTE', dueInDays: null },
  { duty: 'NOTIFY_BREACH', dueInDays: null },
  { duty: 'DELETE_ON_EXPIRY', dueInDays: 30 },
];
const REPORTING: DutyTerm[] = [...STANDING, { duty: 'REPORT_PUBLICATIONS', dueInDays: 180 }];
const NON_COMMERCIAL: Prohibition[] = [
  'RE_IDENTIFY',
  'REDISTRIBUTE',
  'COMMERCIAL_USE',
  'CROSS_BORDER_TRANSFER',
];
const COMMERCIAL: Prohibition[] = ['RE_IDENTIFY', 'REDISTRIBUTE', 'CROSS_BORDER_TRANSFER'];

function clausesFor(purposes: DataPurpose[], language: ContractLanguage = 'en') {
  return defaultClauses(
    {
      purposes,
      providerNames: ['Shanghai Humanoid Lab', 'Pearl River Robotics'],
      recipientName: 'Beijing Embodied AI Institute',
      datasetNames: ['Kitchen pick-and-place 2025', 'Warehouse tote handling'],
    },
    language,
  );
}

function chineseClausesFor(purposes: DataPurpose[]) {
  return defaultClauses(
    {
      purposes,
      providerNames: ['上海人形机器人实验室', '珠江机器人公司'],
      recipientName: '北京具身智能研究院',
      datasetNames: ['厨房抓取放置数据集', '仓储周转箱搬运数据集'],
    },
    'zh-CN',
  );
}

describe('defaultTerms', () => {
  it.each<[string, DataPurpose[], Prohibition[], DutyTerm[]]>([
    ['research only', ['RESEARCH'], NON_COMMERCIAL, REPORTING],
    ['benchmarking only', ['BENCHMARKING'], NON_COMMERCIAL, REPORTING],
    ['model training only', ['MODEL_TRAINING'], NON_COMMERCIAL, STANDING],
    [
      'sim-to-real and safety certification',
      ['SIM_TO_REAL', 'SAFETY_CERTIFICATION'],
      NON_COMMERCIAL,
      STANDING,
    ],
    ['a commercial product', ['COMMERCIAL_PRODUCT'], COMMERCIAL, STANDING],
    ['research and a commercial product', ['RESEARCH', 'COMMERCIAL_PRODUCT'], COMMERCIAL, REPORTING],
    [
      'derived redistribution, which is not commercial use',
      ['REDISTRIBUTE_DERIVED'],
      NON_COMMERCIAL,
      STANDING,
    ],
    ['every purpose', ALL_PURPOSES, COMMERCIAL, REPORTING],
    ['no purpose', [], NON_COMMERCIAL, STANDING],
  ])('%s', (_case, purposes, prohibitions, duties) => {
    const terms = defaultTerms({ datasetIds: ['ds-1'], purposes, startsOn: '2025-01-01', durationDays: 90 });
    expect(terms.purposes).toEqual(purposes);
    expect(terms.prohibitions).toEqual(prohibitions);
    expect(terms.duties).toEqual(duties);
    expect(terms.excludedModalities).toEqual([]);
  });

  it.each<[string, number, string]>([
    ['2025-01-01', 90, '2025-04-01'],
    ['2025-01-01', 365, '2026-01-01'],
    ['2024-01-01', 366, '2025-01-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2025-02-28', 1, '2025-03-01'],
    ['2025-12-31', 1, '2026-01-01'],
    ['2025-03-29', 2, '2025-03-31'],
  ])('starting %s for %i days ends on %s', (startsOn, durationDays, endsOn) => {
    const terms = defaultTerms({ datasetIds: ['ds-1'], purposes: ['RESEARCH'], startsOn, durationDays });
    expect(terms.startsOn).toBe(startsOn);
    expect(terms.endsOn).toBe(endsOn);
  });

  it('keeps each dataset and purpose once', () => {
    const terms = defaultTerms({
      datasetIds: ['ds-1', 'ds-2', 'ds-1'],
      purposes: ['RESEARCH', 'RESEARCH'],
      startsOn: '2025-01-01',
      durationDays: 30,
    });
    expect(terms.datasetIds).toEqual(['ds-1', 'ds-2']);
    expect(terms.purposes).toEqual(['RESEARCH']);
  });

  it.each([0, -5, 1.5, Number.NaN])('refuses a duration of %p days', (durationDays) => {
    expect(() =>
      defaultTerms({ datasetIds: ['ds-1'], purposes: ['RESEARCH'], startsOn: '2025-01-01', durationDays }),
    ).toThrow(RangeError);
  });
});

describe('addDays', () => {
  it.each([['2025-02-30'], ['2025-1-1'], ['2025-01-01T00:00:00Z'], ['tomorrow'], ['']])(
    'refuses %p as a date',
    (date) => {
      expect(() => addDays(date, 1)).toThrow('is not a calendar date');
    },
  );

  it.each<[string, number, string]>([
    ['2025-03-01', -1, '2025-02-28'],
    ['2025-06-15', 0, '2025-06-15'],
  ])('moves %s by %i days to %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });
});

describe('defaultClauses', () => {
  it('lays out the agreement with stable keys, purposes in vocabulary order', () => {
    const keys = clausesFor(['SIM_TO_REAL', 'RESEARCH']).map((clause) => clause.key);
    expect(keys).toEqual([
      'definitions',
      'grant',
      'purpose-research',
      'purpose-sim-to-real',
      'security',
      'personal-data',
      'publications',
      'term-and-termination',
      'liability',
      'governing-law',
    ]);
  });

  it.each<[DataPurpose, string, string]>([
    ['RESEARCH', 'purpose-research', 'scientific research'],
    ['MODEL_TRAINING', 'purpose-model-training', 'train, fine-tune and evaluate'],
    ['BENCHMARKING', 'purpose-benchmarking', 'evaluate and compare'],
    ['SIM_TO_REAL', 'purpose-sim-to-real', 'simulation'],
    ['SAFETY_CERTIFICATION', 'purpose-safety-certification', 'certification'],
    ['COMMERCIAL_PRODUCT', 'purpose-commercial-product', 'products and services'],
    ['REDISTRIBUTE_DERIVED', 'purpose-redistribute-derived', 'derived from the Data'],
  ])('gives %s its own clause %s', (purpose, key, words) => {
    expect(purposeClauseKey(purpose)).toBe(key);
    const clause = clausesFor([purpose]).find((candidate) => candidate.key === key);
    expect(clause?.text).toContain(words);
    expect(clausesFor([purpose]).filter((candidate) => candidate.key.startsWith('purpose-'))).toHaveLength(1);
  });

  it('writes a distinct paragraph for every purpose', () => {
    const texts = clausesFor(ALL_PURPOSES)
      .filter((clause) => clause.key.startsWith('purpose-'))
      .map((clause) => clause.text);
    expect(new Set(texts).size).toBe(ALL_PURPOSES.length);
  });

  it('names the parties and datasets in the definitions', () => {
    const definitions = clausesFor(['RESEARCH'])[0]!;
    expect(definitions.text).toContain('“Provider” means Shanghai Humanoid Lab and Pearl River Robotics');
    expect(definitions.text).toContain('“Recipient” means Beijing Embodied AI Institute');
    expect(definitions.text).toContain('“Kitchen pick-and-place 2025” and “Warehouse tote handling”');
  });

  it('puts disputes under PRC law and arbitration', () => {
    const governingLaw = clausesFor(['RESEARCH']).find((clause) => clause.key === 'governing-law')!;
    expect(governingLaw.text).toContain("laws of the People's Republic of China");
    expect(governingLaw.text).toContain('arbitration');
  });

  it('gives every clause a title and a few sentences', () => {
    for (const clause of clausesFor(ALL_PURPOSES)) {
      expect(clause.title).not.toBe('');
      expect(clause.text.split('. ').length).toBeGreaterThanOrEqual(2);
    }
  });
});

describe('defaultClauses in both languages', () => {
  it('writes the governing language first and the other as its translation, clause by clause', () => {
    const chinese = chineseClausesFor(ALL_PURPOSES);
    const english = clausesFor(ALL_PURPOSES);
    expect(chinese.map((clause) => clause.key)).toEqual(english.map((clause) => clause.key));
    expect(chinese[0]!.title).toBe('定义');
    expect(chinese[0]!.translation?.title).toBe('Definitions');
    expect(english[0]!.translation?.title).toBe('定义');
    expect(english.find((c) => c.key === 'purpose-benchmarking')!.translation?.title).toBe('用途：基准测评');
  });

  it.each<[ContractLanguage]>([['zh-CN'], ['en']])(
    'fills every default clause in %s and its translation',
    (language) => {
      for (const clause of clausesFor(ALL_PURPOSES, language)) {
        expect(clause.title.trim()).not.toBe('');
        expect(clause.text.trim()).not.toBe('');
        expect(clause.translation?.title.trim()).not.toBe('');
        expect(clause.translation?.text.trim()).not.toBe('');
      }
    },
  );

  it('writes Chinese clauses without English letters (names of parties and datasets aside)', () => {
    for (const clause of chineseClausesFor(ALL_PURPOSES)) {
      expect(`${clause.title}${clause.text}`).not.toMatch(/[A-Za-z]/);
    }
    for (const clause of clausesFor(ALL_PURPOSES, 'en')) {
      const text = `${clause.translation!.title}${clause.translation!.text}`
        .replaceAll('Shanghai Humanoid Lab', '')
        .replaceAll('Pearl River Robotics', '')
        .replaceAll('Beijing Embodied AI Institute', '')
        .replaceAll('Kitchen pick-and-place 2025', '')
        .replaceAll('Warehouse tote handling', '');
      expect(text).not.toMatch(/[A-Za-z]/);
    }
  });

  it('drafts the Chinese as Chinese legal text: the parties by role, PRC law and arbitration', () => {
    const clauses = chineseClausesFor(['RESEARCH']);
    const definitions = clauses[0]!.text;
    expect(definitions).toContain('“数据提供方”指上海人形机器人实验室和珠江机器人公司');
    expect(definitions).toContain('“数据接收方”指北京具身智能研究院');
    expect(definitions).toContain('数据集“厨房抓取放置数据集”和“仓储周转箱搬运数据集”');
    const all = clauses.map((clause) => clause.text).join('');
    expect(all).not.toMatch(/甲方|乙方/);
    expect(all).toContain('本协议');
    const law = clauses.find((clause) => clause.key === 'governing-law')!.text;
    expect(law).toContain('本协议适用中华人民共和国法律');
    expect(law).toContain('仲裁');
  });

  it('writes a distinct Chinese paragraph for every purpose', () => {
    const texts = chineseClausesFor(ALL_PURPOSES)
      .filter((clause) => clause.key.startsWith('purpose-'))
      .map((clause) => clause.text);
    expect(new Set(texts).size).toBe(ALL_PURPOSES.length);
  });
});
