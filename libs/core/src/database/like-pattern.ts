/**
 * A `%…%` pattern that matches `text` literally: its `%`, `_` and `\` are escaped.
 * Use it with `ILIKE :pattern ESCAPE '\'`.
 */
export function containsPattern(text: string): string {
  return `%${text.trim().replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}
