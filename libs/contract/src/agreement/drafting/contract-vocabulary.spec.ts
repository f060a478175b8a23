import {
  CONTRACT_STATUS_LABELS,
  dateInWords,
  dateTimeInWords,
  DUTY_LABELS,
  listInWords,
  MODALITY_LABELS,
  PARTY_ROLE_LABELS,
  PROHIBITION_LABELS,
  PROHIBITION_PHRASES,
  PURPOSE_LABELS,
  timeZoneInWords,
} from './contract-vocabulary';
import { CONTRACT_LANGUAGES, type ContractLanguage } from '../documents/document-blocks';

const VOCABULARIES = {
  purposes: PURPOSE_LABELS,
  prohibitions: PROHIBITION_LABELS,
  prohibitionPhrases: PROHIBITION_PHRASES,
  duties: DUTY_LABELS,
  modalities: MODALITY_LABELS,
  partyRoles: PARTY_ROLE_LABELS,
  statuses: CONTRACT_STATUS_LABELS,
};

describe('the contract vocabulary', () => {
  it.each(Object.entries(VOCABULARIES))(
    'names every %s term in both languages, once each',
    (_name, words) => {
      const chinese = Object.entries(words['zh-CN']);
      const english = Object.entries(words.en);
      expect(chinese.map(([code]) => code).sort()).toEqual(english.map(([code]) => code).sort());
      for (const [, word] of [...chinese, ...english]) expect(word.trim()).not.toBe('');
      expect(new Set(chinese.map(([, word]) => word)).size).toBe(chinese.length);
      expect(new Set(english.map(([, word]) => word)).size).toBe(english.length);
    },
  );

  it('uses the glossary names issue 18 asked to settle', () => {
    expect(PURPOSE_LABELS['zh-CN'].BENCHMARKING).toBe('基准测评');
    expect(PURPOSE_LABELS['zh-CN'].REDISTRIBUTE_DERIVED).toBe('再分发衍生成果');
    expect(DUTY_LABELS['zh-CN'].ATTRIBUTE).toBe('署名引用');
    expect(DUTY_LABELS['zh-CN'].NOTIFY_BREACH).toBe('通报安全事件');
  });

  it('writes Chinese without Latin letters, except the RGB modality (a code)', () => {
    for (const words of Object.values(VOCABULARIES)) {
      for (const word of Object.values(words['zh-CN'])) {
        expect(word.replace('RGB', '')).not.toMatch(/[A-Za-z]/);
      }
    }
  });
});

describe('listInWords', () => {
  it.each<[string[], ContractLanguage, string]>([
    [[], 'en', ''],
    [['A'], 'en', 'A'],
    [['A', 'B'], 'en', 'A and B'],
    [['A', 'B', 'C'], 'en', 'A, B and C'],
    [[], 'zh-CN', ''],
    [['甲'], 'zh-CN', '甲'],
    [['甲', '乙'], 'zh-CN', '甲和乙'],
    [['甲', '乙', '丙'], 'zh-CN', '甲、乙和丙'],
  ])('%p in %s reads as %p', (items, language, words) => {
    expect(listInWords(items, language)).toBe(words);
  });
});

describe('dates in words', () => {
  it.each<[string, ContractLanguage, string]>([
    ['2026-12-03', 'zh-CN', '2026年12月3日'],
    ['2026-12-03', 'en', '3 December 2026'],
    ['2027-01-31', 'zh-CN', '2027年1月31日'],
    ['2027-01-31', 'en', '31 January 2027'],
  ])('%s in %s is %s', (date, language, words) => {
    expect(dateInWords(date, language)).toBe(words);
  });

  it.each(['2026-13-01', '3 Dec 2026', ''])('refuses %j', (date) => {
    for (const language of CONTRACT_LANGUAGES) expect(() => dateInWords(date, language)).toThrow(RangeError);
  });

  it('states a moment in the time zone, named in words', () => {
    const instant = new Date('2026-12-02T16:30:00Z');
    expect(dateTimeInWords(instant, 'Asia/Shanghai', 'zh-CN')).toBe('2026年12月3日 00:30（北京时间）');
    expect(dateTimeInWords(instant, 'Asia/Shanghai', 'en')).toBe('3 December 2026, 00:30 (Beijing time)');
    expect(dateTimeInWords(instant, 'Europe/Berlin', 'en')).toBe(
      '2 December 2026, 17:30 (Europe/Berlin time)',
    );
    expect(timeZoneInWords('UTC', 'zh-CN')).toBe('UTC 时区');
  });
});
