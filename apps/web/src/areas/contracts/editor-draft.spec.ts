import { act, renderHook } from '@testing-library/react';
import { useEditorDraft, type EditorDraft } from './editor-draft';

const KEY = 'tetrad.contracts.draft.c-1';
const content = {
  clauses: [{ key: 'purpose', title: 'Purpose', text: 'Research only.' }],
  terms: {},
} as unknown as EditorDraft['base'];
const draft = (baseVersion: number): EditorDraft => ({ baseVersion, base: content, ...content, note: '' });

describe('useEditorDraft', () => {
  beforeEach(() => window.sessionStorage.clear());

  it('keeps unsaved changes across a reload, and says they were restored', () => {
    const first = renderHook(() => useEditorDraft('c-1'));
    act(() => first.result.current.setDraft(draft(2)));
    expect(window.sessionStorage.getItem(KEY)).not.toBeNull();
    first.unmount();
    const second = renderHook(() => useEditorDraft('c-1'));
    expect(second.result.current.restored).toBe(true);
    expect(second.result.current.draft?.baseVersion).toBe(2);
  });

  it('forgets the draft for good after a save: reopening starts from the latest version', () => {
    const editor = renderHook(() => useEditorDraft('c-1'));
    act(() => editor.result.current.setDraft(draft(2)));
    act(() => editor.result.current.clear());
    // The page may still re-render (or re-seed) before it closes: nothing is written back.
    act(() => editor.result.current.setDraft(draft(2)));
    editor.unmount();
    expect(window.sessionStorage.getItem(KEY)).toBeNull();
    const reopened = renderHook(() => useEditorDraft('c-1'));
    expect(reopened.result.current.restored).toBe(false);
    expect(reopened.result.current.draft).toBeNull();
  });
});
