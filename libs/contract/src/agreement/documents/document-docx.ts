import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type IRunOptions,
  type ParagraphChild,
} from 'docx';
import { unzipSync, zipSync } from 'fflate';
import type { ContractDocumentModel, DocumentBlock } from './document-blocks';
import { FILE_WORDS, paragraphsOf, plainText, type DocumentFileMeta } from './document-files';

/**
 * A contract document as a Word file (.docx). Chinese text is set in the East Asian font of each
 * run (w:eastAsia), so Word shows it in a Chinese typeface whatever its Latin font; the hash is set
 * in a monospace font. The same model and meta give the same bytes: the file's dates and the zip
 * entries' times are the meta's date, never the clock.
 */

/** Fonts that Word on Windows and macOS has: Song for Chinese body text, Hei for headings. */
const BODY_FONT = {
  ascii: 'Times New Roman',
  hAnsi: 'Times New Roman',
  cs: 'Times New Roman',
  eastAsia: 'SimSun',
};
const HEADING_FONT = { ascii: 'Arial', hAnsi: 'Arial', cs: 'Arial', eastAsia: 'SimHei' };
const MONO_FONT = { ascii: 'Courier New', hAnsi: 'Courier New', cs: 'Courier New', eastAsia: 'SimSun' };
/** 8 pt: a 64-digit hash fits on one line after its label. */
const MONO_SIZE = 16;

/** A4 in twentieths of a point, with 2.5 cm margins. */
const A4 = { width: 11906, height: 16838 };
const MARGIN = 1418;

const CELL_BORDER = { style: BorderStyle.SINGLE, size: 4, color: '999999' };

export async function renderDocx(model: ContractDocumentModel, meta: DocumentFileMeta): Promise<Buffer> {
  const chinese = model.language === 'zh-CN';
  const words = FILE_WORDS[model.language];
  // Chinese punctuation shared with Latin text (quotes, dashes) is shown in the Chinese font.
  const hint = chinese ? 'eastAsia' : undefined;
  const document = new Document({
    title: plainText(meta.title),
    subject: `${words.version(meta.version)} · SHA-256 ${meta.contentHash}`,
    keywords: meta.contentHash,
    creator: 'Tetrad',
    lastModifiedBy: 'Tetrad',
    revision: meta.version,
    styles: {
      default: {
        document: {
          run: {
            font: { ...BODY_FONT, hint },
            size: 21,
            language: { value: chinese ? 'zh-CN' : 'en-GB', eastAsia: 'zh-CN' },
          },
          paragraph: { spacing: { after: 120, line: 300 } },
        },
        title: {
          run: { font: HEADING_FONT, size: 36, bold: true, color: '000000' },
          paragraph: { spacing: { after: 240 } },
        },
        heading1: {
          run: { font: HEADING_FONT, size: 28, bold: true, color: '000000' },
          paragraph: { spacing: { before: 240, after: 120 }, keepNext: true },
        },
        heading2: {
          run: { font: HEADING_FONT, size: 24, bold: true, color: '000000' },
          paragraph: { spacing: { before: 200, after: 80 }, keepNext: true },
        },
      },
    },
    sections: [
      {
        properties: {
          page: { size: A4, margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN } },
        },
        headers: { default: pageHeader(meta, words.contentHash, words.version(meta.version)) },
        footers: { default: pageFooter(chinese) },
        children: model.blocks.flatMap((block) => docxBlock(block, words.colon)),
      },
    ],
  });
  return fixedTimes(await Packer.toBuffer(document), meta.date);
}

