import { contractChanges, hasChanges } from './edit-patch';
import type { Content } from './clause-editing';

const clone = (content: Content): Content => JSON.parse(JSON.stringify(content)) as Content;

const base: Content = {
  clauses: [
    { key: 'security', title: 'Security', text: 'Keep it safe.' },
    { key: 'publications', title: 'Publications', text: 'Acknowledge.' },
  ],
  terms: {
    datasetIds: ['d1'],
    purposes: ['RESEARCH'],
    prohibitions: ['REDISTRIBUTE'],
    duties: [{ duty: 'ATTRIBUTE', dueInDays: null }],
    startsOn: '2027-01-01',
    endsOn: '2028-01-01',
    excludedModalities: [],
  },
};

describe('the patch the editor sends', () => {
  it('is empty when nothing changed', () => {
    expect(hasChanges(contractChanges(base, clone(base)))).toBe(false);
  });

  it('names only what the person touched: set additions and removals, duties, dates, clause fields', () => {
    const mine = clone(base);
    mine.terms.purposes = ['MODEL_TRAINING'];
    mine.terms.excludedModalities = ['AUDIO'];
    mine.terms.duties = [{ duty: 'REPORT_PUBLICATIONS', dueInDays: 30 }];
    mine.terms.endsOn = '2029-01-01';
    mine.clauses[1]!.text = 'Acknowledge the providers.';
    mine.clauses.push({ key: 'clause-3', title: 'Audit', text: 'Yearly.' });
    expect(contractChanges(base, mine)).toEqual({
      purposes: { add: ['MODEL_TRAINING'], remove: ['RESEARCH'] },
      excludedModalities: { add: ['AUDIO'], remove: [] },
      duties: { set: [{ duty: 'REPORT_PUBLICATIONS', dueInDays: 30 }], remove: ['ATTRIBUTE'] },
      endsOn: '2029-01-01',
      clauses: {
        changed: [{ key: 'publications', text: 'Acknowledge the providers.' }],
        added: [{ key: 'clause-3', title: 'Audit', text: 'Yearly.' }],
      },
    });
  });

  it('sends the order only when the person moved clauses, and removals by key', () => {
    const moved = clone(base);
    moved.clauses.reverse();
    expect(contractChanges(base, moved).clauses).toEqual({ order: ['publications', 'security'] });
    const removed = clone(base);
    removed.clauses.shift();
    expect(contractChanges(base, removed).clauses).toEqual({ removed: ['security'] });
  });
});
