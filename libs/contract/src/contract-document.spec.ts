import { contractDocument, escapeTableCell, type ContractDocumentInput } from './contract-document';
import type { ContractContent, ContractTerms } from './contract-terms';

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

function documentOf(overrides: Partial<ContractDocumentInput> = {}): string {
  return contractDocument({
    content: content(),
    contentHash: HASH,
    status: 'AGREED',
    datasetNames: { 'ds-kitchen': 'Kitchen pick-and-place' },
    signatures: [],
    ...overrides,
  });
}

function termLine(document: string, label: string): string {
  return document.split('\n').find((line) => line.startsWith(`- **${label}:**`)) ?? '';
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
    expect(lines).toContain('- **Status:** AGREED');
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
    expect(document).toContain('- Kitchen pick-and-place (`ds-kitchen`)');
    expect(document).toContain('- ds-unnamed (`ds-unnamed`)');
  });

  it.each<[string, Partial<ContractTerms>, string, string]>([
    ['purposes', {}, 'Purposes', 'The recipient may use the data only for research and model training.'],
    ['no purpose', { purposes: [] }, 'Purposes', 'None: the data may not be used.'],
    ['no prohibition', { prohibitions: [] }, 'Prohibitions', 'None.'],
    ['the period', {}, 'Period', 'From 2025-01-01 (inclusive) to 2025-07-01 (exclusive), in UTC.'],
    [
      'excluded modalities',
      { excludedModalities: ['AUDIO', 'FORCE_TORQUE'] },
      'Excluded modalities',
      'Audio and force-torque recordings are not shared.',
    ],
    ['no excluded modality', {}, 'Excluded modalities', 'None: every modality of the datasets is shared.'],
    ['no duty', { duties: [] }, 'Duties', 'None.'],
  ])('states %s in a sentence', (_case, terms, label, sentence) => {
    expect(termLine(documentOf({ content: content(terms) }), label)).toBe(`- **${label}:** ${sentence}`);
  });

  it('lists each prohibition', () => {
    const document = documentOf({
      content: content({
        prohibitions: ['REDISTRIBUTE', 'RE_IDENTIFY', 'COMMERCIAL_USE', 'CROSS_BORDER_TRANSFER'],
      }),
    });
    expect(document).toContain(
      [
        '- **Prohibitions:** The recipient must not:',
        '  - redistribute the data to third parties.',
        '  - attempt to re-identify any person recorded in the data.',
        '  - use the data for commercial purposes.',
        "  - transfer the data out of the People's Republic of China, including by giving access to it from abroad.",
        '- **Duties:**',
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
        '- **Duties:** The recipient must:',
        '  - attribute the providers in every publication or product that uses the data (standing duty).',
        '  - notify the providers without undue delay of any security breach affecting the data (standing duty).',
        '  - delete the data and certify the deletion within 30 days of the end date, by 2025-07-31.',
        '  - report every publication that uses the data to the providers within 180 days of the start date, by 2025-06-30.',
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
    expect(document).toContain(`Content hash (SHA-256): \`${HASH}\``);
    expect(document).toContain(
      [
        '| Organisation | Signer | Signed at | Hash matches |',
        '| --- | --- | --- | --- |',
        '| Humanoid Lab | Li Wei | 2024-12-20T09:30:00Z | yes |',
        '| AI Institute | Zhang Min | 2024-12-21T10:00:00Z | no |',
      ].join('\n'),
    );
    expect(document.indexOf('Content hash')).toBeGreaterThan(document.indexOf('### 2. Grant of access'));
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
    expect(row).toBe('| Lab \\| East | Li Wei | 2024-12-20T09:30:00Z | yes |');
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
      "- **Kitchen pick-and-place:** the purpose matcher (purpose-match/1) advised against it (DENY): The dataset's offer does not include COMMERCIAL\\_PRODUCT.",
    );
    expect(document).toContain('left it to the steward (ABSTAIN)');
    expect(document).toContain('  Wang Fang of Humanoid Lab approved it on 2025-05-04, giving this reason:');
    expect(document).toContain(
      '  > Agreed with the owner in the\n  > steering committee of 3 May; see \\*minutes\\*.',
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
