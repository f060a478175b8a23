/**
 * A contract document as a language-neutral list of blocks: built once from a contract version
 * (contract-document.ts) and rendered as Markdown, .docx or PDF, so every format says the same.
 * Text is plain (never markup): each renderer escapes or lays it out itself.
 */
export type ContractLanguage = 'zh-CN' | 'en';

export const CONTRACT_LANGUAGES: readonly ContractLanguage[] = ['zh-CN', 'en'];

export type DocumentBlock =
  /** The document's title, once, first. */
  | { kind: 'title'; text: string }
  /** A section (level 1) or a clause heading (level 2). */
  | { kind: 'heading'; level: 1 | 2; text: string }
  | { kind: 'paragraph'; text: string; emphasis?: 'note' | 'quote' }
  /** Label: value pairs (version, status, hash...). */
  | { kind: 'fields'; rows: { label: string; value: string; monospace?: boolean }[] }
  /** A bullet list; an item may carry sub-items one level deep. */
  | { kind: 'list'; items: { text: string; items?: string[] }[] }
  | { kind: 'table'; header: string[]; rows: string[][] };

export interface ContractDocumentModel {
  /** The language this rendering is written in. */
  language: ContractLanguage;
  /** The contract's governing language: a rendering in any other language is a convenience translation. */
  governingLanguage: ContractLanguage;
  blocks: DocumentBlock[];
}
