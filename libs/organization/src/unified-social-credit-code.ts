/**
 * Unified social credit code (统一社会信用代码), GB 32100-2015: 18 characters from a 31-character
 * alphabet (digits and capitals without I, O, S, V, Z); characters 3–8 are the administrative
 * division code; the 18th is a check character, a weighted sum modulo 31.
 */
export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

export type UsccProblem = 'LENGTH' | 'ALPHABET' | 'DIVISION' | 'CHECK_CHARACTER';

export const USCC_PROBLEM_MESSAGES: Record<UsccProblem, string> = {
  LENGTH: 'a unified social credit code has exactly 18 characters',
  ALPHABET: 'a unified social credit code uses only digits and capital letters other than I, O, S, V and Z',
  DIVISION:
    'characters 3 to 8 of a unified social credit code are the administrative division code (six digits)',
  CHECK_CHARACTER:
    'the last character of this unified social credit code does not match the others; check for a typo',
};

/** Upper-cases and strips spaces so that a code typed by hand compares equal to the stored one. */
export function normalizeUscc(input: string): string {
  return input.replace(/\s+/g, '').toUpperCase();
}

export function usccCheckCharacter(first17: string): string {
  let sum = 0;
  for (let index = 0; index < 17; index += 1) {
    sum += USCC_ALPHABET.indexOf(first17.charAt(index)) * WEIGHTS[index]!;
  }
  return USCC_ALPHABET.charAt((31 - (sum % 31)) % 31);
}

/** The first problem of a normalized code, or undefined when it is valid. */
export function findUsccProblem(code: string): UsccProblem | undefined {
  if (code.length !== 18) return 'LENGTH';
  if ([...code].some((character) => !USCC_ALPHABET.includes(character))) return 'ALPHABET';
  if (!/^\d{6}$/.test(code.slice(2, 8))) return 'DIVISION';
  if (usccCheckCharacter(code.slice(0, 17)) !== code.charAt(17)) return 'CHECK_CHARACTER';
  return undefined;
}
