import fc from 'fast-check';
import {
  applyChanges,
  changesBetween,
  mergeContent,
  PatchProblem,
  sameContent,
  type ConflictSide,
  type DraftContent,
} from './contract-merge';
import type { Duty, DutyTerm } from '../contract-terms';

const base: DraftContent = {
  title: 'Data-use agreement',
  terms: {
    datasetIds: ['d1'],
    purposes: ['RESEARCH'],
    prohibitions: ['REDISTRIBUTE'],
    duties: [
      { duty: 'ATTRIBUTE', dueInDays: null },
      { duty: 'REPORT_PUBLICATIONS', dueInDays: 30 },
    ],
    startsOn: '2027-01-01',
    endsOn: '2028-01-01',
    excludedModalities: [],
  },
  clauses: [
    { key: 'security', title: 'Security', text: 'Keep it safe.' },
    { key: 'publications', title: 'Publications', text: 'Acknowledge the providers.' },
    { key: 'liability', title: 'Liability', text: 'As is.' },
  ],
};

function edit(content: DraftContent, change: (draft: DraftContent) => void): DraftContent {
  const copy = structuredClone(content);
  change(copy);
  return copy;
}

describe('three-way merge of contract edits', () => {
  it('keeps both parties’ changes to different places, whatever the order of saving (the reported defect)', () => {
    // They (saved first): add BENCHMARKING and a duty to report publications within 14 days; I: edit Security, exclude audio.
    const theirs = edit(base, (draft) => {
      draft.terms.purposes.push('BENCHMARKING');
      draft.terms.duties.push({ duty: 'NOTIFY_BREACH', dueInDays: null });
    });
    const mine = edit(base, (draft) => {
      draft.clauses[0]!.text = 'Keep it safe. Logs are kept three years.';
      draft.terms.excludedModalities.push('AUDIO');
      draft.terms.purposes.push('MODEL_TRAINING');
    });
    const result = mergeContent(base, mine, theirs);
    expect(result.conflicts).toEqual([]);
    expect(result.content.terms.purposes).toEqual(['RESEARCH', 'BENCHMARKING', 'MODEL_TRAINING']);
    expect(result.content.terms.duties.map((term) => term.duty)).toContain('NOTIFY_BREACH');
    expect(result.content.terms.excludedModalities).toEqual(['AUDIO']);
    expect(result.content.clauses[0]!.text).toBe('Keep it safe. Logs are kept three years.');
  });

  it('reports a field both changed differently, keeps theirs until the person chooses, then takes the choice', () => {
    const theirs = edit(base, (draft) => {
      draft.clauses[1]!.text = 'Theirs.';
      draft.terms.endsOn = '2027-06-01';
    });
    const mine = edit(base, (draft) => {
      draft.clauses[1]!.text = 'Mine.';
      draft.clauses[1]!.title = 'Papers';
      draft.terms.endsOn = '2029-01-01';
    });
    const open = mergeContent(base, mine, theirs);
    expect(open.open).toBe(true);
    expect(open.conflicts.map((conflict) => [conflict.path, conflict.kind])).toEqual([
      ['terms.endsOn', 'BOTH_CHANGED'],
      ['clauses.publications.text', 'BOTH_CHANGED'],
    ]);
    expect(open.conflicts[0]).toMatchObject({ base: '2028-01-01', mine: '2029-01-01', theirs: '2027-06-01' });
    expect(open.content.clauses[1]).toEqual({ key: 'publications', title: 'Papers', text: 'Theirs.' });
    const chosen = mergeContent(
      base,
      mine,
      theirs,
      new Map<string, ConflictSide>([
        ['terms.endsOn', 'MINE'],
        ['clauses.publications.text', 'THEIRS'],
      ]),
    );
    expect(chosen.open).toBe(false);
    expect(chosen.content.terms.endsOn).toBe('2029-01-01');
    expect(chosen.content.clauses[1]!.text).toBe('Theirs.');
  });

  it('the same change on both sides is no conflict', () => {
    const both = edit(base, (draft) => {
      draft.terms.startsOn = '2027-02-01';
    });
    expect(mergeContent(base, both, both).conflicts).toEqual([]);
  });

  it('a clause one side removed and the other changed is a conflict', () => {
    const theirs = edit(base, (draft) => {
      draft.clauses.splice(2, 1);
    });
    const mine = edit(base, (draft) => {
      draft.clauses[2]!.text = 'Limited to the fees paid.';
    });
    const result = mergeContent(base, mine, theirs);
    expect(result.conflicts).toEqual([
      expect.objectContaining({ path: 'clauses.liability', kind: 'CHANGED_REMOVED', clauseKey: 'liability' }),
    ]);
    expect(result.content.clauses.map((clause) => clause.key)).toEqual(['security', 'publications']);
    const kept = mergeContent(base, mine, theirs, new Map([['clauses.liability', 'MINE' as const]]));
    expect(kept.content.clauses[2]!.text).toBe('Limited to the fees paid.');
    // Removing what they left alone simply removes it.
    const removedByMe = mergeContent(base, theirs, base);
    expect(removedByMe.content.clauses).toHaveLength(2);
  });

  it('puts clauses each side added after the clause they followed', () => {
    const theirs = edit(base, (draft) => {
      draft.clauses.splice(1, 0, { key: 'audit', title: 'Audit', text: 'Audits yearly.' });
    });
    const mine = edit(base, (draft) => {
      draft.clauses.push({ key: 'export', title: 'Export control', text: 'No export.' });
      draft.clauses.reverse();
    });
    const result = mergeContent(base, mine, theirs);
    expect(result.conflicts).toEqual([]);
    expect(result.content.clauses.map((clause) => clause.key)).toEqual([
      'export',
      'liability',
      'publications',
      'security',
      'audit',
    ]);
  });

  it('a duty removed by one side and given another period by the other is a conflict', () => {
    const theirs = edit(base, (draft) => {
      draft.terms.duties[1]!.dueInDays = 14;
    });
    const mine = edit(base, (draft) => {
      draft.terms.duties.splice(1, 1);
    });
    const result = mergeContent(base, mine, theirs);
    expect(result.conflicts.map((conflict) => conflict.path)).toEqual(['terms.duties.REPORT_PUBLICATIONS']);
    const mineWins = mergeContent(
      base,
      mine,
      theirs,
      new Map([['terms.duties.REPORT_PUBLICATIONS', 'MINE' as const]]),
    );
    expect(mineWins.content.terms.duties.map((term) => term.duty)).toEqual(['ATTRIBUTE']);
  });

  it('keeps a clause’s translation while its text stands, and drops it when the text changes without a new one', () => {
    const translated = edit(base, (draft) => {
      draft.clauses[0]!.translation = { title: '安全保障', text: '妥善保管。' };
    });
    const kept = applyChanges(translated, { clauses: { changed: [{ key: 'liability', text: 'Changed.' }] } });
    expect(kept.clauses[0]!.translation).toEqual({ title: '安全保障', text: '妥善保管。' });
    const rewritten = applyChanges(translated, {
      clauses: { changed: [{ key: 'security', text: 'Keep it safer.' }] },
    });
    expect(rewritten.clauses[0]!.translation).toBeUndefined();
    const retranslated = applyChanges(translated, {
      clauses: {
        changed: [
          {
            key: 'security',
            text: 'Keep it safer.',
            translation: { title: '安全保障', text: '更妥善地保管。' },
          },
        ],
      },
    });
    expect(retranslated.clauses[0]!.translation).toEqual({ title: '安全保障', text: '更妥善地保管。' });
    // Their new translation and my change of another clause merge; a translation is a field of its own.
    const theirs = edit(translated, (draft) => {
      draft.clauses[0]!.translation = { title: '安全', text: '保管好。' };
    });
    const merged = mergeContent(translated, kept, theirs);
    expect(merged.conflicts).toEqual([]);
    expect(merged.content.clauses[0]!.translation).toEqual({ title: '安全', text: '保管好。' });
    expect(changesBetween(translated, theirs).clauses?.changed).toEqual([
      { key: 'security', translation: { title: '安全', text: '保管好。' } },
    ]);
  });

  it('round-trips: the patch between two contents applied to the first gives the second', () => {
    const edited = edit(base, (draft) => {
      draft.title = 'New title';
      draft.terms.purposes = ['BENCHMARKING'];
      draft.terms.duties = [
        { duty: 'ATTRIBUTE', dueInDays: null },
        { duty: 'DELETE_ON_EXPIRY', dueInDays: 30 },
      ];
      draft.clauses = [
        { key: 'new', title: 'New', text: 'New text.' },
        { key: 'liability', title: 'Liability', text: 'Changed.' },
        { key: 'security', title: 'Security', text: 'Keep it safe.' },
      ];
    });
    const changes = changesBetween(base, edited);
    expect(changes.clauses?.removed).toEqual(['publications']);
    expect(sameContent(applyChanges(base, changes), edited)).toBe(true);
    expect(changesBetween(base, base)).toEqual({});
  });

  it('refuses a patch that does not fit the version it names', () => {
    expect(() => applyChanges(base, { clauses: { changed: [{ key: 'nope', text: 'x' }] } })).toThrow(
      PatchProblem,
    );
    expect(() => applyChanges(base, { clauses: { removed: ['nope'] } })).toThrow(/has no clause "nope"/);
    expect(() =>
      applyChanges(base, { clauses: { added: [{ key: 'security', title: 'S', text: 'T' }] } }),
    ).toThrow(/already used/);
    expect(() => applyChanges(base, { clauses: { order: ['security'] } })).toThrow(/exactly once/);
    expect(() => applyChanges(base, { purposes: { add: ['RESEARCH'], remove: ['RESEARCH'] } })).toThrow(
      /both added and removed/,
    );
  });
});

