import type { ContractLanguage } from './document-blocks';

/**
 * What the .docx and PDF renderings of a contract document share: the facts every page repeats,
 * the files' names and types, and the few words that are not part of the document's blocks.
 */

export type DocumentFileFormat = 'DOCX' | 'PDF' | 'MARKDOWN';

export interface DocumentFileMeta {
  /** The contract's title, as the file's title property. */
  title: string;
  /** The version's SHA-256, repeated in every page's header. */
  contentHash: string;
  version: number;
  /**
   * The files' creation and modification date. Taken from the content (when the version was
   * written), never from the clock, so that the same content always gives the same bytes.
   */
  date: Date;
}

export const DOCUMENT_CONTENT_TYPES: Record<DocumentFileFormat, string> = {
  DOCX: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  PDF: 'application/pdf',
  MARKDOWN: 'text/markdown; charset=utf-8',
};

const EXTENSIONS: Record<DocumentFileFormat, string> = { DOCX: 'docx', PDF: 'pdf', MARKDOWN: 'md' };

/**
 * `<title>-v<version>.<ext>`: the title's letters and digits in any script (Chinese titles stay
 * Chinese), every other run of characters one hyphen, so the name is safe on every file system.
 */
export function documentFileName(title: string, version: number, format: DocumentFileFormat): string {
  const stem = title
    .normalize('NFKC')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  return `${stem || 'contract'}-v${version}.${EXTENSIONS[format]}`;
}

/** The words of the running header and footer, and the colon after a label, in the document's language. */
export const FILE_WORDS: Record<
  ContractLanguage,
  {
    colon: string;
    contentHash: string;
    version: (n: number) => string;
    page: (n: number, of: number) => string;
  }
> = {
  'zh-CN': {
    colon: '：',
    contentHash: '内容哈希（SHA-256）：',
    version: (n) => `第 ${n} 版`,
    page: (n, of) => `第 ${n} 页，共 ${of} 页`,
  },
  en: {
    colon: ': ',
    contentHash: 'Content hash (SHA-256): ',
    version: (n) => `Version ${n}`,
    page: (n, of) => `Page ${n} of ${of}`,
  },
};

/** Characters that XML 1.0 cannot carry and that no page shows: dropped from every text. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/** Text as written, less invisible control characters and with one kind of line break. */
export function plainText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(CONTROL_CHARACTERS, '');
}

/** A paragraph's text as paragraphs (split at blank lines), each as its lines. */
export function paragraphsOf(text: string): string[][] {
  return plainText(text)
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.split('\n').map((line) => line.trimEnd()))
    .filter((lines) => lines.some((line) => line.trim() !== ''));
}
