import { clauseHash, clauseSinceComment, commentsOpenFor, quoteFound, squashSpaces } from './clause-comments';
import { ContractStatus } from '../../contract-enums';
import { ClauseSinceComment } from './dto/clause-comment.types';

const security = { key: 'security', title: 'Security', text: 'Keep logs for one year.' };

describe('clauseSinceComment', () => {
  const made = { clauseKey: 'security', clauseHash: clauseHash(security) };

  it.each<[string, (typeof security)[], ClauseSinceComment]>([
    ['the same clause', [security], ClauseSinceComment.UNCHANGED],
    [
      'the same clause moved among others',
      [{ ...security, key: 'law' }, security],
      ClauseSinceComment.UNCHANGED,
    ],
    ['a changed text', [{ ...security, text: 'Keep logs for three years.' }], ClauseSinceComment.CHANGED],
    ['a changed title', [{ ...security, title: 'Information security' }], ClauseSinceComment.CHANGED],
    ['no clause of that key', [{ ...security, key: 'security-2' }], ClauseSinceComment.REMOVED],
  ])('tells %s', (_label, latest, expected) => {
    expect(clauseSinceComment(made, latest)).toBe(expected);
  });

  it('has nothing to say of a comment on the whole version', () => {
    expect(clauseSinceComment({ clauseKey: null, clauseHash: null }, [security])).toBeNull();
  });

  it('does not confuse a title ending with the start of the text', () => {
    expect(clauseHash({ title: 'a b', text: 'c' })).not.toBe(clauseHash({ title: 'a', text: 'b c' }));
  });
});

describe('quoteFound', () => {
  it.each([
    ['an exact passage', 'logs for one', true],
    ['a passage selected across a line break', 'logs\nfor  one', true],
    ['the whole text', ' Keep logs for one year. ', true],
    ['words not in the clause', 'logs for two', false],
    ['a passage with a letter changed', 'Logs for one', false],
  ])('%s', (_label, quote, expected) => {
    expect(quoteFound(quote, security.text)).toBe(expected);
  });

  it('keeps a quote with its spacing squashed', () => {
    expect(squashSpaces('  logs\n\tfor   one ')).toBe('logs for one');
  });
});

describe('commentsOpenFor', () => {
  it.each<[ContractStatus, Date | null, boolean]>([
    [ContractStatus.DRAFT, null, true],
    [ContractStatus.IN_NEGOTIATION, null, true],
    [ContractStatus.AGREED, null, true],
    [ContractStatus.AGREED, new Date(), false],
    [ContractStatus.ACTIVE, new Date(), false],
    [ContractStatus.SUSPENDED, new Date(), false],
    [ContractStatus.EXPIRED, new Date(), false],
    [ContractStatus.TERMINATED, null, false],
  ])('%s (fully signed: %s) → %s', (storedStatus, fullySignedAt, expected) => {
    expect(commentsOpenFor({ storedStatus, fullySignedAt })).toBe(expected);
  });
});
