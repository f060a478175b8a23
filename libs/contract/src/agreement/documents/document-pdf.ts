import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';
import type { ContractDocumentModel, DocumentBlock } from './document-blocks';
import { FILE_WORDS, paragraphsOf, plainText, type DocumentFileMeta } from './document-files';

/**
 * A contract document as an A4 PDF. Text is set in Noto Sans Hans (Noto Sans CJK SC, OFL), which
 * ships in the `@embedpdf/fonts-sc` package and is embedded as a subset of the glyphs used, so the
 * file shows Chinese on any reader; the hash is set in Courier. Every page repeats the title, version and
 * content hash, and says "page n of m". The same model and meta give the same bytes: the dates
 * (and so the file /ID, a digest of the info dictionary) are the meta's, the subset's name is
 * pdfkit's font number, and nothing else varies.
 */

const BODY = 'NotoSansHans';
const MONO = 'Courier';
const MARGIN = { top: 80, bottom: 64, left: 64, right: 64 };
const SIZE = { title: 18, heading1: 14, heading2: 12, body: 10.5, mono: 8.5, small: 7.5 };
const LINE_GAP = 3;
const CELL_PADDING = 4;

let cjkFont: Buffer | undefined;

/** The font file, read once: it is 8 MB, and only the glyphs a document uses are embedded. */
function bodyFont(): Buffer {
  if (!cjkFont) {
    const entry = require.resolve('@embedpdf/fonts-sc');
    cjkFont = readFileSync(join(dirname(entry), '..', 'fonts', 'NotoSansHans-Regular.otf'));
  }
  return cjkFont;
}