// ---- Property: random concurrent patches never lose a change without reporting a conflict. ----

const PURPOSES = ['RESEARCH', 'MODEL_TRAINING', 'BENCHMARKING', 'SIM_TO_REAL'] as const;
const DUTIES: Duty[] = ['ATTRIBUTE', 'DELETE_ON_EXPIRY', 'REPORT_PUBLICATIONS', 'NOTIFY_BREACH'];
const KEYS = ['a', 'b', 'c', 'd', 'e'];

const clauseArb = (key: string) =>
  fc.record({
    key: fc.constant(key),
    title: fc.constantFrom('T1', 'T2', 'T3'),
    text: fc.constantFrom('x', 'y', 'z'),
  });

const contentArb: fc.Arbitrary<DraftContent> = fc
  .record({
    title: fc.constantFrom('A', 'B'),
    purposes: fc.subarray([...PURPOSES]),
    duties: fc.subarray(DUTIES),
    periods: fc.array(fc.constantFrom(null, 7, 30), { minLength: 4, maxLength: 4 }),
    startsOn: fc.constantFrom('2027-01-01', '2027-02-01'),
    keys: fc.shuffledSubarray(KEYS),
  })
  .chain((shape) =>
    fc.tuple(...shape.keys.map(clauseArb)).map((clauses): DraftContent => ({
      title: shape.title,
      terms: {
        datasetIds: [],
        purposes: shape.purposes,
        prohibitions: [],
        duties: shape.duties.map((duty, index): DutyTerm => ({
          duty,
          dueInDays: shape.periods[index] ?? null,
        })),
        startsOn: shape.startsOn,
        endsOn: '2030-01-01',
        excludedModalities: [],
      },
      clauses: clauses,
    })),
  );

