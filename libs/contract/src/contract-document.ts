import { addDays, listInWords, purposeLabel } from './clause-templates';
import type {
  ContractContent,
  ContractTerms,
  DutyTerm,
  Modality,
  PartyRole,
  Prohibition,
} from './contract-terms';

/**
 * A contract version as a readable Markdown document (DOMAIN.md, "Data": "exports ... as a readable
 * document"). Every value that comes from users is escaped: names and clause text are shown as
 * written, never interpreted as Markdown or HTML.
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
}

const ADVICE_WORDS: Record<string, string> = {
  DENY: 'advised against it (DENY)',
  ABSTAIN: 'left it to the steward (ABSTAIN)',
};

const ROLE_LABELS: Record<PartyRole, string> = { PROVIDER: 'Provider', RECIPIENT: 'Recipient' };

const PROHIBITION_PHRASES: Record<Prohibition, string> = {
  REDISTRIBUTE: 'redistribute the data to third parties',
  RE_IDENTIFY: 'attempt to re-identify any person recorded in the data',
  COMMERCIAL_USE: 'use the data for commercial purposes',
  CROSS_BORDER_TRANSFER:
    "transfer the data out of the People's Republic of China, including by giving access to it from abroad",
};

const MODALITY_LABELS: Record<Modality, string> = {
  RGB: 'RGB video',
  DEPTH: 'depth',
  FORCE_TORQUE: 'force-torque',
  TACTILE: 'tactile',
  JOINT_STATES: 'joint states',
  TRAJECTORIES: 'trajectories',
  AUDIO: 'audio',
  LANGUAGE_ANNOTATIONS: 'language annotations',
};

/** Characters that would otherwise start emphasis, code, links or HTML. */
const MARKDOWN_SIGNIFICANT = /[\\`*_[\]<>~]/g;

export function contractDocument(input: ContractDocumentInput): string {
  const { content } = input;
  const lines = [
    `# ${escapeLine(content.title)}`,
    '',
    `- **Version:** ${content.version}`,
    `- **Status:** ${escapeLine(input.status)}`,
    '',
    '## Parties',
    '',
    ...table(
      ['Organisation', 'Role'],
      content.parties.map((party) => [party.name, ROLE_LABELS[party.role]]),
    ),
    '',
    '## Datasets',
    '',
    ...content.terms.datasetIds.map((id) => `- ${escapeLine(input.datasetNames[id] ?? id)} (\`${id}\`)`),
    '',
    ...overrideLines(input.matcherOverrides ?? []),
    '## Terms',
    '',
    ...termLines(content.terms),
    '',
    '## Clauses',
    ...content.clauses.flatMap((clause, index) => [
      '',
      `### ${index + 1}. ${escapeLine(clause.title)}`,
      '',
      escapeMarkdown(clause.text),
    ]),
    '',
    ...signatureLines(input),
  ];
  return `${lines.join('\n')}\n`;
}

/** A table cell: escaped, with `|` escaped so it cannot open a column, on one line. */
export function escapeTableCell(text: string): string {
  return escapeLine(text).replaceAll('|', '\\|');
}

function termLines(terms: ContractTerms): string[] {
  const purposes = terms.purposes.map(purposeLabel);
  const prohibitions = terms.prohibitions.map((prohibition) => PROHIBITION_PHRASES[prohibition]);
  const excluded = terms.excludedModalities.map((modality) => MODALITY_LABELS[modality]);
  return [
    purposes.length > 0
      ? `- **Purposes:** The recipient may use the data only for ${listInWords(purposes)}.`
      : '- **Purposes:** None: the data may not be used.',
    prohibitions.length > 0 ? '- **Prohibitions:** The recipient must not:' : '- **Prohibitions:** None.',
    ...prohibitions.map((phrase) => `  - ${phrase}.`),
    terms.duties.length > 0 ? '- **Duties:** The recipient must:' : '- **Duties:** None.',
    ...terms.duties.map((duty) => `  - ${dutySentence(duty, terms)}`),
    `- **Period:** From ${terms.startsOn} (inclusive) to ${terms.endsOn} (exclusive), in UTC.`,
    excluded.length > 0
      ? `- **Excluded modalities:** ${capitalise(listInWords(excluded))} recordings are not shared.`
      : '- **Excluded modalities:** None: every modality of the datasets is shared.',
  ];
}

/** Shown before the terms, so that neither legal team reads them without knowing of the override. */
function overrideLines(overrides: readonly DocumentMatcherOverride[]): string[] {
  if (overrides.length === 0) return [];
  return [
    '## Purpose matcher overridden',
    '',
    "The purpose matcher advises and each dataset's owner decides. These datasets were approved against its advice; the steward's reason is quoted as written.",
    '',
    ...overrides.flatMap((override) => [
      `- **${escapeLine(override.datasetName)}:** the purpose matcher (${escapeLine(override.matcherVersion)}) ${ADVICE_WORDS[override.decision] ?? escapeLine(override.decision)}: ${escapeLine(override.rationale.join(' '))}`,
      `  ${escapeLine(override.stewardName)} of ${escapeLine(override.organizationName)} approved it on ${override.at.slice(0, 10)}, giving this reason:`,
      '',
      ...override.reason
        .trim()
        .split(/\r?\n/)
        .map((line) => `  > ${escapeMarkdown(line)}`.trimEnd()),
      '',
    ]),
  ];
}

