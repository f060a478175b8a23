import { useCallback, useEffect, useRef, useState } from 'react';
import { clearDraft, readDraft, writeDraft } from '../../components/draft';
import type { Clause, Content } from './clause-editing';

/** What the editor holds: the version it started from, and the person's unsaved changes. */
export interface EditorDraft {
  baseVersion: number;
  base: Content;
  clauses: Clause[];
  terms: Content['terms'];
  note: string;
}

const key = (contractId: string) => `tetrad.contracts.draft.${contractId}`;

function read(contractId: string): EditorDraft | null {
  return (readDraft<EditorDraft>(key(contractId)) as EditorDraft | undefined) ?? null;
}

/**
 * The editor's draft, kept in sessionStorage so a reload or a failed save loses nothing;
 * `restored` says it came back from storage rather than from the latest version. After a
 * successful save `clear` forgets it for good: nothing is written again while the page closes,
 * so reopening the editor starts from the latest version, not from the one just replaced.
 */
export function useEditorDraft(contractId: string) {
  const [draft, setDraft] = useState<EditorDraft | null>(() => read(contractId));
  const [restored] = useState(() => read(contractId) !== null);
  const saved = useRef(false);
  useEffect(() => {
    if (draft && !saved.current) writeDraft(key(contractId), draft);
  }, [contractId, draft]);
  const clear = useCallback(() => {
    saved.current = true;
    clearDraft(key(contractId));
  }, [contractId]);
  /** Starts over from `next` (the latest version), forgetting what was stored. */
  const reset = useCallback(
    (next: EditorDraft) => {
      clearDraft(key(contractId));
      setDraft(next);
    },
    [contractId],
  );
  return { draft, setDraft, restored, clear, reset };
}
