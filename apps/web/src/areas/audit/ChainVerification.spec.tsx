import { fireEvent, screen, waitFor } from '@testing-library/react';
import { Client, makeResult, Provider, type Exchange, type Operation } from 'urql';
import { filter, fromValue, mergeMap, pipe } from 'wonka';
import { renderWithI18n } from '../../../test/render';
import { ChainVerification } from './ChainVerification';

const CONSORTIUM = '7d3f9a62-5b1e-4c1a-9d0e-2f6b8c4a1e90';

/** A client that answers each query from `answers`, by operation name, and records what was asked. */
function clientAnswering(answers: Record<string, unknown>, asked: Operation[]): Client {
  const exchange: Exchange = () => (operations$) =>
    pipe(
      operations$,
      filter((operation) => operation.kind === 'query'),
      mergeMap((operation) => {
        asked.push(operation);
        const name = operation.query.definitions
          .map((definition) => ('name' in definition ? definition.name?.value : undefined))
          .find(Boolean)!;
        return fromValue(makeResult(operation, { data: answers[name] as Record<string, unknown> }));
      }),
    );
  return new Client({ url: 'http://localhost/graphql', exchanges: [exchange] });
}

const VALID = {
  verifyAuditChain: {
    __typename: 'AuditVerification',
    valid: true,
    checkedEntries: 1,
    headSeq: '42',
    checkpointSeq: '42',
    firstProblem: null,
  },
};

const TRUNCATED = {
  verifyAuditChain: {
    __typename: 'AuditVerification',
    valid: false,
    checkedEntries: 40,
    headSeq: '40',
    checkpointSeq: '40',
    firstProblem: {
      __typename: 'AuditProblem',
      seq: '41',
      id: null,
      kind: 'TRUNCATED',
      message: 'the signed checkpoint #42 names entries up to #42, but the chain ends at #40',
    },
  },
};

describe('ChainVerification', () => {
  it("verifies the consortium's own chain and counts its entries, not the entries read", async () => {
    const asked: Operation[] = [];
    await renderWithI18n(
      <Provider value={clientAnswering({ AuditVerify: VALID }, asked)}>
        <ChainVerification consortiumId={CONSORTIUM} />
      </Provider>,
      'zh-CN',
    );
    expect(await screen.findByText('校验通过：本联盟的哈希链共 42 条记录，与签名检查点一致')).toBeTruthy();
    expect(asked[0]?.variables).toEqual({ consortiumId: CONSORTIUM });
  });

  it('names a cut-off end, with no entry id to copy', async () => {
    await renderWithI18n(
      <Provider value={clientAnswering({ AuditVerify: TRUNCATED }, [])}>
        <ChainVerification consortiumId={CONSORTIUM} />
      </Provider>,
    );
    expect(await screen.findByText('The chain is broken at entry 41')).toBeTruthy();
    expect(screen.getByText(/entries were removed from the end/)).toBeTruthy();
    expect(screen.queryByText(/Entry id/)).toBeNull();
  });

  it('downloads the latest signed checkpoint to keep', async () => {
    const asked: Operation[] = [];
    const saved: Blob[] = [];
    URL.createObjectURL = (blob: Blob) => {
      saved.push(blob);
      return 'blob:kept';
    };
    URL.revokeObjectURL = () => {};
    const downloads: string[] = [];
    // jsdom does not navigate: note the file name the link would save under.
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      downloads.push(this.download);
    });
    const checkpoints = {
      auditCheckpoints: {
        __typename: 'AuditCheckpoints',
        chain: CONSORTIUM,
        consortiumId: CONSORTIUM,
        length: '42',
        latest: null,
        publicKeys: [],
      },
    };
    await renderWithI18n(
      <Provider value={clientAnswering({ AuditVerify: VALID, AuditCheckpoints: checkpoints }, asked)}>
        <ChainVerification consortiumId={CONSORTIUM} />
      </Provider>,
    );
    fireEvent.click(await screen.findByRole('button', { name: /Download signed checkpoints/ }));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(asked.map((operation) => operation.variables)).toContainEqual({ consortiumId: CONSORTIUM });
    expect(downloads).toEqual([`audit-checkpoints-${CONSORTIUM}-42.json`]);
    const text = await new Promise<string>((done) => {
      const reader = new FileReader();
      reader.onload = () => done(reader.result as string);
      reader.readAsText(saved[0]!);
    });
    expect(JSON.parse(text)).toMatchObject({ chain: CONSORTIUM, length: '42' });
    click.mockRestore();
  });
});
