import {
  contractDocument,
  contractDocumentBlocks,
  escapeTableCell,
  type ContractDocumentInput,
} from './contract-document';
import type { ContractContent, ContractTerms } from '../contract-terms';

const HASH = 'c0ffee'.repeat(10) + 'abcd';

function content(terms: Partial<ContractTerms> = {}): ContractContent {
  return {
    contractId: 'c-42',
    version: 2,
    title: 'Kitchen data for policy training',
    parties: [
      { organizationId: 'org-lab', name: 'Humanoid Lab', role: 'PROVIDER' },
      { organizationId: 'org-institute', name: 'AI Institute', role: 'RECIPIENT' },
    ],
    terms: {
      datasetIds: ['ds-kitchen', 'ds-unnamed'],
      purposes: ['RESEARCH', 'MODEL_TRAINING'],
      prohibitions: ['REDISTRIBUTE', 'RE_IDENTIFY'],
      duties: [
        { duty: 'ATTRIBUTE', dueInDays: null },
        { duty: 'DELETE_ON_EXPIRY', dueInDays: 30 },
        { duty: 'REPORT_PUBLICATIONS', dueInDays: 180 },
      ],
      startsOn: '2025-01-01',
      endsOn: '2025-07-01',
      excludedModalities: [],
      ...terms,
    },
    clauses: [
      { key: 'definitions', title: 'Definitions', text: '“Data” means the datasets.' },
      {
        key: 'grant',
        title: 'Grant of access',
        text: 'The Provider grants access.\nNothing else is granted.',
      },
    ],
  };
}

function documentOf(overrides: Partial<ContractDocumentInput> = {}, language?: 'zh-CN' | 'en'): string {
  return contractDocument(
    {
      content: content(),
      contentHash: HASH,
      status: 'AGREED',
      datasetNames: { 'ds-kitchen': 'Kitchen pick-and-place' },
      signatures: [],
      timeZone: 'Asia/Shanghai',
      ...overrides,
    },
    language,
  );
}

function termLine(document: string, label: string): string {
  return document.split('\n').find((line) => line.startsWith(`- ${label}:`)) ?? '';
}

/** The cells of a table row, split on the pipes that are not escaped. */
function cells(row: string): string[] {
  return row
    .slice(2, -2)
    .split(/(?<!\\) \| /)
    .map((cell) => cell.trim());
}

