import { fireEvent, screen, waitFor } from '@testing-library/react';
import { Provider, type Client } from 'urql';
import { renderWithI18n } from '../../../test/render';
import type { Contract } from './contract-types';
import { DownloadsCard } from './DownloadsCard';

const contract = {
  id: 'c1',
  title: '数据使用协议',
  agreedVersion: 2,
  currentVersion: 3,
} as Contract;

/** A client that answers every document query with one small PDF, and records what was asked. */
function fakeClient() {
  const asked: Record<string, unknown>[] = [];
  const client = {
    query: (_query: unknown, variables: Record<string, unknown>) => {
      asked.push(variables);
      return {
        toPromise: () =>
          Promise.resolve({
            data: {
              contractDocumentFile: {
                filename: '数据使用协议-v2.pdf',
                contentType: 'application/pdf',
                contentBase64: 'JVBERi0=',
              },
            },
          }),
      };
    },
  } as unknown as Client;
  return { client, asked };
}

describe('DownloadsCard', () => {
  const saved: { name: string; blob: Blob }[] = [];

  beforeEach(() => {
    saved.length = 0;
    let blob: Blob | undefined;
    URL.createObjectURL = (object: Blob | MediaSource) => {
      blob = object as Blob;
      return 'blob:document';
    };
    URL.revokeObjectURL = () => undefined;
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push({ name: this.download, blob: blob! });
    });
  });

  afterEach(() => jest.restoreAllMocks());

  it('offers Word, PDF and Markdown in Chinese, in the governing language unless another is chosen', async () => {
    const { client, asked } = fakeClient();
    await renderWithI18n(
      <Provider value={client}>
        <DownloadsCard contract={contract} />
      </Provider>,
      'zh-CN',
    );
    expect(screen.getByText('合同语言')).toBeTruthy();
    expect(screen.getByRole('button', { name: '下载 Word 文档（.docx）' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '下载合同文本（Markdown）' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '下载 PDF' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(asked).toEqual([{ id: 'c1', format: 'PDF', language: null }]);
    expect(saved[0]!.name).toBe('数据使用协议-v2.pdf');
    expect(saved[0]!.blob.type).toBe('application/pdf');
    // The base64 decoded: the five bytes of "%PDF-".
    expect(saved[0]!.blob.size).toBe(5);
  });

  it('asks for a convenience translation in the language chosen, and says what it is', async () => {
    const { client, asked } = fakeClient();
    await renderWithI18n(
      <Provider value={client}>
        <DownloadsCard contract={contract} />
      </Provider>,
    );
    expect(screen.queryByText(/convenience translation/)).toBeNull();
    fireEvent.click(screen.getByText('English'));
    expect(screen.getByText(/convenience translation/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Download as Word (.docx)' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(asked).toEqual([{ id: 'c1', format: 'DOCX', language: 'EN' }]);
  });
});
