import type { Language } from './languages';

/**
 * Dates, numbers and money per locale. One Intl formatter per (language, style), reused: building
 * one is far dearer than using it.
 */
const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => T): T {
  let found = cache.get(key) as T | undefined;
  if (!found) {
    found = make();
    cache.set(key, found);
  }
  return found;
}

export interface Formatters {
  date(value: string | Date | null | undefined): string;
  dateTime(value: string | Date | null | undefined): string;
  number(value: number | null | undefined, maximumFractionDigits?: number): string;
  percent(fraction: number | null | undefined, maximumFractionDigits?: number): string;
  /** Minor units (fen, cents) as money in the given currency. */
  money(minorUnits: number | null | undefined, currency?: string): string;
  relative(value: string | Date, now?: Date): string;
}

const EMPTY = '—';

function toDate(value: string | Date): Date {
  // A LocalDate ("2026-11-26") is a calendar day, not UTC midnight.
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const [y, m, d] = value.split('-').map(Number) as [number, number, number];
    return new Date(y, m - 1, d);
  }
  return value instanceof Date ? value : new Date(value);
}

export function formattersFor(language: Language): Formatters {
  const locale = language === 'zh-CN' ? 'zh-CN' : 'en-GB';
  return {
    date: (value) =>
      value
        ? cached(`${locale}:date`, () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium' })).format(
            toDate(value),
          )
        : EMPTY,
    dateTime: (value) =>
      value
        ? cached(
            `${locale}:dateTime`,
            () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }),
          ).format(toDate(value))
        : EMPTY,
    number: (value, maximumFractionDigits = 2) =>
      value === null || value === undefined
        ? EMPTY
        : cached(
            `${locale}:number:${maximumFractionDigits}`,
            () => new Intl.NumberFormat(locale, { maximumFractionDigits }),
          ).format(value),
    percent: (fraction, maximumFractionDigits = 2) =>
      fraction === null || fraction === undefined
        ? EMPTY
        : cached(
            `${locale}:percent:${maximumFractionDigits}`,
            () => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits }),
          ).format(fraction),
    money: (minorUnits, currency = 'CNY') =>
      minorUnits === null || minorUnits === undefined
        ? EMPTY
        : cached(
            `${locale}:money:${currency}`,
            () => new Intl.NumberFormat(locale, { style: 'currency', currency }),
          ).format(minorUnits / 100),
    relative: (value, now = new Date()) => {
      const seconds = Math.round((toDate(value).getTime() - now.getTime()) / 1000);
      const rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
      const abs = Math.abs(seconds);
      if (abs < 60) return rtf.format(seconds, 'second');
      if (abs < 3600) return rtf.format(Math.round(seconds / 60), 'minute');
      if (abs < 86_400) return rtf.format(Math.round(seconds / 3600), 'hour');
      return rtf.format(Math.round(seconds / 86_400), 'day');
    },
  };
}
