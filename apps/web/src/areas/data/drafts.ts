import { readDraft } from '../../components/draft';

export { clearDraft, writeDraft as saveDraft } from '../../components/draft';

/** A form's values: what the draft kept over the defaults. */
export function loadDraft<T extends object>(key: string, fallback: T): T {
  return { ...fallback, ...readDraft<T>(key) };
}