function dutySentence(term: DutyTerm, terms: ContractTerms): string {
  switch (term.duty) {
    case 'ATTRIBUTE':
      return 'attribute the providers in every publication or product that uses the data (standing duty).';
    case 'NOTIFY_BREACH':
      return 'notify the providers without undue delay of any security breach affecting the data (standing duty).';
    case 'DELETE_ON_EXPIRY': {
      const days = term.dueInDays ?? 0;
      return `delete the data and certify the deletion within ${days} days of the end date, by ${addDays(terms.endsOn, days)}.`;
    }
    case 'REPORT_PUBLICATIONS':
      return term.dueInDays === null
        ? 'report every publication that uses the data to the providers.'
        : `report every publication that uses the data to the providers within ${term.dueInDays} days of the start date, by ${addDays(terms.startsOn, term.dueInDays)}.`;
  }
}

function signatureLines(input: ContractDocumentInput): string[] {
  const rows = input.signatures.map((signature) => [
    signature.organizationName,
    signature.signerName,
    signature.signedAt,
    signature.hash === input.contentHash ? 'yes' : 'no',
  ]);
  return [
    '## Signatures',
    '',
    `Content hash (SHA-256): \`${input.contentHash}\``,
    '',
    ...(rows.length > 0
      ? table(['Organisation', 'Signer', 'Signed at', 'Hash matches'], rows)
      : ['No party has signed this version yet.']),
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

/** Headings, list items and cells are one line: a newline would end them early. */
function escapeLine(text: string): string {
  return escapeMarkdown(text.replace(/\s*[\r\n]+\s*/g, ' ').trim());
}

function capitalise(text: string): string {
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}

// TEMPORARY: replaced by the bilingual builder from lang15
/** The document as language-neutral blocks (English whatever the language), for the .docx and PDF renderers. */
export function contractDocumentBlocks(
  input: ContractDocumentInput,
  language: import('./document-blocks').ContractLanguage,
): import('./document-blocks').ContractDocumentModel {
  type Block = import('./document-blocks').DocumentBlock;
  const { content } = input;
  const terms = content.terms;
  const hash: Block = {
    kind: 'fields',
    rows: [{ label: 'Content hash (SHA-256)', value: input.contentHash, monospace: true }],
  };
  const section = (text: string): Block => ({ kind: 'heading', level: 1, text });
  const overrides = input.matcherOverrides ?? [];
  const blocks: Block[] = [
    { kind: 'title', text: content.title },
    {
      kind: 'fields',
      rows: [
        { label: 'Version', value: String(content.version) },
        { label: 'Status', value: input.status },
        ...hash.rows,
      ],
    },
    section('Parties'),
    {
      kind: 'table',
      header: ['Organisation', 'Role'],
      rows: content.parties.map((party) => [party.name, ROLE_LABELS[party.role]]),
    },
    section('Datasets'),
    {
      kind: 'list',
      items: terms.datasetIds.map((id) => ({ text: `${input.datasetNames[id] ?? id} (${id})` })),
    },
    ...(overrides.length > 0
      ? [
          section('Purpose matcher overridden'),
          {
            kind: 'list',
            items: overrides.map((o) => ({
              text: `${o.datasetName}: ${o.stewardName} of ${o.organizationName} approved it on ${o.at.slice(0, 10)} against the matcher's advice (${o.decision}): ${o.reason}`,
            })),
          } satisfies Block,
        ]
      : []),
    section('Terms'),
    {
      kind: 'list',
      items: [
        { text: `Purposes: ${terms.purposes.map(purposeLabel).join(', ') || 'none'}.` },
        {
          text: 'Prohibitions: the recipient must not:',
          items: terms.prohibitions.map((p) => `${PROHIBITION_PHRASES[p]}.`),
        },
        { text: 'Duties: the recipient must:', items: terms.duties.map((duty) => dutySentence(duty, terms)) },
        { text: `Period: from ${terms.startsOn} (inclusive) to ${terms.endsOn} (exclusive).` },
        {
          text: `Excluded modalities: ${terms.excludedModalities.map((m) => MODALITY_LABELS[m]).join(', ') || 'none'}.`,
        },
      ],
    },
    section('Clauses'),
    ...content.clauses.flatMap((clause, index): Block[] => [
      { kind: 'heading', level: 2, text: `${index + 1}. ${clause.title}` },
      { kind: 'paragraph', text: clause.text },
    ]),
    section('Signatures'),
    hash,
    input.signatures.length > 0
      ? {
          kind: 'table',
          header: ['Organisation', 'Signer', 'Signed at', 'Hash matches'],
          rows: input.signatures.map((s) => [
            s.organizationName,
            s.signerName,
            s.signedAt,
            s.hash === input.contentHash ? 'yes' : 'no',
          ]),
        }
      : { kind: 'paragraph', text: 'No party has signed this version yet.' },
  ];
  return { language, governingLanguage: 'zh-CN', blocks };
}