describe('contractDocument', () => {
  it('presents the sections in reading order', () => {
    const lines = documentOf().split('\n');
    const headings = lines.filter((line) => line.startsWith('#'));
    expect(headings).toEqual([
      '# Kitchen data for policy training',
      '## Parties',
      '## Datasets',
      '## Terms',
      '## Clauses',
      '### 1. Definitions',
      '### 2. Grant of access',
      '## Signatures',
    ]);
    expect(lines).toContain('- **Version:** 2');
    expect(lines).toContain('- **Status:** Agreed');
    expect(lines).toContain('- **Governing language:** English');
    expect(lines).toContain(`- **Content hash (SHA-256):** \`${HASH}\``);
  });

  it('lists the parties with their roles and the datasets by name', () => {
    const document = documentOf();
    expect(document).toContain(
      [
        '| Organisation | Role |',
        '| --- | --- |',
        '| Humanoid Lab | Provider |',
        '| AI Institute | Recipient |',
      ].join('\n'),
    );
    expect(document).toContain('- Kitchen pick-and-place (ds-kitchen)');
    expect(document).toContain('- ds-unnamed (ds-unnamed)');
  });

  it.each<[string, Partial<ContractTerms>, string, string]>([
    ['purposes', {}, 'Purposes', 'The recipient may use the data only for research and model training.'],
    ['no purpose', { purposes: [] }, 'Purposes', 'None: the data may not be used.'],
    ['no prohibition', { prohibitions: [] }, 'Prohibitions', 'None.'],
    ['the period', {}, 'Period', 'From 1 January 2025 (inclusive) to 1 July 2025 (exclusive), Beijing time.'],
    [
      'excluded modalities',
      { excludedModalities: ['AUDIO', 'FORCE_TORQUE'] },
      'Excluded modalities',
      'Audio and force-torque recordings are not shared.',
    ],
    ['no excluded modality', {}, 'Excluded modalities', 'None: every modality of the datasets is shared.'],
    ['no duty', { duties: [] }, 'Duties', 'None.'],
  ])('states %s in a sentence', (_case, terms, label, sentence) => {
    expect(termLine(documentOf({ content: content(terms) }), label)).toBe(`- ${label}: ${sentence}`);
  });

  it('lists each prohibition', () => {
    const document = documentOf({
      content: content({
        prohibitions: ['REDISTRIBUTE', 'RE_IDENTIFY', 'COMMERCIAL_USE', 'CROSS_BORDER_TRANSFER'],
      }),
    });
    expect(document).toContain(
      [
        '- Prohibitions: The recipient must not:',
        '  - redistribute the data to third parties.',
        '  - attempt to re-identify any person recorded in the data.',
        '  - use the data for commercial purposes.',
        "  - transfer the data out of the People's Republic of China, including by giving access to it from abroad.",
        '- Duties: The recipient must:',
      ].join('\n'),
    );
  });

  it('gives each duty its due date', () => {
    const document = documentOf({
      content: content({
        duties: [
          { duty: 'ATTRIBUTE', dueInDays: null },
          { duty: 'NOTIFY_BREACH', dueInDays: null },
          { duty: 'DELETE_ON_EXPIRY', dueInDays: 30 },
          { duty: 'REPORT_PUBLICATIONS', dueInDays: 180 },
        ],
      }),
    });
    expect(document).toContain(
      [
        '- Duties: The recipient must:',
        '  - attribute the providers in every publication or product that uses the data (standing duty).',
        '  - notify the providers without undue delay of any security breach affecting the data (standing duty).',
        '  - delete the data and certify the deletion within 30 days of the end date, by 31 July 2025.',
        '  - report every publication that uses the data to the providers within 180 days of the start date, by 30 June 2025.',
      ].join('\n'),
    );
  });

  it('numbers the clauses and keeps their text', () => {
    expect(documentOf()).toContain(
      '### 2. Grant of access\n\nThe Provider grants access.\nNothing else is granted.\n',
    );
  });

  it('shows the content hash and whether each signature matches it', () => {
    const document = documentOf({
      signatures: [
        {
          organizationName: 'Humanoid Lab',
          signerName: 'Li Wei',
          signedAt: '2024-12-20T09:30:00Z',
          hash: HASH,
        },
        {
          organizationName: 'AI Institute',
          signerName: 'Zhang Min',
          signedAt: '2024-12-21T10:00:00Z',
          hash: 'stale',
        },
      ],
    });
    expect(document).toContain(`## Signatures\n\n- **Content hash (SHA-256):** \`${HASH}\``);
    expect(document).toContain(
      [
        '| Organisation | Signer | Signed at | Hash matches |',
        '| --- | --- | --- | --- |',
        '| Humanoid Lab | Li Wei | 20 December 2024, 17:30 (Beijing time) | yes |',
        '| AI Institute | Zhang Min | 21 December 2024, 18:00 (Beijing time) | no |',
      ].join('\n'),
    );
    expect(document.lastIndexOf('Content hash')).toBeGreaterThan(document.indexOf('### 2. Grant of access'));
  });

  it('says so when nobody has signed', () => {
    expect(documentOf()).toContain('No party has signed this version yet.');
  });

  it('keeps a table row to its columns whatever the names contain', () => {
    const document = documentOf({
      signatures: [
        {
          organizationName: 'Lab | East',
          signerName: 'Li\nWei',
          signedAt: '2024-12-20T09:30:00Z',
          hash: HASH,
        },
      ],
    });
    const row = document.split('\n').find((line) => line.startsWith('| Lab'))!;
    expect(row).toBe('| Lab \\| East | Li Wei | 20 December 2024, 17:30 (Beijing time) | yes |');
    expect(cells(row)).toHaveLength(4);
  });

  it('shows user text as written rather than as markup', () => {
    const hostile = content();
    hostile.title = 'Data *for* <script>alert(1)</script>';
    hostile.clauses = [
      { key: 'grant', title: '# Grant', text: '1. Use [here](http://x)\n- and _only_ here' },
    ];
    const document = documentOf({ content: hostile });
    expect(document).toContain('# Data \\*for\\* \\<script\\>alert(1)\\</script\\>\n');
    expect(document).toContain('### 1. \\# Grant\n');
    expect(document).toContain('1\\. Use \\[here\\](http://x)\n\\- and \\_only\\_ here');
  });
});

