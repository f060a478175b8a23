import { draftTitle, TITLE_LIMIT } from './contract-titles';

describe('draftTitle', () => {
  const one = { datasetNames: ['夜班分拣'], providerNames: ['上海人形'], recipientName: '北京研究院' };
  const two = { ...one, datasetNames: ['夜班分拣', '白班分拣'] };

  it.each<[string, Parameters<typeof draftTitle>[0], 'zh-CN' | 'en', string]>([
    ['one dataset in Chinese', one, 'zh-CN', '数据使用协议：夜班分拣 —— 上海人形 向 北京研究院 提供'],
    [
      'two datasets in Chinese',
      two,
      'zh-CN',
      '数据使用协议：夜班分拣等 2 个数据集 —— 上海人形 向 北京研究院 提供',
    ],
    [
      'two providers in English',
      {
        datasetNames: ['Night sort', 'Day sort', 'Totes'],
        providerNames: ['A Lab', 'B Works'],
        recipientName: 'C Institute',
      },
      'en',
      'Data-use agreement: Night sort and 2 other datasets from A Lab and B Works to C Institute',
    ],
    ['one dataset in English', one, 'en', 'Data-use agreement: 夜班分拣 from 上海人形 to 北京研究院'],
  ])('%s', (_case, input, language, title) => {
    expect(draftTitle(input, language)).toBe(title);
  });

  it('carries no purpose or other code', () => {
    expect(draftTitle(two, 'zh-CN')).not.toMatch(/[A-Z_]{4,}/);
  });

  it('shortens long names so the title fits, keeping every part', () => {
    const long = {
      datasetNames: ['数'.repeat(190), '另一个'],
      providerNames: ['提'.repeat(150), '供'.repeat(150)],
      recipientName: '收'.repeat(150),
    };
    for (const language of ['zh-CN', 'en'] as const) {
      const title = draftTitle(long, language);
      expect([...title].length).toBeLessThanOrEqual(TITLE_LIMIT);
      expect(title).toContain('…');
      expect(title).toContain('收');
      expect(title).toContain('提');
    }
  });
});
