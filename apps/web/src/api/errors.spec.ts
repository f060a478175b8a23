import { CombinedError } from 'urql';
import { GraphQLError } from 'graphql';
import { fromGraphQLErrors, toApiProblem } from './errors';

describe('toApiProblem', () => {
  it('reads the code, the message and the field problems without the input prefix', () => {
    const problem = fromGraphQLErrors([
      {
        message: 'Invalid input: title must not be empty.',
        extensions: {
          code: 'BAD_USER_INPUT',
          problems: [
            { field: 'input.title', message: 'title must not be empty' },
            { field: 'input.purpose.outputs', message: 'name at least one output' },
          ],
        },
      },
    ]);
    expect(problem).toEqual({
      code: 'BAD_USER_INPUT',
      message: 'Invalid input: title must not be empty.',
      fields: { title: 'title must not be empty', 'purpose.outputs': 'name at least one output' },
    });
  });

  it('treats an unknown code as an internal error and keeps the request id', () => {
    expect(
      fromGraphQLErrors([{ message: 'boom', extensions: { code: 'WEIRD', requestId: 'r-1' } }]),
    ).toMatchObject({ code: 'INTERNAL_SERVER_ERROR', requestId: 'r-1' });
  });

  it('reports a failed connection as NETWORK', () => {
    const error = new CombinedError({ networkError: new Error('Failed to fetch') });
    expect(toApiProblem(error)?.code).toBe('NETWORK');
    expect(
      toApiProblem(
        new CombinedError({
          graphQLErrors: [new GraphQLError('gone', { extensions: { code: 'NOT_FOUND' } })],
        }),
      )?.code,
    ).toBe('NOT_FOUND');
    expect(toApiProblem(undefined)).toBeUndefined();
  });
});
