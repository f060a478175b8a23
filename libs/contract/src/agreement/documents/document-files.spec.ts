import { documentFileName, paragraphsOf, plainText } from './document-files';

describe('documentFileName', () => {
  it.each([
    ['数据使用协议：包裹分拣抓取数据', 3, 'PDF', '数据使用协议-包裹分拣抓取数据-v3.pdf'],
    ['Data-use agreement: parcel grasps (v2)', 2, 'DOCX', 'Data-use-agreement-parcel-grasps-v2-v2.docx'],
    ['../../etc/passwd', 1, 'MARKDOWN', 'etc-passwd-v1.md'],
    ['？？？', 4, 'PDF', 'contract-v4.pdf'],
    ['Ｆｕｌｌｗｉｄｔｈ　协议', 1, 'PDF', 'Fullwidth-协议-v1.pdf'],
  ] as const)('%s (v%i, %s) → %s', (title, version, format, expected) => {
    expect(documentFileName(title, version, format)).toBe(expected);
  });

  it('keeps a long title to 80 characters, never ending on a hyphen', () => {
    const name = documentFileName(`${'条款'.repeat(39)}条 x`, 1, 'PDF');
    expect(name).toBe(`${'条款'.repeat(39)}条-v1.pdf`);
  });
});

describe('plainText and paragraphsOf', () => {
  it('drops control characters and unifies line breaks', () => {
    expect(plainText('a\u0000b\r\nc\rd\te')).toBe('ab\nc\nd\te');
  });

  it('splits paragraphs at blank lines and keeps single line breaks inside one', () => {
    expect(paragraphsOf('first\nsame paragraph\n\n  \nsecond  \n\n')).toEqual([
      ['first', 'same paragraph'],
      ['second'],
    ]);
  });
});