describe('contractDocument: purpose matcher overrides', () => {
  const override = {
    datasetName: 'Kitchen pick-and-place',
    decision: 'DENY',
    rationale: ["The dataset's offer does not include COMMERCIAL_PRODUCT."],
    matcherVersion: 'purpose-match/1',
    reason: 'Agreed with the owner in the\nsteering committee of 3 May; see *minutes*.',
    organizationName: 'Humanoid Lab',
    stewardName: 'Wang Fang',
    at: '2025-05-04T08:00:00.000Z',
  };

  it.each<[string, ContractDocumentInput['matcherOverrides'], boolean]>([
    ['no override: no section', [], false],
    ['no override given at all: no section', undefined, false],
    ['an override: a section before the terms', [override], true],
  ])('%s', (_case, matcherOverrides, shown) => {
    const headings = documentOf({ matcherOverrides })
      .split('\n')
      .filter((line) => line.startsWith('## '));
    expect(headings.includes('## Purpose matcher overridden')).toBe(shown);
    if (shown) {
      expect(headings.indexOf('## Purpose matcher overridden')).toBe(headings.indexOf('## Terms') - 1);
    }
  });

  it('names the advice, its rationale, the steward and quotes the reason as written', () => {
    const document = documentOf({ matcherOverrides: [override, { ...override, decision: 'ABSTAIN' }] });
    expect(document).toContain(
      "- Kitchen pick-and-place: the purpose matcher (purpose-match/1) advised against it (DENY): The dataset's offer does not include COMMERCIAL\\_PRODUCT.",
    );
    expect(document).toContain('left it to the steward (ABSTAIN)');
    expect(document).toContain(
      '  - Wang Fang of Humanoid Lab approved it on 4 May 2025, giving this reason:',
    );
    expect(document).toContain(
      '> Agreed with the owner in the\n> steering committee of 3 May; see \\*minutes\\*.',
    );
  });
});

describe('escapeTableCell', () => {
  it.each<[string, string]>([
    ['plain', 'plain'],
    ['a | b', 'a \\| b'],
    ['a \\| b', 'a \\\\\\| b'],
    ['two\nlines', 'two lines'],
    ['*bold*', '\\*bold\\*'],
  ])('%p becomes %p', (text, escaped) => {
    expect(escapeTableCell(text)).toBe(escaped);
  });
});

