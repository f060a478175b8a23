import type { MatchDecision } from '@tetrad/dataset';
import { overrideReasonProblem, overridesMatcher } from './matcher-override';

describe('overridesMatcher', () => {
  it.each<[MatchDecision, boolean, boolean]>([
    ['APPROVE', true, false],
    ['APPROVE', false, false],
    ['DENY', true, true],
    ['DENY', false, false],
    ['ABSTAIN', true, true],
    ['ABSTAIN', false, false],
  ])('advice %s, approve %s → %s', (advice, approve, expected) => {
    expect(overridesMatcher(advice, approve)).toBe(expected);
  });
});

describe('overrideReasonProblem', () => {
  const long = 'x'.repeat(2_001);
  it.each<[string, MatchDecision, boolean, string | undefined, RegExp | null]>([
    ['an approval the matcher advised needs no reason', 'APPROVE', true, undefined, null],
    ['a rejection is not an override', 'DENY', false, undefined, null],
    [
      'approving a DENY without a reason',
      'DENY',
      true,
      undefined,
      /advised against this request: .*write why/,
    ],
    ['approving a DENY with blanks only', 'DENY', true, '   \n ', /write why/],
    ['approving an ABSTAIN without a reason', 'ABSTAIN', true, '', /could not decide this request/],
    ['approving a DENY with a too short reason', 'DENY', true, 'ok fine', /at least 10 characters/],
    [
      'a reason counted in characters, not bytes: 9 Chinese characters',
      'DENY',
      true,
      '已与法务确认研究用',
      /at least 10/,
    ],
    ['10 Chinese characters are enough', 'DENY', true, '已与法务确认仅供研究', null],
    ['approving a DENY with a reason', 'DENY', true, 'The owner agreed by phone on 3 May.', null],
    ['approving an ABSTAIN with a reason', 'ABSTAIN', true, 'Duration confirmed with the PI.', null],
    ['a reason beyond 2,000 characters', 'DENY', true, long, /at most 2,000 characters/],
  ])('%s', (_case, advice, approve, reason, expected) => {
    const problem = overrideReasonProblem(advice, approve, reason);
    if (expected === null) expect(problem).toBeNull();
    else expect(problem).toMatch(expected);
  });
});