/** A random edit of `content`: each place changed or not, clauses added, removed, moved. */
function editArb(content: DraftContent): fc.Arbitrary<DraftContent> {
  return fc
    .record({
      title: fc.option(fc.constantFrom('A', 'B', 'C'), { nil: undefined }),
      purposes: fc.option(fc.subarray([...PURPOSES]), { nil: undefined }),
      duties: fc.option(fc.subarray(DUTIES), { nil: undefined }),
      period: fc.constantFrom(null, 7, 14),
      startsOn: fc.option(fc.constantFrom('2027-01-01', '2027-03-01'), { nil: undefined }),
      clauseEdits: fc.array(
        fc.option(
          fc.record({ field: fc.constantFrom('title', 'text'), value: fc.constantFrom('x', 'y', 'q', 'T9') }),
          { nil: null },
        ),
        {
          minLength: content.clauses.length,
          maxLength: content.clauses.length,
        },
      ),
      removals: fc.array(fc.boolean(), {
        minLength: content.clauses.length,
        maxLength: content.clauses.length,
      }),
      added: fc.subarray(['f', 'g'].filter((key) => !content.clauses.some((clause) => clause.key === key))),
      shuffle: fc.boolean(),
      seed: fc.integer(),
    })
    .map((choice) =>
      edit(content, (draft) => {
        if (choice.title) draft.title = choice.title;
        if (choice.purposes) draft.terms.purposes = choice.purposes;
        if (choice.duties) {
          const before = new Map(draft.terms.duties.map((term) => [term.duty, term.dueInDays]));
          draft.terms.duties = choice.duties.map((duty) => ({
            duty,
            dueInDays: before.has(duty) ? before.get(duty)! : choice.period,
          }));
          if (draft.terms.duties[0]) draft.terms.duties[0].dueInDays = choice.period;
        }
        if (choice.startsOn) draft.terms.startsOn = choice.startsOn;
        draft.clauses.forEach((clause, index) => {
          const change = choice.clauseEdits[index];
          if (change) clause[change.field] = change.value;
        });
        draft.clauses = draft.clauses.filter((_, index) => !choice.removals[index]);
        for (const key of choice.added)
          draft.clauses.push({ key, title: `New ${key}`, text: `${choice.seed}` });
        if (choice.shuffle) draft.clauses.reverse();
      }),
    );
}

