import { InvalidInputError } from '../errors/domain-error';
import { decodeCursor, encodeCursor, type SortValue } from './keyset';

const ID = '0b9d7f8e-7a6c-4c53-9b0e-3f6d2a1c5e4f';

function base64url(payload: unknown): string {
  return Buffer.from(JSON.stringify(payload)).toString('base64url');
}

function decodeError(cursor: string, sortName: string): unknown {
  try {
    decodeCursor(cursor, sortName);
  } catch (error) {
    return error;
  }
  throw new Error(`decodeCursor accepted ${cursor}`);
}

describe('keyset cursors', () => {
  it.each<[string, SortValue]>([
    ['a string', 'Unitree Robotics'],
    ['an empty string', ''],
    ['non-ASCII text', '深圳市优必选科技股份有限公司'],
    ['text with quotes and slashes', 'A "quoted" / \\ name'],
    ['an integer', 42],
    ['zero', 0],
    ['a negative decimal', -3.25],
    ['true', true],
    ['false', false],
    ['null', null],
  ])('round-trips %s', (_label, value) => {
    const cursor = encodeCursor('name', value, ID);
    expect(decodeCursor(cursor, 'name')).toEqual({ s: 'name', v: value, id: ID });
  });

  it('produces an opaque, URL-safe cursor', () => {
    const cursor = encodeCursor('name', 'a/b+c?d=e', ID);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(cursor).not.toContain('name');
  });

  it('gives different cursors to different rows and sort orders', () => {
    const cursors = new Set([
      encodeCursor('name', 'x', ID),
      encodeCursor('name', 'y', ID),
      encodeCursor('name', 'x', 'other-id'),
      encodeCursor('createdAt', 'x', ID),
    ]);
    expect(cursors.size).toBe(4);
  });

  it.each<[string, string]>([
    ['random text', 'not-a-cursor'],
    ['an empty string', ''],
    ['base64 of plain text', Buffer.from('hello').toString('base64url')],
    ['JSON null', base64url(null)],
    ['a JSON array', base64url(['name', 'x', ID])],
    ['a JSON string', base64url('name')],
    ['a payload without id', base64url({ s: 'name', v: 'x' })],
    ['a payload without sort name', base64url({ v: 'x', id: ID })],
    ['a numeric id', base64url({ s: 'name', v: 'x', id: 7 })],
    ['an object value', base64url({ s: 'name', v: { $gt: '' }, id: ID })],
    ['an array value', base64url({ s: 'name', v: ['x'], id: ID })],
    ['a missing value', base64url({ s: 'name', id: ID })],
    ['a truncated cursor', encodeCursor('name', 'x', ID).slice(0, 20)],
  ])('rejects a forged cursor (%s) as BAD_USER_INPUT', (_label, cursor) => {
    const error = decodeError(cursor, 'name');
    expect(error).toBeInstanceOf(InvalidInputError);
    expect(error).toMatchObject({
      code: 'BAD_USER_INPUT',
      message: 'The cursor in `after` is not valid. Start again from the first page.',
    });
  });

  it.each<[string, string]>([
    ['name', 'createdAt'],
    ['createdAt', 'name'],
    ['name', 'NAME'],
  ])('rejects a cursor made for sort %s when reading sort %s', (madeFor, readAs) => {
    const error = decodeError(encodeCursor(madeFor, 'x', ID), readAs);
    expect(error).toBeInstanceOf(InvalidInputError);
    expect(error).toMatchObject({
      code: 'BAD_USER_INPUT',
      message: expect.stringMatching(/another sort order/),
    });
  });
});
