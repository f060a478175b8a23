import { dirname, join } from 'node:path';
import type { ContractDocumentModel, ContractLanguage } from './document-blocks';
import type { DocumentFileMeta } from './document-files';
import { renderPdf } from './document-pdf';

const HASH = '3f79bb7b435b05321651daefd374cdc681dc06faa65e374e38337b88ca046dea';

const META: DocumentFileMeta = {
  title: '数据使用协议：包裹分拣抓取数据',
  contentHash: HASH,
  version: 3,
  date: new Date('2026-05-01T08:00:00.000Z'),
};

function model(language: ContractLanguage, clauses = 1): ContractDocumentModel {
  return {
    language,
    governingLanguage: 'zh-CN',
    blocks: [
      { kind: 'title', text: META.title },
      {
        kind: 'fields',
        rows: [
          { label: '版本', value: '第 3 版' },
          { label: '内容哈希', value: HASH, monospace: true },
        ],
      },
      { kind: 'heading', level: 1, text: '当事方' },
      {
        kind: 'table',
        header: ['机构', '角色'],
        rows: [
          ['智元机器人有限公司', '提供方'],
          ['Shanghai Robotics Institute', '接收方'],
        ],
      },
      { kind: 'list', items: [{ text: '接收方不得：', items: ['再分发数据', '重新识别数据中的人'] }] },
      ...Array.from({ length: clauses }, (_, index) => [
        { kind: 'heading' as const, level: 2 as const, text: `${index + 1}. 保密义务` },
        {
          kind: 'paragraph' as const,
          text: '接收方应对数据保密。The recipient keeps the data confidential.\n\n第二段：仅用于科学研究。',
        },
      ]).flat(),
      { kind: 'heading', level: 1, text: '签署' },
      {
        kind: 'table',
        header: ['机构', '签署人', '签署时间', '哈希一致'],
        rows: [
          ['智元机器人有限公司', '王芳', '2026-05-02 10:15', '是'],
          ['Shanghai Robotics Institute', 'Li Wei', '2026-05-03 09:00', '是'],
        ],
      },
    ],
  };
}

/** The text of each page, as PDF.js extracts it: proof that the glyphs map back to the characters. */
async function pagesText(pdf: Buffer): Promise<string[]> {
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

describe('renderPdf', () => {
  it('writes the title, hash, parties and each signature as text a reader extracts', async () => {
    const [page, ...rest] = await pagesText(await renderPdf(model('zh-CN'), META));
    expect(rest).toEqual([]);
    for (const text of [
      '数据使用协议：包裹分拣抓取数据',
      HASH,
      '智元机器人有限公司',
      'Shanghai Robotics Institute',
      '王芳',
      'Li Wei',
      '2026-05-02 10:15',
      'The recipient keeps the data confidential.',
      '重新识别数据中的人',
      '第 1 页，共 1 页',
    ]) {
      expect(page).toContain(text);
    }
  });

  it('embeds the Chinese font, as a subset, and sets the hash in Courier', async () => {
    const raw = (await renderPdf(model('zh-CN'), META)).toString('latin1');
    // The descriptor of the CJK font points at the embedded font program (CFF: FontFile3).
    expect(raw).toMatch(/\/FontName \/[A-Z]{6}\+NotoSansHans-Regular[^>]*\/FontFile3 \d+ 0 R/);
    expect(raw).toMatch(/\/BaseFont \/Courier/);
    // A subset: far smaller than the 8 MB font.
    expect(raw.length).toBeLessThan(300_000);
  });

  it('is byte-identical for the same content, dated by the content and not the clock', async () => {
    const first = await renderPdf(model('zh-CN'), META);
    const second = await renderPdf(model('zh-CN'), META);
    expect(second.equals(first)).toBe(true);
    // The info dictionary's dates (CreationDate and ModDate) are the meta's.
    expect(first.toString('latin1').match(/\(D:20260501080000Z\)/g)).toHaveLength(2);
    const redated = await renderPdf(model('zh-CN'), { ...META, date: new Date('2026-05-02T08:00:00Z') });
    expect(redated.equals(first)).toBe(false);
  });

  it('repeats the hash and "page n of m" on every page of a long document', async () => {
    const pages = await pagesText(await renderPdf(model('en', 40), META));
    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((text, index) => {
      expect(text).toContain(`Content hash (SHA-256): ${HASH}`);
      expect(text).toContain(`Page ${index + 1} of ${pages.length}`);
    });
    // The signatures table comes whole after the clauses, on the last page.
    expect(pages.at(-1)).toContain('Li Wei');
  });
});
