import { strFromU8, unzipSync } from 'fflate';
import type { ContractDocumentModel, ContractLanguage } from './document-blocks';
import { renderDocx } from './document-docx';
import type { DocumentFileMeta } from './document-files';

const HASH = '3f79bb7b435b05321651daefd374cdc681dc06faa65e374e38337b88ca046dea';

const META: DocumentFileMeta = {
  title: '数据使用协议：包裹分拣抓取数据',
  contentHash: HASH,
  version: 3,
  date: new Date('2026-05-01T08:00:00.000Z'),
};

function model(language: ContractLanguage): ContractDocumentModel {
  return {
    language,
    governingLanguage: 'zh-CN',
    blocks: [
      { kind: 'title', text: META.title },
      { kind: 'fields', rows: [{ label: '内容哈希', value: HASH, monospace: true }] },
      { kind: 'heading', level: 1, text: '当事方' },
      { kind: 'table', header: ['机构', '角色'], rows: [['智元机器人有限公司', '提供方']] },
      { kind: 'list', items: [{ text: '接收方不得：', items: ['再分发数据'] }] },
      { kind: 'paragraph', text: 'R&D <terms> “quoted”\u0007\nsecond line\n\nNext paragraph 第二段' },
      {
        kind: 'table',
        header: ['机构', '签署人', '签署时间'],
        rows: [
          ['智元机器人有限公司', '王芳', '2026-05-02 10:15'],
          ['Shanghai Robotics Institute', 'Li Wei', '2026-05-03 09:00'],
        ],
      },
    ],
  };
}

function parts(docx: Buffer): Record<string, string> {
  return Object.fromEntries(Object.entries(unzipSync(docx)).map(([name, bytes]) => [name, strFromU8(bytes)]));
}

/** The text of each paragraph of a part, as Word would show it. */
function paragraphs(xml: string): string[] {
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

describe('renderDocx', () => {
  it('writes the Chinese text, the hash and each signature in the document', async () => {
    const files = parts(await renderDocx(model('zh-CN'), META));
    const text = paragraphs(files['word/document.xml']!);
    expect(text).toEqual(
      expect.arrayContaining([
        '数据使用协议：包裹分拣抓取数据',
        `内容哈希：${HASH}`,
        '王芳',
        'Li Wei',
        '智元机器人有限公司',
        'Shanghai Robotics Institute',
        '2026-05-02 10:15',
        // Text is shown as written; control characters are dropped; single newlines are line breaks.
        'R&D <terms> “quoted”\nsecond line',
        'Next paragraph 第二段',
      ]),
    );
  });

  it('sets Chinese in an East Asian font, the hash in a monospace one, and bullets as lists', async () => {
    const files = parts(await renderDocx(model('zh-CN'), META));
    expect(files['word/styles.xml']).toMatch(/<w:rFonts [^>]*w:eastAsia="SimSun"[^>]*w:hint="eastAsia"/);
    expect(files['word/styles.xml']).toMatch(/<w:lang [^>]*w:eastAsia="zh-CN"/);
    expect(files['word/document.xml']).toMatch(
      new RegExp(`<w:rFonts [^>]*w:ascii="Courier New"[^>]*/>[\\s\\S]{0,200}<w:t[^>]*>${HASH}</w:t>`),
    );
    expect(files['word/document.xml']).toContain('<w:numPr>');
  });

  it('repeats the hash in the header and numbers the pages with Word fields', async () => {
    const files = parts(await renderDocx(model('en'), META));
    const header = Object.entries(files).find(([name]) => /^word\/header\d+\.xml$/.test(name))![1];
    const footer = Object.entries(files).find(([name]) => /^word\/footer\d+\.xml$/.test(name))![1];
    expect(paragraphs(header).join('\n')).toContain(`Content hash (SHA-256): ${HASH}`);
    expect(footer).toMatch(/PAGE[\s\S]*NUMPAGES/);
    expect(paragraphs(footer).join('')).toContain('Page ');
  });

  it('titles and dates the file from the content, byte-identical on every rendering', async () => {
    const first = await renderDocx(model('zh-CN'), META);
    const core = parts(first)['docProps/core.xml']!;
    expect(core).toContain('<dc:title>数据使用协议：包裹分拣抓取数据</dc:title>');
    expect(core).toMatch(/<dcterms:created [^>]*>2026-05-01T08:00:00Z<\/dcterms:created>/);
    expect(core).toMatch(/<dcterms:modified [^>]*>2026-05-01T08:00:00Z<\/dcterms:modified>/);
    expect((await renderDocx(model('zh-CN'), META)).equals(first)).toBe(true);
  });
});
