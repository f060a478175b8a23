import { languageOfUi, showsTranslationToggle } from './contract-language';

describe('showsTranslationToggle', () => {
  const translated = [{ translation: { title: '定义', text: '……' } }];
  const untranslated = [{ translation: null }];

  it.each<[string, 'ZH_CN' | 'EN', 'ZH_CN' | 'EN', { translation: unknown }[], boolean]>([
    ['a Chinese contract read in English', 'ZH_CN', 'EN', translated, true],
    ['a Chinese contract read in Chinese', 'ZH_CN', 'ZH_CN', translated, false],
    ['an English contract read in Chinese', 'EN', 'ZH_CN', translated, true],
    ['a contract without translations', 'EN', 'ZH_CN', untranslated, false],
  ])('%s: %s', (_case, governing, reader, clauses, shown) => {
    expect(showsTranslationToggle(governing, reader, clauses)).toBe(shown);
  });

  it('maps the app language to a contract language', () => {
    expect(languageOfUi('en')).toBe('EN');
    expect(languageOfUi('zh-CN')).toBe('ZH_CN');
  });
});
