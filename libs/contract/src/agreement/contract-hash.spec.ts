import { createHash } from 'node:crypto';
import { CONTENT_HASH_ALGORITHM, contentHash, normalizeContent } from './contract-hash';
import type { ContractContent } from './contract-terms';

function agreement(): ContractContent {
  return {
    contractId: 'c-1',
    version: 2,
    title: 'Grasping data for Lab B',
    parties: [
      { organizationId: 'org-b', name: 'Lab B', role: 'RECIPIENT' },
      { organizationId: 'org-a', name: 'Robotics A', role: 'PROVIDER' },
    ],
    terms: {
      datasetIds: ['ds-2', 'ds-1'],
      purposes: ['RESEARCH', 'MODEL_TRAINING'],
      prohibitions: ['REDISTRIBUTE', 'COMMERCIAL_USE'],
      duties: [
        { duty: 'REPORT_PUBLICATIONS', dueInDays: 30 },
        { duty: 'ATTRIBUTE', dueInDays: null },
      ],
      startsOn: '2027-01-01',
      endsOn: '2027-12-31',
      excludedModalities: ['TACTILE', 'AUDIO'],
    },
    clauses: [
      { key: 'scope', title: 'Scope', text: 'The recipient may use the data for research.' },
      { key: 'liability', title: 'Liability', text: 'No warranty is given.' },
    ],
  };
}

type Edit = (content: ContractContent) => void;

describe('contentHash', () => {
  const reference = contentHash(agreement());

  it('is lowercase hex SHA-256 and names its scheme', () => {
    expect(reference).toMatch(/^[0-9a-f]{64}$/);
    expect(CONTENT_HASH_ALGORITHM).toBe('sha-256/canonical-json');
  });

  it('is the SHA-256 of the canonical JSON, with sets sorted and keys ordered (known answer)', () => {
    const content: ContractContent = {
      contractId: 'c',
      version: 1,
      title: 'T',
      parties: [],
      terms: {
        datasetIds: ['b', 'a'],
        purposes: [],
        prohibitions: [],
        duties: [],
        startsOn: '2027-01-01',
        endsOn: '2027-02-01',
        excludedModalities: [],
      },
      clauses: [{ key: 'k', title: 'K', text: 'x' }],
    };
    const canonical =
      '{"clauses":[{"key":"k","text":"x","title":"K"}],"contractId":"c","parties":[],' +
      '"terms":{"datasetIds":["a","b"],"duties":[],"endsOn":"2027-02-01","excludedModalities":[],' +
      '"prohibitions":[],"purposes":[],"startsOn":"2027-01-01"},"title":"T","version":1}';
    expect(contentHash(content)).toBe(createHash('sha256').update(canonical).digest('hex'));
  });

  it.each<[string, Edit]>([
    ['datasets reordered', (c) => c.terms.datasetIds.reverse()],
    ['purposes reordered', (c) => c.terms.purposes.reverse()],
    ['prohibitions reordered', (c) => c.terms.prohibitions.reverse()],
    ['duties reordered', (c) => c.terms.duties.reverse()],
    ['excluded modalities reordered', (c) => c.terms.excludedModalities.reverse()],
    ['parties reordered', (c) => c.parties.reverse()],
    ['an undeclared property added', (c) => Object.assign(c, { createdAt: '2027-01-01T00:00:00Z' })],
  ])('stays the same with %s', (_name, edit) => {
    const content = agreement();
    edit(content);
    expect(contentHash(content)).toBe(reference);
  });

  it.each<[string, Edit]>([
    ['a dataset added', (c) => c.terms.datasetIds.push('ds-3')],
    ['a purpose removed', (c) => c.terms.purposes.pop()],
    ['a prohibition added', (c) => c.terms.prohibitions.push('RE_IDENTIFY')],
    ['a duty due date changed', (c) => (c.terms.duties[0]!.dueInDays = 60)],
    ['a duty added', (c) => c.terms.duties.push({ duty: 'NOTIFY_BREACH', dueInDays: null })],
    ['the start moved', (c) => (c.terms.startsOn = '2027-01-02')],
    ['the end moved', (c) => (c.terms.endsOn = '2027-12-30')],
    ['a modality no longer excluded', (c) => c.terms.excludedModalities.pop()],
    ['a clause reworded', (c) => (c.clauses[0]!.text = 'The recipient may use the data for benchmarking.')],
    ['a clause retitled', (c) => (c.clauses[1]!.title = 'Warranty')],
    ['clauses reordered', (c) => c.clauses.reverse()],
    ['a clause added', (c) => c.clauses.push({ key: 'law', title: 'Law', text: 'Dutch law applies.' })],
    ['a party role changed', (c) => (c.parties[0]!.role = 'PROVIDER')],
    ['the title changed', (c) => (c.title = 'Grasping data')],
    ['the version changed', (c) => (c.version = 3)],
    ['the contract changed', (c) => (c.contractId = 'c-2')],
    ['a governing language added', (c) => (c.governingLanguage = 'en')],
    [
      'a translation added',
      (c) => (c.clauses[0]!.translation = { title: '范围', text: '数据接收方可将数据用于科学研究。' }),
    ],
  ])('changes with %s', (_name, edit) => {
    const content = agreement();
    edit(content);
    expect(contentHash(content)).not.toBe(reference);
  });
});

