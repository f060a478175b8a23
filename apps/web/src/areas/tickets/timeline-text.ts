import type { TFunction } from 'i18next';
import { isStatus } from './ticket-meta';

// Audit actions hold dots, which i18next reads as nesting: map them to flat keys.
const KEYS = {
  'ticket.raise': 'raise',
  'ticket.triage': 'triage',
  'ticket.assign': 'assign',
  'ticket.transition': 'transition',
  'ticket.comment.add': 'commentAdd',
  'ticket.comment.edit': 'commentEdit',
  'ticket.comment.delete': 'commentDelete',
  'ticket.watch': 'watch',
  'ticket.unwatch': 'unwatch',
  'ticket.link': 'link',
  'ticket.linkDataset': 'linkDataset',
  'ticket.unlinkDataset': 'unlinkDataset',
} as const;

/** An audit entry of the ticket in words; a move names the state it went to. */
export function timelineText(t: TFunction<'tickets'>, action: string, after: unknown): string {
  const key = (KEYS as Record<string, (typeof KEYS)[keyof typeof KEYS]>)[action];
  if (!key) return t('actions.other', { action });
  const status = (after as { status?: unknown } | null)?.status;
  const to = typeof status === 'string' && isStatus(status) ? t(`status.${status}`) : '';
  return t(`actions.${key}`, { to });
}
