import { fireEvent, screen } from '@testing-library/react';
import { renderWithI18n } from '../../../test/render';
import { ClausesView } from './ClausesView';
import type { Contract } from './contract-types';

const version = {
  number: 2,
  contentHash: 'ab'.repeat(32),
  terms: {} as Contract['version']['terms'],
  clauses: [
    {
      key: 'definitions',
      title: '定义',
      text: '“数据”指数据集。',
      translation: { title: 'Definitions', text: '“Data” means the datasets.' },
    },
  ],
} as Contract['version'];

describe('ClausesView', () => {
  it('shows the governing Chinese text to an English reader, and the translation marked as such on request', async () => {
    await renderWithI18n(<ClausesView version={version} governingLanguage="ZH_CN" />, 'en');
    expect(screen.getByText('1. 定义')).toBeTruthy();
    expect(screen.queryByTestId('translation-notice')).toBeNull();
    fireEvent.click(screen.getByRole('switch', { name: 'Show the convenience translation' }));
    expect(screen.getByText('1. Definitions')).toBeTruthy();
    expect(screen.getByText('Convenience translation')).toBeTruthy();
    expect(screen.getByTestId('translation-notice').textContent).toContain(
      'the Chinese text of this agreement governs',
    );
  });

  it('marks the Chinese translation of an English contract 参考译文', async () => {
    const english = {
      ...version,
      clauses: [
        {
          key: 'definitions',
          title: 'Definitions',
          text: '“Data” means the datasets.',
          translation: { title: '定义', text: '“数据”指数据集。' },
        },
      ],
    };
    await renderWithI18n(<ClausesView version={english} governingLanguage="EN" />, 'zh-CN');
    fireEvent.click(screen.getByRole('switch', { name: '显示参考译文' }));
    expect(screen.getByText('1. 定义')).toBeTruthy();
    expect(screen.getByText('参考译文')).toBeTruthy();
    expect(screen.getByTestId('translation-notice').textContent).toContain('本协议以英文文本为准');
  });

  it('offers no translation to a reader of the governing language', async () => {
    await renderWithI18n(<ClausesView version={version} governingLanguage="ZH_CN" />, 'zh-CN');
    expect(screen.queryByRole('switch')).toBeNull();
  });
});
