import { configure, render, type RenderResult } from '@testing-library/react';
import i18next from 'i18next';
import type { ReactElement } from 'react';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { resources } from '../src/i18n/resources';

// Ant Design's forms validate asynchronously: on a busy machine (the whole suite on two cores) a
// message can take longer than Testing Library's default second to appear. Waits still end as soon
// as the element shows; only a genuinely missing one takes this long to fail.
configure({ asyncUtilTimeout: 10_000 });

let started: Promise<unknown> | undefined;

/** i18next with the app's real strings, in the given language. */
export async function startTestI18n(language: 'zh-CN' | 'en' = 'en'): Promise<void> {
  started ??= i18next.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: 'zh-CN',
    defaultNS: 'common',
    interpolation: { escapeValue: false },
  });
  await started;
  await i18next.changeLanguage(language);
}

/** Renders a component with the app's i18n (English unless told). */
export async function renderWithI18n(
  ui: ReactElement,
  language: 'zh-CN' | 'en' = 'en',
): Promise<RenderResult> {
  await startTestI18n(language);
  return render(<I18nextProvider i18n={i18next}>{ui}</I18nextProvider>);
}
