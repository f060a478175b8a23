import { canonicalTimeZone, dateInTimeZone, startOfDateInTimeZone } from './time-zone';

describe('canonicalTimeZone', () => {
  it.each([
    ['Asia/Shanghai', 'Asia/Shanghai'],
    ['Europe/Berlin', 'Europe/Berlin'],
    ['UTC', 'UTC'],
  ])('accepts %s', (name, canonical) => {
    expect(canonicalTimeZone(name)).toBe(canonical);
  });

  it.each(['Beijing', 'Asia/Nowhere', '', '+08:00', 'Asia/Shanghai; DROP TABLE'])('refuses %j', (name) => {
    expect(canonicalTimeZone(name)).toBeNull();
  });
});

describe('dateInTimeZone', () => {
  it.each([
    ['2026-12-02T15:59:59Z', 'Asia/Shanghai', '2026-12-02'],
    ['2026-12-02T16:00:00Z', 'Asia/Shanghai', '2026-12-03'],
    ['2026-12-03T03:00:00Z', 'America/Los_Angeles', '2026-12-02'],
    ['2026-12-03T00:00:00Z', 'UTC', '2026-12-03'],
  ])('%s in %s is %s', (instant, zone, date) => {
    expect(dateInTimeZone(new Date(instant), zone)).toBe(date);
  });
});

describe('startOfDateInTimeZone', () => {
  it.each([
    ['2026-12-03', 'Asia/Shanghai', '2026-12-02T16:00:00.000Z'],
    ['2026-12-03', 'UTC', '2026-12-03T00:00:00.000Z'],
    ['2026-07-01', 'Europe/Berlin', '2026-06-30T22:00:00.000Z'],
    ['2026-01-01', 'Europe/Berlin', '2025-12-31T23:00:00.000Z'],
    // The day daylight saving starts in Berlin (29 March 2026) still begins at its midnight.
    ['2026-03-29', 'Europe/Berlin', '2026-03-28T23:00:00.000Z'],
    ['2026-03-30', 'Europe/Berlin', '2026-03-29T22:00:00.000Z'],
  ])('%s in %s begins at %s', (date, zone, instant) => {
    expect(startOfDateInTimeZone(date, zone).toISOString()).toBe(instant);
  });

  it('round-trips with dateInTimeZone', () => {
    const start = startOfDateInTimeZone('2026-12-03', 'Asia/Shanghai');
    expect(dateInTimeZone(start, 'Asia/Shanghai')).toBe('2026-12-03');
    expect(dateInTimeZone(new Date(start.getTime() - 1), 'Asia/Shanghai')).toBe('2026-12-02');
  });
});