function docxBlock(block: DocumentBlock, colon: string): (Paragraph | Table)[] {
  switch (block.kind) {
    case 'title':
      return [
        new Paragraph({
          heading: HeadingLevel.TITLE,
          alignment: AlignmentType.CENTER,
          children: runs(block.text),
        }),
      ];
    case 'heading':
      return [
        new Paragraph({
          heading: block.level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2,
          children: runs(block.text),
        }),
      ];
    case 'paragraph':
      return paragraphsOf(block.text).map(
        (lines) =>
          new Paragraph({
            children: lineRuns(lines, { italics: block.emphasis !== undefined }),
            ...(block.emphasis === 'quote' ? { indent: { left: 567 } } : {}),
          }),
      );
    case 'fields':
      return block.rows.map(
        (row) =>
          new Paragraph({
            children: [
              new TextRun({ text: `${plainText(row.label)}${colon}`, bold: true }),
              ...runs(row.value, row.monospace ? { font: MONO_FONT, size: MONO_SIZE } : {}),
            ],
          }),
      );
    case 'list':
      return block.items.flatMap((item) => [
        new Paragraph({ bullet: { level: 0 }, children: runs(item.text) }),
        ...(item.items ?? []).map((sub) => new Paragraph({ bullet: { level: 1 }, children: runs(sub) })),
      ]);
    case 'table':
      return [docxTable(block.header, block.rows), new Paragraph({ children: [] })];
  }
}

function docxTable(header: string[], rows: string[][]): Table {
  const cell = (text: string, head: boolean) =>
    new TableCell({
      children: paragraphsOf(text).map(
        (lines) => new Paragraph({ children: lineRuns(lines, { bold: head }) }),
      ),
      borders: { top: CELL_BORDER, bottom: CELL_BORDER, left: CELL_BORDER, right: CELL_BORDER },
      margins: { top: 60, bottom: 60, left: 100, right: 100 },
      ...(head ? { shading: { type: ShadingType.CLEAR, fill: 'EEEEEE', color: 'auto' } } : {}),
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: header.map((text) => cell(text, true)) }),
      ...rows.map((row) => new TableRow({ cantSplit: true, children: row.map((text) => cell(text, false)) })),
    ],
  });
}

function pageHeader(meta: DocumentFileMeta, hashLabel: string, version: string): Header {
  const small = { size: 16, color: '666666' };
  return new Header({
    children: [
      new Paragraph({
        children: [
          new TextRun({ ...small, text: `${plainText(meta.title)} · ${version}` }),
          new TextRun({ ...small, break: 1, text: hashLabel }),
          new TextRun({ ...small, text: meta.contentHash, font: MONO_FONT }),
        ],
      }),
    ],
  });
}

/** "Page n of m", with Word's own fields for the numbers. */
function pageFooter(chinese: boolean): Footer {
  const small = { size: 16, color: '666666' };
  const children = chinese
    ? ['第 ', PageNumber.CURRENT, ' 页，共 ', PageNumber.TOTAL_PAGES, ' 页']
    : ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES];
  return new Footer({
    children: [
      new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ ...small, children })] }),
    ],
  });
}

function runs(text: string, options: Omit<IRunOptions, 'text' | 'children'> = {}): ParagraphChild[] {
  return lineRuns(plainText(text).split('\n'), options);
}

/** Lines of one paragraph: one run each, joined by line breaks. */
function lineRuns(lines: string[], options: Omit<IRunOptions, 'text' | 'children'>): ParagraphChild[] {
  return lines.map(
    (line, index) => new TextRun({ ...options, text: line, ...(index > 0 ? { break: 1 } : {}) }),
  );
}

/**
 * The package with the meta's date as its created and modified properties and as every zip
 * entry's time: docx writes the clock's time in both, so two renderings would differ otherwise.
 */
function fixedTimes(docx: Buffer, date: Date): Buffer {
  const stamp = `${date.toISOString().slice(0, 19)}Z`;
  const files = unzipSync(docx);
  const core = files['docProps/core.xml'];
  if (core) {
    const xml = new TextDecoder()
      .decode(core)
      .replace(/(<dcterms:(created|modified)[^>]*>)[^<]*(<\/dcterms:\2>)/g, `$1${stamp}$3`);
    files['docProps/core.xml'] = new TextEncoder().encode(xml);
  }
  return Buffer.from(zipSync(files, { mtime: date, level: 6 }));
}
