import { ConflictError, NotFoundError } from '../errors/domain-error';
import { throughParent } from './authorized-record';

describe('throughParent', () => {
  const sent = '7a1f6f0e-3c4b-4d2a-9a55-0b6f1f2c3d4e';
  const parent = 'c0ffee00-1111-4222-8333-444455556666';

  it('answers a parent out of reach as the record the caller named, under the id sent', async () => {
    const answer = throughParent('ContractObligation', sent, () =>
      Promise.reject(new NotFoundError('DataSharingContract', parent)),
    );
    await expect(answer).rejects.toThrow(new NotFoundError('ContractObligation', sent));
    await expect(answer).rejects.not.toThrow(parent);
  });

  it.each([
    ['a refusal the caller may see', new ConflictError('This obligation has been met already.')],
    ['a fault', new Error('connection lost')],
  ])('lets %s through unchanged', async (_label, error) => {
    await expect(throughParent('ContractObligation', sent, () => Promise.reject(error))).rejects.toBe(error);
  });

  it('returns the parent when it is in reach', async () => {
    await expect(
      throughParent('MilestoneProposal', sent, () => Promise.resolve({ id: parent })),
    ).resolves.toEqual({
      id: parent,
    });
  });
});
