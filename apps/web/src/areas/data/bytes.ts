const UNITS = ['B', 'KB', 'MB', 'GB', 'TB', 'PB', 'EB'] as const;

/** A size in bytes (a decimal string: it may exceed 2^53) in the largest fitting binary unit. */
export function scaleBytes(bytes: string): { value: number; unit: (typeof UNITS)[number] } {
  let value = Number(bytes);
  if (!Number.isFinite(value) || value < 0) return { value: 0, unit: 'B' };
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return { value, unit: UNITS[unit]! };
}