export async function renderPdf(model: ContractDocumentModel, meta: DocumentFileMeta): Promise<Buffer> {
  const words = FILE_WORDS[model.language];
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGIN,
    bufferPages: true,
    pdfVersion: '1.7',
    lang: model.language,
    displayTitle: true,
    info: {
      Title: plainText(meta.title),
      Subject: `${words.version(meta.version)} · SHA-256 ${meta.contentHash}`,
      Keywords: meta.contentHash,
      Author: 'Tetrad',
      Creator: 'Tetrad',
      Producer: 'Tetrad',
      CreationDate: meta.date,
      ModDate: meta.date,
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  doc.registerFont(BODY, bodyFont());
  doc.font(BODY).fontSize(SIZE.body).fillColor('#000000');
  for (const block of model.blocks) pdfBlock(doc, block, words.colon);
  runningHeads(doc, meta, model.language);
  doc.end();
  await ended;
  return Buffer.concat(chunks);
}

function pdfBlock(doc: PDFKit.PDFDocument, block: DocumentBlock, colon: string): void {
  const left = doc.page.margins.left;
  switch (block.kind) {
    case 'title':
      doc.font(BODY).fontSize(SIZE.title);
      strongText(doc, plainText(block.text), { align: 'center' });
      doc.moveDown(0.8);
      break;
    case 'heading': {
      const size = block.level === 1 ? SIZE.heading1 : SIZE.heading2;
      doc.moveDown(block.level === 1 ? 0.8 : 0.4);
      doc.font(BODY).fontSize(size);
      // A heading is not left alone at the foot of a page.
      ensureRoom(doc, doc.currentLineHeight(true) + 3 * lineHeight(SIZE.body));
      doc.x = left;
      strongText(doc, plainText(block.text), {});
      doc.moveDown(0.3);
      break;
    }
    case 'paragraph': {
      doc
        .font(BODY)
        .fontSize(SIZE.body)
        .fillColor(block.emphasis === 'note' ? '#555555' : '#000000');
      const indent = block.emphasis === 'quote' ? 18 : 0;
      for (const lines of paragraphsOf(block.text)) {
        doc.text(lines.join('\n'), left + indent, doc.y, {
          width: contentWidth(doc) - indent,
          lineGap: LINE_GAP,
          paragraphGap: 4,
        });
      }
      doc.fillColor('#000000');
      doc.x = left;
      break;
    }
    case 'fields':
      for (const row of block.rows) {
        doc.x = left;
        doc
          .font(BODY)
          .fontSize(SIZE.body)
          .text(`${plainText(row.label)}${colon}`, { continued: true, lineGap: LINE_GAP });
        if (row.monospace) doc.font(MONO).fontSize(SIZE.mono);
        doc.text(plainText(row.value), { lineGap: LINE_GAP });
      }
      doc.font(BODY).fontSize(SIZE.body).moveDown(0.4);
      break;
    case 'list':
      doc.font(BODY).fontSize(SIZE.body);
      for (const item of block.items) {
        bullet(doc, '•', 0, item.text);
        for (const sub of item.items ?? []) bullet(doc, '–', 1, sub);
      }
      doc.x = left;
      doc.moveDown(0.4);
      break;
    case 'table':
      pdfTable(doc, block.header, block.rows);
      break;
  }
}

/** Headings: the body font, outlined as well as filled, since the font has one weight. */
function strongText(doc: PDFKit.PDFDocument, text: string, options: PDFKit.Mixins.TextOptions): void {
  doc.save().lineWidth(0.35).strokeColor('#000000');
  doc.text(text, { ...options, width: contentWidth(doc), fill: true, stroke: true, lineGap: LINE_GAP });
  doc.restore();
}

function bullet(doc: PDFKit.PDFDocument, mark: string, level: 0 | 1, text: string): void {
  const left = doc.page.margins.left;
  const indent = 14 + level * 16;
  ensureRoom(doc, lineHeight(SIZE.body));
  const y = doc.y;
  doc.text(mark, left + indent - 10, y, { lineBreak: false });
  doc.text(plainText(text), left + indent, y, { width: contentWidth(doc) - indent, lineGap: LINE_GAP });
}

/** A ruled table whose columns share the width by their content; the header repeats on each page. */
function pdfTable(doc: PDFKit.PDFDocument, header: string[], rows: string[][]): void {
  doc.font(BODY).fontSize(SIZE.body);
  const widths = columnWidths(doc, header, rows);
  const drawRow = (cells: string[], head: boolean) => {
    const height = rowHeight(doc, cells, widths);
    if (!head && doc.y + height > maxY(doc)) {
      doc.addPage();
      drawRow(header, true);
    }
    let x = doc.page.margins.left;
    const y = doc.y;
    cells.forEach((cell, index) => {
      const width = widths[index]!;
      if (head) doc.rect(x, y, width, height).fill('#EEEEEE').fillColor('#000000');
      doc.rect(x, y, width, height).lineWidth(0.5).stroke('#999999');
      doc.text(plainText(cell), x + CELL_PADDING, y + CELL_PADDING, {
        width: width - 2 * CELL_PADDING,
        lineGap: LINE_GAP,
      });
      x += width;
    });
    doc.x = doc.page.margins.left;
    doc.y = y + height;
  };
  ensureRoom(doc, rowHeight(doc, header, widths) + (rows[0] ? rowHeight(doc, rows[0], widths) : 0));
  drawRow(header, true);
  for (const row of rows) drawRow(row, false);
  doc.moveDown(0.6);
}

/**
 * Column widths: each column gets at least its longest word; the room left is shared so that
 * short columns fit on one line and the long ones split the rest (max-min fair shares).
 */
function columnWidths(doc: PDFKit.PDFDocument, header: string[], rows: string[][]): number[] {
  const total = contentWidth(doc);
  const cells = (column: number) => [header, ...rows].map((row) => plainText(row[column] ?? ''));
  const width = (text: string) => doc.widthOfString(text) + 2 * CELL_PADDING;
  const shortest = header.map((_, column) =>
    Math.max(...cells(column).flatMap((text) => text.split(/\s+/).map(width))),
  );
  const least = shortest.reduce((a, b) => a + b, 0);
  if (least >= total) return shortest.map((w) => (w / least) * total);
  const wanted = header.map((_, column) => Math.max(...cells(column).map(width)) - shortest[column]!);
  const extra = header.map(() => 0);
  let room = total - least;
  const order = header.map((_, column) => column).sort((a, b) => wanted[a]! - wanted[b]!);
  order.forEach((column, index) => {
    extra[column] = Math.min(wanted[column]!, room / (order.length - index));
    room -= extra[column];
  });
  // Room still left (every column fits on one line) is shared equally.
  return shortest.map((w, column) => w + extra[column]! + room / header.length);
}

function rowHeight(doc: PDFKit.PDFDocument, cells: string[], widths: number[]): number {
  const heights = cells.map((cell, index) =>
    doc.heightOfString(plainText(cell), { width: widths[index]! - 2 * CELL_PADDING, lineGap: LINE_GAP }),
  );
  return Math.max(...heights) + 2 * CELL_PADDING;
}

/** Title and version, the content hash, and "page n of m", in the margins of every page. */
function runningHeads(
  doc: PDFKit.PDFDocument,
  meta: DocumentFileMeta,
  language: ContractDocumentModel['language'],
): void {
  const words = FILE_WORDS[language];
  const { start, count } = doc.bufferedPageRange();
  for (let index = start; index < start + count; index += 1) {
    doc.switchToPage(index);
    const margins = { ...doc.page.margins };
    // Text in the margins would otherwise count as overflowing the page.
    doc.page.margins = { top: 0, bottom: 0, left: margins.left, right: margins.right };
    const width = contentWidth(doc);
    doc.fillColor('#666666').font(BODY).fontSize(SIZE.small);
    doc.text(`${plainText(meta.title)} · ${words.version(meta.version)}`, margins.left, 30, {
      width,
      height: SIZE.small * 1.5,
      ellipsis: true,
      lineBreak: false,
    });
    doc.text(words.contentHash, margins.left, 42, { continued: true, lineBreak: false });
    doc.font(MONO).text(meta.contentHash, { lineBreak: false });
    doc.font(BODY).text(words.page(index - start + 1, count), margins.left, doc.page.height - 40, {
      width,
      align: 'center',
      lineBreak: false,
    });
    doc.page.margins = margins;
    doc.fillColor('#000000');
  }
}

function ensureRoom(doc: PDFKit.PDFDocument, height: number): void {
  if (doc.y + height > maxY(doc)) doc.addPage();
}

function maxY(doc: PDFKit.PDFDocument): number {
  return doc.page.height - doc.page.margins.bottom;
}

function contentWidth(doc: PDFKit.PDFDocument): number {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right;
}

/** One line of text at a size, with the gap below it. */
function lineHeight(size: number): number {
  return size * 1.45 + LINE_GAP;
}