/** Every place a content has, as path → JSON value ("absent" when it lacks it). */
function places(content: DraftContent): Map<string, string> {
  const map = new Map<string, string>([
    ['title', content.title],
    ['terms.startsOn', content.terms.startsOn],
    ['terms.endsOn', content.terms.endsOn],
  ]);
  for (const purpose of PURPOSES)
    map.set(`terms.purposes.${purpose}`, String(content.terms.purposes.includes(purpose)));
  for (const duty of DUTIES) {
    const term = content.terms.duties.find((candidate) => candidate.duty === duty);
    map.set(`terms.duties.${duty}`, term ? String(term.dueInDays) : 'absent');
  }
  for (const key of [...KEYS, 'f', 'g']) {
    const clause = content.clauses.find((candidate) => candidate.key === key);
    map.set(`clauses.${key}`, clause ? 'present' : 'absent');
    map.set(`clauses.${key}.title`, clause?.title ?? 'absent');
    map.set(`clauses.${key}.text`, clause?.text ?? 'absent');
  }
  return map;
}

/** Whether a reported conflict covers this place (a clause conflict covers its fields). */
function covered(conflicts: { path: string }[], place: string): boolean {
  return conflicts.some((conflict) => place === conflict.path || place.startsWith(`${conflict.path}.`));
}

describe('merge property', () => {
  it('never loses a change of either side without reporting a conflict there', () => {
    fc.assert(
      fc.property(
        contentArb.chain((original) => fc.tuple(fc.constant(original), editArb(original), editArb(original))),
        fc.constantFrom<ConflictSide>('MINE', 'THEIRS'),
        ([original, mine, theirs], side) => {
          const first = mergeContent(original, mine, theirs);
          const resolutions = new Map(first.conflicts.map((conflict) => [conflict.path, side]));
          const result = mergeContent(original, mine, theirs, resolutions);
          expect(result.open).toBe(false);
          const [b, m, t, r] = [places(original), places(mine), places(theirs), places(result.content)];
          for (const [place, value] of r) {
            const [mineValue, theirValue] = [m.get(place)!, t.get(place)!];
            const mineChanged = mineValue !== b.get(place);
            const theirsChanged = theirValue !== b.get(place);
            if (covered(first.conflicts, place)) continue;
            // Clause fields of a removed clause follow its presence, checked on its own place.
            if (place.split('.').length === 3 && place.startsWith('clauses.') && value === 'absent') continue;
            if (mineChanged) expect([place, value]).toEqual([place, mineValue]);
            else if (theirsChanged) expect([place, value]).toEqual([place, theirValue]);
            else expect([place, value]).toEqual([place, b.get(place)]);
          }
          // A chosen side wins at every conflict.
          const chosen = side === 'MINE' ? m : t;
          for (const conflict of first.conflicts) {
            if (conflict.path === 'clauses.order') continue;
            const place = conflict.path;
            expect([place, r.get(place)]).toEqual([place, chosen.get(place)]);
          }
          // Keys are unique and the merge of a content with itself changes nothing.
          const keys = result.content.clauses.map((clause) => clause.key);
          expect(new Set(keys).size).toBe(keys.length);
          expect(sameContent(mergeContent(original, original, theirs).content, theirs)).toBe(true);
          expect(sameContent(mergeContent(original, mine, original).content, mine)).toBe(true);
        },
      ),
      { numRuns: 400 },
    );
  });
});
