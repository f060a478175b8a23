import { resources } from './resources';
import { formattersFor } from './format';
import { initialLanguage } from './languages';

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keys(child, prefix ? `${prefix}.${key}` : key));
}

describe('translations', () => {
  it.each(Object.keys(resources['zh-CN']))('namespace %s has the same keys in Chinese and English', (ns) => {
    const zh = keys(resources['zh-CN'][ns as keyof (typeof resources)['zh-CN']]).sort();
    const en = keys(resources.en[ns as keyof (typeof resources)['en']]).sort();
    expect(en).toEqual(zh);
  });

  it('leaves no string empty or marked TODO', () => {
    const walk = (value: unknown, path: string): string[] =>
      typeof value === 'string'
        ? value.trim() === '' || value.includes('TODO')
          ? [path]
          : []
        : Object.entries(value as object).flatMap(([k, v]) => walk(v, `${path}.${k}`));
    expect([...walk(resources['zh-CN'], 'zh-CN'), ...walk(resources.en, 'en')]).toEqual([]);
  });
});

describe('initialLanguage', () => {
  it('keeps an earlier choice, else follows the browser, else Chinese', () => {
    expect(initialLanguage('en', ['zh-CN'])).toBe('en');
    expect(initialLanguage(null, ['en-US', 'zh-CN'])).toBe('en');
    expect(initialLanguage(null, ['zh-TW'])).toBe('zh-CN');
    expect(initialLanguage(null, ['fr-FR', 'de'])).toBe('zh-CN');
    expect(initialLanguage('fr', [])).toBe('zh-CN');
  });
});

describe('formatters', () => {
  it('formats money from minor units per locale', () => {
    expect(formattersFor('zh-CN').money(123456)).toBe('¥1,234.56');
    expect(formattersFor('en').money(123456)).toBe('CN¥1,234.56');
  });

  it('formats a calendar day without shifting it through UTC', () => {
    expect(formattersFor('zh-CN').date('2026-03-01')).toBe('2026年3月1日');
    expect(formattersFor('en').date('2026-03-01')).toBe('1 Mar 2026');
  });

  it('shows a dash for a missing value', () => {
    expect(formattersFor('en').number(null)).toBe('—');
    expect(formattersFor('en').dateTime(undefined)).toBe('—');
  });
});
