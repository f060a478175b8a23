import {
  findUsccProblem,
  normalizeUscc,
  USCC_ALPHABET,
  USCC_PROBLEM_MESSAGES,
  usccCheckCharacter,
  type UsccProblem,
} from './unified-social-credit-code';

/** Deterministic pseudo-random generator (mulberry32) so that failures are reproducible. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A well-formed 17-character prefix: alphabet characters with six digits in positions 3 to 8. */
function randomPrefix(random: () => number): string {
  const pick = (pool: string) => pool.charAt(Math.floor(random() * pool.length));
  let prefix = '';
  for (let index = 0; index < 17; index += 1) {
    prefix += index >= 2 && index < 8 ? pick('0123456789') : pick(USCC_ALPHABET);
  }
  return prefix;
}

describe('unified social credit code', () => {
  describe('valid codes', () => {
    it.each([['91350100M000100Y43'], ['91110108551385082Q']])('accepts the real code %s', (code) => {
      expect(findUsccProblem(code)).toBeUndefined();
      expect(usccCheckCharacter(code.slice(0, 17))).toBe(code.charAt(17));
    });

    it.each([
      ['91350100m000100y43', '91350100M000100Y43'],
      [' 9111 0108 5513 8508 2Q ', '91110108551385082Q'],
      ['91110108\t551385082q\n', '91110108551385082Q'],
    ])('normalizes the typed code %j so that it validates', (typed, stored) => {
      const normalized = normalizeUscc(typed);
      expect(normalized).toBe(stored);
      expect(findUsccProblem(normalized)).toBeUndefined();
    });
  });

  describe('problems', () => {
    it.each<[string, string, UsccProblem]>([
      ['empty', '', 'LENGTH'],
      ['17 characters', '91350100M000100Y4', 'LENGTH'],
      ['19 characters', '91350100M000100Y433', 'LENGTH'],
      ['a code with an inner space', '91350100M000 100Y43', 'LENGTH'],
      ['a lowercase letter before normalizing', '91350100m000100Y43', 'ALPHABET'],
      ['the letter I', '91350100I000100Y43', 'ALPHABET'],
      ['the letter O', '91350100O000100Y43', 'ALPHABET'],
      ['the letter S', '91350100S000100Y43', 'ALPHABET'],
      ['the letter V', '91350100V000100Y43', 'ALPHABET'],
      ['the letter Z', '91350100Z000100Y43', 'ALPHABET'],
      ['punctuation', '91350100-000100Y43', 'ALPHABET'],
      ['a letter in the division code', '9135A100M000100Y43', 'DIVISION'],
      ['a letter at the end of the division code', '913501A0M000100Y43', 'DIVISION'],
      ['a wrong check character', '91350100M000100Y44', 'CHECK_CHARACTER'],
      ['two swapped characters', '91110108551385802Q', 'CHECK_CHARACTER'],
      ['one mistyped digit', '91110108551385083Q', 'CHECK_CHARACTER'],
    ])('reports %s as %s', (_label, code, problem) => {
      expect(findUsccProblem(code)).toBe(problem);
    });

    it('reports the first problem when there are several (length before alphabet)', () => {
      expect(findUsccProblem('iosvz')).toBe('LENGTH');
    });

    it.each(Object.keys(USCC_PROBLEM_MESSAGES) as UsccProblem[])(
      'has a human-readable message for %s',
      (problem) => {
        expect(USCC_PROBLEM_MESSAGES[problem]).toMatch(/unified social credit code/);
      },
    );
  });

  describe('check character (property)', () => {
    const random = seededRandom(20150101);
    const prefixes = Array.from({ length: 50 }, () => [randomPrefix(random)] as const);

    it('uses a 31-character alphabet without I, O, S, V and Z', () => {
      expect(USCC_ALPHABET).toHaveLength(31);
      expect(new Set(USCC_ALPHABET).size).toBe(31);
      expect(USCC_ALPHABET).not.toMatch(/[IOSVZ]/);
    });

    it.each(prefixes)('accepts only the computed check character after %s', (prefix) => {
      const check = usccCheckCharacter(prefix);
      expect(USCC_ALPHABET).toContain(check);
      expect(check).toHaveLength(1);
      expect(findUsccProblem(prefix + check)).toBeUndefined();
      const rejected = [...USCC_ALPHABET]
        .filter((other) => other !== check)
        .map((other) => findUsccProblem(prefix + other));
      expect(rejected).toEqual(Array.from({ length: 30 }, () => 'CHECK_CHARACTER'));
    });

    it.each(prefixes.slice(0, 10))('catches every single-character typo in the first 17 of %s', (prefix) => {
      const code = prefix + usccCheckCharacter(prefix);
      for (let position = 0; position < 17; position += 1) {
        const pool = position >= 2 && position < 8 ? '0123456789' : USCC_ALPHABET;
        for (const typo of pool) {
          if (typo === code.charAt(position)) continue;
          const mistyped = code.slice(0, position) + typo + code.slice(position + 1);
          expect({ mistyped, problem: findUsccProblem(mistyped) }).toEqual({
            mistyped,
            problem: 'CHECK_CHARACTER',
          });
        }
      }
    });
  });
});
