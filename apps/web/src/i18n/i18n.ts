import i18next from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import { formattersFor, type Formatters } from './format';
import { initialLanguage, LANGUAGE_STORAGE_KEY, type Language } from './languages';
import { resources } from './resources';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: (typeof resources)['zh-CN'];
  }
}

function storedLanguage(): string | null {
  try {
    return window.localStorage.getItem(LANGUAGE_STORAGE_KEY);
  } catch {
    return null;
  }
}

/** Starts i18next once, in the person's language (see initialLanguage). */
export async function startI18n(language?: Language): Promise<typeof i18next> {
  const lng = language ?? initialLanguage(storedLanguage(), navigator.languages ?? [navigator.language]);
  await i18next.use(initReactI18next).init({
    resources,
    lng,
    fallbackLng: 'zh-CN',
    defaultNS: 'common',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = lng;
  return i18next;
}

export function changeLanguage(language: Language): void {
  try {
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
  document.documentElement.lang = language;
  void i18next.changeLanguage(language);
}

/** The formatters of the current language, re-rendering when it changes. */
export function useFormat(): Formatters {
  const { i18n } = useTranslation();
  return formattersFor(i18n.language === 'en' ? 'en' : 'zh-CN');
}
