import { dateInTimeZone } from '@tetrad/consortium';
import { addDays } from '../drafting/clause-templates';
import type { Clause, ContractContent, ContractTerms, DutyTerm } from '../contract-terms';
import {
  dateInWords,
  dateTimeInWords,
  LANGUAGE_NAMES,
  listInWords,
  MODALITY_LABELS,
  PARTY_ROLE_LABELS,
  PROHIBITION_PHRASES,
  purposeLabel,
  statusLabel,
  timeZoneInWords,
} from '../drafting/contract-vocabulary';
import { DOCUMENT_WORDS, type DocumentWords } from './contract-document-words';
import type { ContractDocumentModel, ContractLanguage, DocumentBlock } from './document-blocks';

/**
 * A contract version as a readable document (DOMAIN.md, "Data": "exports ... as a readable
 * document"): first a language-neutral model of blocks (document-blocks.ts), in the contract's
 * governing language or, marked as such, as a convenience translation; then Markdown from the
 * blocks. Every value that comes from users is escaped in Markdown: names and clause text are
 * shown as written, never interpreted as Markdown or HTML.
 */

export interface DocumentSignature {
  organizationName: string;
  signerName: string;
  /** ISO 8601 timestamp. */
  signedAt: string;
  /** The content hash the signatory signed. */
  hash: string;
}

/** A dataset approved against the purpose matcher's advice, in the request the contract was drafted from. */
export interface DocumentMatcherOverride {
  datasetName: string;
  /** DENY or ABSTAIN. */
  decision: string;
  rationale: string[];
  matcherVersion: string;
  reason: string;
  organizationName: string;
  stewardName: string;
  /** ISO 8601 timestamp. */
  at: string;
}

export interface ContractDocumentInput {
  content: ContractContent;
  contentHash: string;
  status: string;
  datasetNames: Record<string, string>;
  signatures: DocumentSignature[];
  matcherOverrides?: DocumentMatcherOverride[];
  /** The consortium's time zone (IANA): the period's dates and signature times are stated in it. */
  timeZone: string;
}

/** Characters that would otherwise start emphasis, code, links or HTML. */
const MARKDOWN_SIGNIFICANT = /[\\`*_[\]<>~]/g;

/** The document in one language: the governing one, or a convenience translation marked as such. */
export function contractDocumentBlocks(
  input: ContractDocumentInput,
  language: ContractLanguage,
): ContractDocumentModel {
  const { content } = input;
  const governingLanguage = content.governingLanguage ?? 'en';
  const words = DOCUMENT_WORDS[language];
  const translated = language !== governingLanguage;
  const blocks: DocumentBlock[] = [
    { kind: 'title', text: content.title },
    ...(translated
      ? [
          {
            kind: 'paragraph' as const,
            text: words.translationNotice(LANGUAGE_NAMES[language][governingLanguage]),
            emphasis: 'note' as const,
          },
        ]
      : []),
    {
      kind: 'fields',
      rows: [
        { label: words.version, value: words.versionN(content.version) },
        { label: words.status, value: statusLabel(input.status, language) },
        { label: words.governingLanguage, value: LANGUAGE_NAMES[language][governingLanguage] },
        { label: words.contentHash, value: input.contentHash, monospace: true },
      ],
    },
    { kind: 'heading', level: 1, text: words.parties },
    {
      kind: 'table',
      header: [words.organisation, words.role],
      rows: content.parties.map((party) => [party.name, PARTY_ROLE_LABELS[language][party.role]]),
    },
    { kind: 'heading', level: 1, text: words.datasets },
    {
      kind: 'list',
      items: content.terms.datasetIds.map((id) => ({
        text: words.dataset(input.datasetNames[id] ?? id, id),
      })),
    },
    ...overrideBlocks(input.matcherOverrides ?? [], input.timeZone, language),
    { kind: 'heading', level: 1, text: words.terms },
    { kind: 'list', items: termItems(content.terms, input.timeZone, language) },
    { kind: 'heading', level: 1, text: words.clauses },
    ...content.clauses.flatMap((clause, index) => clauseBlocks(clause, index, translated, words)),
    ...signatureBlocks(input, language),
  ];
  return { language, governingLanguage, blocks };
}

/** The Markdown download: the document's blocks in the language asked for. */
export function contractDocument(input: ContractDocumentInput, language?: ContractLanguage): string {
  return renderMarkdown(contractDocumentBlocks(input, language ?? input.content.governingLanguage ?? 'en'));
}

export function renderMarkdown(model: ContractDocumentModel): string {
  const colon = model.language === 'zh-CN' ? '：' : ':';
  const sections = model.blocks.map((block) => markdownBlock(block, colon));
  return `${sections.join('\n\n')}\n`;
}

function markdownBlock(block: DocumentBlock, colon: string): string {
  switch (block.kind) {
    case 'title':
      return `# ${escapeLine(block.text)}`;
    case 'heading':
      return `${block.level === 1 ? '##' : '###'} ${escapeHeading(block.text)}`;
    case 'paragraph':
      return block.emphasis
        ? block.text
            .trim()
            .split(/\r?\n/)
            .map((line) => `> ${escapeMarkdown(line)}`.trimEnd())
            .join('\n')
        : escapeMarkdown(block.text);
    case 'fields':
      return block.rows
        .map(({ label, value, monospace }) =>
          monospace && !value.includes('`')
            ? `- **${escapeLine(label)}${colon}** \`${value}\``
            : `- **${escapeLine(label)}${colon}** ${escapeLine(value)}`,
        )
        .join('\n');
    case 'list':
      return block.items
        .flatMap((item) => [
          `- ${escapeLine(item.text)}`,
          ...(item.items ?? []).map((sub) => `  - ${escapeLine(sub)}`),
        ])
        .join('\n');
    case 'table':
      return table(block.header, block.rows).join('\n');
  }
}

