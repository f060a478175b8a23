import { useCallback, useEffect, useState } from 'react';
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
  try {
    const stored = window.sessionStorage.getItem(key(contractId));
    return stored ? (JSON.parse(stored) as EditorDraft) : null;
  } catch {
    return null;
  }
}

/**
 * The editor's draft, kept in sessionStorage so a reload or a failed save loses nothing;
 * `restored` says it came back from storage rather than from the latest version.
 */
export function useEditorDraft(contractId: string) {
  const [draft, setDraft] = useState<EditorDraft | null>(() => read(contractId));
  const [restored] = useState(() => read(contractId) !== null);
  useEffect(() => {
    if (!draft) return;
    try {
      window.sessionStorage.setItem(key(contractId), JSON.stringify(draft));
    } catch {
      // Storage full or private mode: the draft lives only in memory.
    }
  }, [contractId, draft]);
  const clear = useCallback(() => {
    try {
      window.sessionStorage.removeItem(key(contractId));
    } catch {
      // nothing stored
    }
    setDraft(null);
  }, [contractId]);
  return { draft, setDraft, restored, clear };
}
