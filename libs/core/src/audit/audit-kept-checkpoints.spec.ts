import { keptCheckpoints, MAX_KEPT_CHECKPOINTS } from './audit-kept-checkpoints';

const CHAIN = '00000000-0000-4000-8000-000000000800';
const CHECKPOINT = {
  chain: CHAIN,
  seq: '4',
  hash: 'a'.repeat(64),
  signedAt: '2026-12-03T10:00:00.000Z',
  keyId: '0123456789abcdef',
  signature: 'c2lnbmF0dXJl',
};

describe('keptCheckpoints', () => {
  it('reads what auditCheckpoints returned, its list, or nothing', () => {
    const later = { ...CHECKPOINT, seq: '5' };
    expect(
      keptCheckpoints({ chain: CHAIN, checkpoints: [CHECKPOINT], latest: later, publicKeys: [] }, CHAIN),
    ).toEqual([CHECKPOINT, later]);
    expect(keptCheckpoints([{ ...CHECKPOINT, extra: 'ignored' }], CHAIN)).toEqual([CHECKPOINT]);
    expect(keptCheckpoints(undefined, CHAIN)).toEqual([]);
    expect(keptCheckpoints(null, CHAIN)).toEqual([]);
  });

  it.each<[string, unknown, RegExp]>([
    ['an empty object', {}, /holds no checkpoint/],
    ['a string', 'checkpoints', /holds no checkpoint/],
    [
      'a checkpoint without a signature',
      [{ ...CHECKPOINT, signature: undefined }],
      /Checkpoint 1 is not a checkpoint/,
    ],
    ['a seq that is not a number', [{ ...CHECKPOINT, seq: '4; DROP' }], /is not a checkpoint/],
    [
      'another chain',
      [CHECKPOINT, { ...CHECKPOINT, chain: 'platform' }],
      /Checkpoint 2 belongs to chain platform/,
    ],
    ['too many', Array.from({ length: MAX_KEPT_CHECKPOINTS + 1 }, () => CHECKPOINT), /at most 10000/],
  ])('refuses %s, in words', (_label, value, message) => {
    expect(() => keptCheckpoints(value, CHAIN)).toThrow(message);
  });
});