/** A table cell: escaped, with `|` escaped so it cannot open a column, on one line. */
export function escapeTableCell(text: string): string {
  return escapeLine(text).replaceAll('|', '\\|');
}

function termItems(terms: ContractTerms, timeZone: string, language: ContractLanguage): ListItem[] {
  const words = DOCUMENT_WORDS[language];
  const purposes = terms.purposes.map((purpose) => purposeLabel(purpose, language));
  const excluded = terms.excludedModalities.map((modality) => MODALITY_LABELS[language][modality]);
  const date = (isoDate: string) => dateInWords(isoDate, language);
  return [
    { text: words.purposes(purposes.length > 0 ? listInWords(purposes, language) : null) },
    {
      text: words.prohibitions(terms.prohibitions.length > 0),
      items: terms.prohibitions.map((prohibition) =>
        words.sentence(PROHIBITION_PHRASES[language][prohibition]),
      ),
    },
    {
      text: words.duties(terms.duties.length > 0),
      items: terms.duties.map((duty) => dutySentence(duty, terms, words, date)),
    },
    { text: words.period(date(terms.startsOn), date(terms.endsOn), timeZoneInWords(timeZone, language)) },
    { text: words.excluded(excluded.length > 0 ? listInWords(excluded, language) : null) },
  ];
}

type ListItem = Extract<DocumentBlock, { kind: 'list' }>['items'][number];

/** Shown before the terms, so that neither legal team reads them without knowing of the override. */
function overrideBlocks(
  overrides: readonly DocumentMatcherOverride[],
  timeZone: string,
  language: ContractLanguage,
): DocumentBlock[] {
  if (overrides.length === 0) return [];
  const words = DOCUMENT_WORDS[language];
  return [
    { kind: 'heading', level: 1, text: words.overridesHeading },
    { kind: 'paragraph', text: words.overridesIntro },
    ...overrides.flatMap((override): DocumentBlock[] => [
      {
        kind: 'list',
        items: [
          {
            text: words.override(
              override.datasetName,
              override.matcherVersion,
              override.decision,
              override.rationale.join(' '),
            ),
            items: [
              words.approvedBy(
                override.stewardName,
                override.organizationName,
                dateInWords(dateInTimeZone(new Date(override.at), timeZone), language),
              ),
            ],
          },
        ],
      },
      { kind: 'paragraph', text: override.reason.trim(), emphasis: 'quote' },
    ]),
  ];
}

/** A clause in the document's language: the translation in a convenience translation, if it has one. */
function clauseBlocks(
  clause: Clause,
  index: number,
  translated: boolean,
  words: DocumentWords,
): DocumentBlock[] {
  const shown = translated && clause.translation ? clause.translation : clause;
  return [
    { kind: 'heading', level: 2, text: `${index + 1}. ${shown.title}` },
    ...(translated && !clause.translation
      ? [{ kind: 'paragraph' as const, text: words.untranslatedClause, emphasis: 'note' as const }]
      : []),
    { kind: 'paragraph', text: shown.text },
  ];
}

function dutySentence(
  term: DutyTerm,
  terms: ContractTerms,
  words: DocumentWords,
  date: (isoDate: string) => string,
): string {
  switch (term.duty) {
    case 'ATTRIBUTE':
      return words.attribute;
    case 'NOTIFY_BREACH':
      return words.notifyBreach;
    case 'DELETE_ON_EXPIRY': {
      const days = term.dueInDays ?? 0;
      return words.deleteOnExpiry(days, date(addDays(terms.endsOn, days)));
    }
    case 'REPORT_PUBLICATIONS':
      return term.dueInDays === null
        ? words.reportPublications(null, null)
        : words.reportPublications(term.dueInDays, date(addDays(terms.startsOn, term.dueInDays)));
  }
}

function signatureBlocks(input: ContractDocumentInput, language: ContractLanguage): DocumentBlock[] {
  const words = DOCUMENT_WORDS[language];
  const rows = input.signatures.map((signature) => [
    signature.organizationName,
    signature.signerName,
    dateTimeInWords(new Date(signature.signedAt), input.timeZone, language),
    signature.hash === input.contentHash ? words.yes : words.no,
  ]);
  return [
    { kind: 'heading', level: 1, text: words.signatures },
    { kind: 'fields', rows: [{ label: words.contentHash, value: input.contentHash, monospace: true }] },
    rows.length > 0
      ? { kind: 'table', header: [words.organisation, words.signer, words.signedAt, words.hashMatches], rows }
      : { kind: 'paragraph', text: words.noSignature },
  ];
}

function table(header: string[], rows: string[][]): string[] {
  const line = (cells: string[]) => `| ${cells.map(escapeTableCell).join(' | ')} |`;
  return [line(header), `|${header.map(() => ' --- ').join('|')}|`, ...rows.map(line)];
}

/** Escapes inline markup, and line starts that would open a heading or a list. */
function escapeMarkdown(text: string): string {
  return text
    .replace(MARKDOWN_SIGNIFICANT, '\\$&')
    .replace(/^(\s*)([#+=-])/gm, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/gm, '$1\\$2');
}

/** A clause heading keeps its number ("2. ") as written; the title after it is escaped. */
function escapeHeading(text: string): string {
  const numbered = /^(\d+\. )(.*)$/s.exec(text);
  return numbered ? `${numbered[1]}${escapeLine(numbered[2]!)}` : escapeLine(text);
}

/** Headings, list items and cells are one line: a newline would end them early. */
function escapeLine(text: string): string {
  return escapeMarkdown(text.replace(/\s*[\r\n]+\s*/g, ' ').trim());
}
