/**
 * A consortium's time zone (an IANA name such as Asia/Shanghai): contract periods are dates in it,
 * so "the contract starts on 3 December" means midnight of 3 December where the parties are.
 * Pure functions over Intl, no dependency.
 */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

/** The canonical spelling of an IANA time zone name, or null if Intl does not know it. */
export function canonicalTimeZone(name: string): string | null {
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]{0,63}$/.test(name)) return null;
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

/** The calendar date (YYYY-MM-DD) of an instant in a time zone. */
export function dateInTimeZone(instant: Date, timeZone: string): string {
  const parts = wallClock(instant.getTime(), timeZone);
  return `${pad(parts.year, 4)}-${pad(parts.month, 2)}-${pad(parts.day, 2)}`;
}

/** The instant a calendar date (YYYY-MM-DD) begins in a time zone: its local midnight. */
export function startOfDateInTimeZone(isoDate: string, timeZone: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) throw new RangeError(`"${isoDate}" is not a date in the form YYYY-MM-DD.`);
  const midnightUtc = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  // Two passes settle the offset across a daylight-saving change on or near that day.
  let instant = midnightUtc - offsetAt(midnightUtc, timeZone);
  instant = midnightUtc - offsetAt(instant, timeZone);
  return new Date(instant);
}

/** Local wall-clock time minus UTC at an instant, in milliseconds (+8 h for Asia/Shanghai). */
function offsetAt(instant: number, timeZone: string): number {
  const p = wallClock(instant, timeZone);
  const wallAsUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return wallAsUtc - Math.floor(instant / 1000) * 1000;
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function wallClock(instant: number, timeZone: string): WallClock {
  const formatter = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  const parts = Object.fromEntries(
    formatter.formatToParts(new Date(instant)).map((part) => [part.type, part.value]),
  );
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}
