import { dirname, join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';

/** The text of each page of a PDF, as PDF.js extracts it: the glyphs map back to the characters. */
export async function pdfPagesText(pdf: Buffer): Promise<string[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const standardFontDataUrl = `${join(dirname(require.resolve('pdfjs-dist/package.json')), 'standard_fonts')}/`;
  const task = pdfjs.getDocument({ data: new Uint8Array(pdf), standardFontDataUrl });
  const document = await task.promise;
  const pages: string[] = [];
  for (let number = 1; number <= document.numPages; number += 1) {
    const content = await (await document.getPage(number)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(''));
  }
  await task.destroy();
  return pages;
}

/** The text of every paragraph of a .docx's main document, line breaks as newlines. */
export function docxParagraphs(docx: Buffer): string[] {
  const xml = strFromU8(unzipSync(docx)['word/document.xml']!);
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((paragraph) =>
    [...paragraph[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:br\/>/g)]
      .map((run) => (run[0] === '<w:br/>' ? '\n' : unescapeXml(run[1]!)))
      .join(''),
  );
}

function unescapeXml(text: string): string {
  return text
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"')
    .replaceAll('&apos;', "'")
    .replaceAll('&amp;', '&');
}
