import { reasonNeed, reasonProblem, type ReasonNeed, type ReasonProblem } from './review-reason';

describe('reasonNeed', () => {
  it.each<[string, boolean | undefined, ReasonNeed]>([
    ['APPROVE', undefined, 'none'],
    ['APPROVE', true, 'none'],
    ['APPROVE', false, 'reject'],
    ['DENY', undefined, 'none'],
    ['DENY', true, 'override'],
    ['DENY', false, 'reject'],
    ['ABSTAIN', true, 'override'],
    ['ABSTAIN', false, 'reject'],
  ])('advice %s, approve %s → %s', (advice, approve, expected) => {
    expect(reasonNeed(advice, approve)).toBe(expected);
  });
});

describe('reasonProblem', () => {
  it.each<[string, string, boolean | undefined, string | undefined, ReasonProblem | null]>([
    ['approving what the matcher advised needs nothing', 'APPROVE', true, undefined, null],
    ['no verdict yet needs nothing', 'DENY', undefined, undefined, null],
    ['a refusal without a reason', 'APPROVE', false, '  ', 'rejectRequired'],
    ['a refusal with a short reason is enough', 'DENY', false, 'No.', null],
    ['approving a DENY without a reason', 'DENY', true, undefined, 'overrideRequired'],
    ['approving an ABSTAIN with blanks', 'ABSTAIN', true, ' \n ', 'overrideRequired'],
    ['approving a DENY with a short reason', 'DENY', true, 'ok fine', 'overrideTooShort'],
    ['9 Chinese characters are too short', 'DENY', true, '已与法务确认研究用', 'overrideTooShort'],
    ['10 Chinese characters are enough', 'DENY', true, '已与法务确认仅供研究', null],
    ['a written reason', 'ABSTAIN', true, 'Duration confirmed with the PI.', null],
    ['any reason beyond 2,000 characters', 'APPROVE', true, 'x'.repeat(2_001), 'tooLong'],
  ])('%s', (_case, advice, approve, reason, expected) => {
    expect(reasonProblem(advice, approve, reason)).toBe(expected);
  });
});