describe('contentHash across languages', () => {
  /** A version stored before contracts had a governing language or translations (as in the database). */
  const legacy: ContractContent = {
    contractId: 'c',
    version: 1,
    title: 'T',
    parties: [],
    terms: {
      datasetIds: ['b', 'a'],
      purposes: [],
      prohibitions: [],
      duties: [],
      startsOn: '2027-01-01',
      endsOn: '2027-02-01',
      excludedModalities: [],
    },
    clauses: [{ key: 'k', title: 'K', text: 'x' }],
  };
  const legacyCanonical =
    '{"clauses":[{"key":"k","text":"x","title":"K"}],"contractId":"c","parties":[],' +
    '"terms":{"datasetIds":["a","b"],"duties":[],"endsOn":"2027-02-01","excludedModalities":[],' +
    '"prohibitions":[],"purposes":[],"startsOn":"2027-01-01"},"title":"T","version":1}';
  const sha = (text: string) => createHash('sha256').update(text).digest('hex');

  it('hashes a legacy version exactly as before, also when read back with empty language fields', () => {
    expect(contentHash(legacy)).toBe(sha(legacyCanonical));
    const readBack = {
      ...legacy,
      governingLanguage: undefined,
      clauses: [{ ...legacy.clauses[0]!, translation: null }],
    };
    expect(contentHash(readBack)).toBe(sha(legacyCanonical));
  });

  it('includes the governing language and translations when present (known answer)', () => {
    const bilingual: ContractContent = {
      ...legacy,
      governingLanguage: 'zh-CN',
      clauses: [{ key: 'k', title: '甲', text: '乙', translation: { title: 'K', text: 'x' } }],
    };
    const canonical =
      '{"clauses":[{"key":"k","text":"乙","title":"甲","translation":{"text":"x","title":"K"}}],' +
      '"contractId":"c","governingLanguage":"zh-CN","parties":[],' +
      '"terms":{"datasetIds":["a","b"],"duties":[],"endsOn":"2027-02-01","excludedModalities":[],' +
      '"prohibitions":[],"purposes":[],"startsOn":"2027-01-01"},"title":"甲","version":1}';
    expect(contentHash({ ...bilingual, title: '甲' })).toBe(sha(canonical));
  });

  it('changes when only a translation changes, since both texts are what the parties sign', () => {
    const withTranslation = (text: string): ContractContent => ({
      ...legacy,
      governingLanguage: 'zh-CN',
      clauses: [{ key: 'k', title: '甲', text: '乙', translation: { title: 'K', text } }],
    });
    expect(contentHash(withTranslation('x'))).not.toBe(contentHash(withTranslation('y')));
  });
});

describe('normalizeContent', () => {
  it('sorts the sets, keeps the clause order and leaves its input alone', () => {
    const content = agreement();
    const normalized = normalizeContent(content);

    expect(normalized.terms.datasetIds).toEqual(['ds-1', 'ds-2']);
    expect(normalized.terms.purposes).toEqual(['MODEL_TRAINING', 'RESEARCH']);
    expect(normalized.terms.prohibitions).toEqual(['COMMERCIAL_USE', 'REDISTRIBUTE']);
    expect(normalized.terms.duties.map((d) => d.duty)).toEqual(['ATTRIBUTE', 'REPORT_PUBLICATIONS']);
    expect(normalized.terms.excludedModalities).toEqual(['AUDIO', 'TACTILE']);
    expect(normalized.parties.map((p) => p.organizationId)).toEqual(['org-a', 'org-b']);
    expect(normalized.clauses.map((c) => c.key)).toEqual(['scope', 'liability']);
    expect(content).toEqual(agreement());
  });
});