describe('contractDocument in both languages', () => {
  function bilingual(): ContractContent {
    return {
      ...content({ excludedModalities: ['AUDIO'] }),
      title: '数据使用协议：厨房抓取 —— 人形实验室 向 智能研究院 提供',
      governingLanguage: 'zh-CN',
      clauses: [
        {
          key: 'definitions',
          title: '定义',
          text: '“数据”指数据集。',
          translation: { title: 'Definitions', text: '“Data” means the datasets.' },
        },
        { key: 'extra', title: '补充约定', text: '双方另行约定。', translation: null },
      ],
    };
  }
  const signature = {
    organizationName: '人形实验室',
    signerName: '李伟',
    signedAt: '2024-12-20T16:30:00Z',
    hash: HASH,
  };

  it('writes the governing Chinese text with no translation notice, the period in Beijing time', () => {
    const document = documentOf({ content: bilingual(), signatures: [signature] });
    expect(document).not.toContain('参考译文');
    expect(document).toContain('- **作准文本语言：** 中文');
    expect(document).toContain('## 合同各方');
    expect(document).toContain('| Humanoid Lab | 数据提供方 |');
    expect(document).toContain('- 允许用途：数据接收方仅可将数据用于科学研究和模型训练。');
    expect(document).toContain('  - 向任何第三方再分发数据。');
    expect(document).toContain(
      '- 有效期：自2025年1月1日起（含当日）至2025年7月1日止（不含当日），以北京时间为准。',
    );
    expect(document).toContain('- 不提供的模态：不提供音频记录。');
    expect(document).toContain('  - 在终止日期后 30 日内删除数据并出具删除证明，即不晚于2025年7月31日。');
    expect(document).toContain('### 1. 定义\n\n“数据”指数据集。');
    expect(document).toContain('| 人形实验室 | 李伟 | 2024年12月21日 00:30（北京时间） | 是 |');
    expect(document).toContain(`- **内容哈希（SHA-256）：** \`${HASH}\``);
    expect(document).not.toMatch(/in UTC|UTC/);
  });

  it('marks the other language as a convenience translation and uses the clause translations', () => {
    const document = documentOf({ content: bilingual() }, 'en');
    const lines = document.split('\n');
    expect(lines[2]).toBe(
      '> Convenience translation, for reference only: the Chinese text of this agreement governs.',
    );
    expect(document).toContain('- **Governing language:** Chinese');
    expect(document).not.toContain('- **Governing language:** Chinese\n'.repeat(2));
    expect(document).toContain('### 1. Definitions\n\n“Data” means the datasets.');
    // A clause without a translation shows its governing text, saying so.
    expect(document).toContain(
      '### 2. 补充约定\n\n> This clause has no translation yet; the governing text follows.\n\n双方另行约定。',
    );
  });

  it('defaults to the governing language and renders the same blocks for any format', () => {
    const input = {
      content: bilingual(),
      contentHash: HASH,
      status: 'AGREED',
      datasetNames: {},
      signatures: [signature],
      timeZone: 'Asia/Shanghai',
    };
    expect(contractDocument(input)).toBe(contractDocument(input, 'zh-CN'));
    const chinese = contractDocumentBlocks(input, 'zh-CN');
    const english = contractDocumentBlocks(input, 'en');
    expect([chinese.language, chinese.governingLanguage]).toEqual(['zh-CN', 'zh-CN']);
    expect([english.language, english.governingLanguage]).toEqual(['en', 'zh-CN']);
    expect(english.blocks[1]).toEqual({
      kind: 'paragraph',
      text: 'Convenience translation, for reference only: the Chinese text of this agreement governs.',
      emphasis: 'note',
    });
    const chineseText = JSON.stringify(chinese.blocks);
    for (const needed of [HASH, '李伟', '人形实验室', '第 2 版']) expect(chineseText).toContain(needed);
  });

  it('marks a Chinese rendering of an English contract as a translation', () => {
    const document =
      documentOf({ content: content() }).length > 0 &&
      contractDocument(
        {
          content: content(),
          contentHash: HASH,
          status: 'ACTIVE',
          datasetNames: {},
          signatures: [],
          timeZone: 'Europe/Berlin',
        },
        'zh-CN',
      );
    expect(document).toContain('> 本文件为参考译文，仅供参考；本协议以英文文本为准。');
    expect(document).toContain('- **状态：** 生效中');
    expect(document).toContain('以Europe/Berlin 时区为准');
  });
});
