/** The languages Tetrad speaks: Chinese first, English second. */
export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const LANGUAGE_STORAGE_KEY = 'tetrad.language';

/**
 * The language to start in: the person's earlier choice, else the browser's first language that
 * Tetrad speaks (any Chinese variant is served zh-CN), else Chinese.
 */
export function initialLanguage(stored: string | null, browser: readonly string[]): Language {
  if (stored === 'zh-CN' || stored === 'en') return stored;
  for (const tag of browser) {
    const lower = tag.toLowerCase();
    if (lower.startsWith('zh')) return 'zh-CN';
    if (lower.startsWith('en')) return 'en';
  }
  return 'zh-CN';
}
