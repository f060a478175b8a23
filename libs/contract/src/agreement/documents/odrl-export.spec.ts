import type { ContractContent, ContractParty, DutyTerm, Modality, Prohibition } from '../contract-terms';
import { odrlProfile, toOdrlAgreement, type OdrlAgreementInput } from './odrl-export';

const BASE = 'https://tetrad.example.cn';
const POLICY = `${BASE}/contracts/c-42/versions/3`;
const LAB = `${BASE}/organizations/org-lab`;
const FACTORY = `${BASE}/organizations/org-factory`;
const INSTITUTE = `${BASE}/organizations/org-institute`;
const KITCHEN = `${BASE}/datasets/ds-kitchen`;
const WAREHOUSE = `${BASE}/datasets/ds-warehouse`;

const PROVIDER_LAB: ContractParty = { organizationId: 'org-lab', name: 'Humanoid Lab', role: 'PROVIDER' };
const PROVIDER_FACTORY: ContractParty = {
  organizationId: 'org-factory',
  name: 'Factory Co',
  role: 'PROVIDER',
};
const RECIPIENT: ContractParty = { organizationId: 'org-institute', name: 'AI Institute', role: 'RECIPIENT' };

function content(overrides: Partial<ContractContent['terms']> = {}, parties = [PROVIDER_LAB, RECIPIENT]) {
  const value: ContractContent = {
    contractId: 'c-42',
    version: 3,
    title: 'Kitchen and warehouse data for policy training',
    parties,
    terms: {
      datasetIds: ['ds-kitchen', 'ds-warehouse'],
      purposes: ['MODEL_TRAINING', 'RESEARCH'],
      prohibitions: ['RE_IDENTIFY', 'REDISTRIBUTE'],
      duties: [],
      startsOn: '2025-01-01',
      endsOn: '2025-07-01',
      excludedModalities: [],
      ...overrides,
    },
    clauses: [{ key: 'definitions', title: 'Definitions', text: '…' }],
  };
  return value;
}

type JsonNode = Record<string, unknown>;

interface ExportedRule extends JsonNode {
  target: string | JsonNode;
  assigner: string;
  assignee: string;
  duty?: JsonNode[];
}

interface ExportedAgreement extends JsonNode {
  permission: ExportedRule[];
  prohibition: ExportedRule[];
  'tetrad:parties': JsonNode[];
  'tetrad:datasets': JsonNode[];
}

function exportOf(value: ContractContent, overrides: Partial<OdrlAgreementInput> = {}): ExportedAgreement {
  // Through JSON, as consumers receive it: nothing undefined or non-serialisable may hide in it.
  const agreement = toOdrlAgreement({
    content: value,
    contentHash: 'ab'.repeat(32),
    datasetNames: { 'ds-kitchen': 'Kitchen pick-and-place', 'ds-warehouse': 'Warehouse totes' },
    baseUri: BASE,
    signatures: [],
    ...overrides,
  });
  return JSON.parse(JSON.stringify(agreement)) as ExportedAgreement;
}

describe('toOdrlAgreement', () => {
  it('is an ODRL 2.2 Agreement identified by the contract version', () => {
    const agreement = exportOf(content());
    expect(agreement['@context']).toEqual([
      'http://www.w3.org/ns/odrl.jsonld',
      { dcterms: 'http://purl.org/dc/terms/', tetrad: `${BASE}/ns#` },
    ]);
    expect(agreement['@type']).toBe('Agreement');
    expect(agreement.uid).toBe(POLICY);
    expect(agreement.profile).toBe(`${BASE}/ns/odrl-profile`);
    expect(agreement.conflict).toBe('prohibit');
    expect(agreement['dcterms:title']).toBe('Kitchen and warehouse data for policy training');
    expect(agreement['dcterms:isVersionOf']).toEqual({ '@id': `${BASE}/contracts/c-42` });
    expect(agreement['tetrad:version']).toBe(3);
    expect(agreement['tetrad:contentHash']).toBe('ab'.repeat(32));
  });

  it('names the governing language when the version records one', () => {
    expect(exportOf(content())['dcterms:language']).toBeUndefined();
    expect(exportOf({ ...content(), governingLanguage: 'zh-CN' })['dcterms:language']).toBe('zh-CN');
  });

  it("states the period's instants in the consortium's time zone", () => {
    const shanghai = JSON.stringify(exportOf(content(), { timeZone: 'Asia/Shanghai' }));
    const utc = JSON.stringify(exportOf(content()));
    const { startsOn } = content().terms;
    expect(utc).toContain(`"${startsOn}T00:00:00Z"`);
    expect(shanghai).not.toContain(`"${startsOn}T00:00:00Z"`);
    const dayBefore = new Date(Date.parse(`${startsOn}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    expect(shanghai).toContain(`"${dayBefore}T16:00:00.000Z"`);
  });

  it('ignores a trailing slash on the base URI', () => {
    expect(exportOf(content(), { baseUri: `${BASE}/` }).uid).toBe(POLICY);
  });

  it('permits use of each dataset for the purposes, from the start date to the end date', () => {
    const permissions = exportOf(content()).permission;
    expect(permissions.map((permission) => permission.target)).toEqual([KITCHEN, WAREHOUSE]);
    for (const permission of permissions) {
      expect(permission).toMatchObject({ action: 'use', assigner: LAB, assignee: INSTITUTE });
      expect(permission.constraint).toEqual([
        {
          leftOperand: 'purpose',
          operator: 'isAnyOf',
          rightOperand: [{ '@id': 'tetrad:MODEL_TRAINING' }, { '@id': 'tetrad:RESEARCH' }],
        },
        {
          leftOperand: 'dateTime',
          operator: 'gteq',
          rightOperand: { '@value': '2025-01-01T00:00:00Z', '@type': 'xsd:dateTime' },
        },
        {
          leftOperand: 'dateTime',
          operator: 'lt',
          rightOperand: { '@value': '2025-07-01T00:00:00Z', '@type': 'xsd:dateTime' },
        },
      ]);
      expect(permission.duty).toBeUndefined();
    }
  });

  it('narrows the target to the modalities that are not excluded', () => {
    const excluded: Modality[] = ['AUDIO', 'TACTILE'];
    const [permission] = exportOf(content({ excludedModalities: excluded })).permission;
    expect(permission?.target).toEqual({
      '@type': 'AssetCollection',
      source: KITCHEN,
      refinement: [
        {
          leftOperand: 'tetrad:modality',
          operator: 'isNoneOf',
          rightOperand: [{ '@id': 'tetrad:AUDIO' }, { '@id': 'tetrad:TACTILE' }],
        },
      ],
    });
    expect(permission?.target).not.toHaveProperty('uid');
  });

  it.each<[Prohibition, string]>([
    ['REDISTRIBUTE', 'distribute'],
    ['COMMERCIAL_USE', 'cc:CommercialUse'],
    ['RE_IDENTIFY', 'tetrad:reIdentify'],
    ['CROSS_BORDER_TRANSFER', 'tetrad:crossBorderTransfer'],
  ])('prohibits %s as the action %s on every dataset', (prohibition, action) => {
    const prohibitions = exportOf(content({ prohibitions: [prohibition] })).prohibition;
    expect(prohibitions).toEqual([
      { target: KITCHEN, assigner: LAB, assignee: INSTITUTE, action },
      { target: WAREHOUSE, assigner: LAB, assignee: INSTITUTE, action },
    ]);
  });

  it('has no prohibition when the terms have none', () => {
    expect(exportOf(content({ prohibitions: [] })).prohibition).toEqual([]);
  });

  it.each<[string, DutyTerm, Record<string, unknown>]>([
    [
      'attribution to the providers',
      { duty: 'ATTRIBUTE', dueInDays: null },
      { action: 'attribute', attributedParty: LAB },
    ],
    [
      'deletion within 30 days of the end date',
      { duty: 'DELETE_ON_EXPIRY', dueInDays: 30 },
      {
        action: 'delete',
        target: KITCHEN,
        constraint: [
          {
            leftOperand: 'dateTime',
            operator: 'lteq',
            rightOperand: { '@value': '2025-07-31T00:00:00Z', '@type': 'xsd:dateTime' },
          },
        ],
      },
    ],
    [
      'a publication report within 180 days of the start date',
      { duty: 'REPORT_PUBLICATIONS', dueInDays: 180 },
      {
        uid: `${POLICY}#report-publications`,
        action: 'inform',
        informedParty: LAB,
        'dcterms:description': 'Report every publication that uses the data to the providers.',
        constraint: [
          {
            leftOperand: 'dateTime',
            operator: 'lteq',
            rightOperand: { '@value': '2025-06-30T00:00:00Z', '@type': 'xsd:dateTime' },
          },
        ],
      },
    ],
    [
      'a breach notification',
      { duty: 'NOTIFY_BREACH', dueInDays: null },
      {
        uid: `${POLICY}#notify-breach`,
        action: 'inform',
        informedParty: LAB,
        'dcterms:description':
          'Notify the providers without undue delay of any security breach affecting the data.',
      },
    ],
  ])('attaches %s to each permission', (_case, term, expected) => {
    const [kitchen, warehouse] = exportOf(content({ duties: [term] })).permission;
    expect(kitchen?.duty).toEqual([expected]);
    expect(warehouse?.duty).toHaveLength(1);
  });

  it('deletes each dataset under its own duty, but reports publications once for the contract', () => {
    const duties: DutyTerm[] = [
      { duty: 'DELETE_ON_EXPIRY', dueInDays: 30 },
      { duty: 'REPORT_PUBLICATIONS', dueInDays: 180 },
    ];
    const [kitchen, warehouse] = exportOf(content({ duties })).permission;
    expect(kitchen?.duty?.[0]?.target).toBe(KITCHEN);
    expect(warehouse?.duty?.[0]?.target).toBe(WAREHOUSE);
    expect(kitchen?.duty?.[1]).toEqual(warehouse?.duty?.[1]);
  });

  it('describes one provider as a party of its own', () => {
    const agreement = exportOf(content());
    expect(agreement['tetrad:parties']).toEqual([
      {
        '@type': ['Party', 'vcard:Organization'],
        uid: LAB,
        'vcard:fn': 'Humanoid Lab',
        'tetrad:role': 'PROVIDER',
      },
      {
        '@type': ['Party', 'vcard:Organization'],
        uid: INSTITUTE,
        'vcard:fn': 'AI Institute',
        'tetrad:role': 'RECIPIENT',
      },
    ]);
  });

  it('gathers several providers in one assigning PartyCollection', () => {
    const agreement = exportOf(content({}, [PROVIDER_LAB, PROVIDER_FACTORY, RECIPIENT]));
    const providers = `${POLICY}#providers`;
    for (const rule of [...agreement.permission, ...agreement.prohibition]) {
      expect(rule.assigner).toBe(providers);
      expect(rule.assignee).toBe(INSTITUTE);
    }
    const parties = agreement['tetrad:parties'];
    expect(parties).toContainEqual({ '@type': ['PartyCollection', 'vcard:Group'], uid: providers });
    expect(parties.filter((party) => party.partOf === providers).map((party) => party.uid)).toEqual([
      LAB,
      FACTORY,
    ]);
    expect(parties.find((party) => party.uid === INSTITUTE)).not.toHaveProperty('partOf');
  });

  it.each<[string, ContractParty[]]>([
    ['no recipient', [PROVIDER_LAB]],
    ['no provider', [RECIPIENT]],
  ])('refuses a contract with %s', (_case, parties) => {
    expect(() => exportOf(content({}, parties))).toThrow('needs at least one');
  });

  it('names the datasets and records the signatures', () => {
    const agreement = exportOf(content(), {
      signatures: [{ organizationId: 'org-lab', signedAt: '2024-12-20T09:30:00.000Z' }],
    });
    expect(agreement['tetrad:datasets']).toEqual([
      { '@type': 'Asset', uid: KITCHEN, 'dcterms:title': 'Kitchen pick-and-place' },
      { '@type': 'Asset', uid: WAREHOUSE, 'dcterms:title': 'Warehouse totes' },
    ]);
    expect(agreement['tetrad:signatures']).toEqual([
      {
        '@type': 'tetrad:Signature',
        'tetrad:signatory': { '@id': LAB },
        'tetrad:signedAt': { '@value': '2024-12-20T09:30:00.000Z', '@type': 'xsd:dateTime' },
      },
    ]);
  });

  it('falls back to the dataset id when its name is unknown', () => {
    const agreement = exportOf(content(), { datasetNames: {} });
    expect(agreement['tetrad:datasets'][0]).toHaveProperty(['dcterms:title'], 'ds-kitchen');
  });
});

describe('toOdrlAgreement: purpose matcher overrides', () => {
  const override = {
    datasetId: 'ds-kitchen',
    decision: 'DENY',
    matcherVersion: 'purpose-match/1',
    reason: 'Agreed by the steering committee.',
    overriddenByOrganizationId: 'org-lab',
    at: '2025-05-04T08:00:00.000Z',
  };

  it.each<[string, OdrlAgreementInput['matcherOverrides'], number | undefined]>([
    ['none given', undefined, undefined],
    ['none', [], undefined],
    ['one', [override], 1],
  ])('annotates the agreement with overrides only when there are any: %s', (_case, matcherOverrides, n) => {
    const agreement = exportOf(content(), { matcherOverrides }) as Record<string, unknown>;
    expect((agreement['tetrad:matcherOverrides'] as unknown[] | undefined)?.length).toBe(n);
  });

  it('names the dataset, the advice, the reason and the overriding owner', () => {
    const agreement = exportOf(content(), { matcherOverrides: [override] }) as Record<string, unknown>;
    expect((agreement['tetrad:matcherOverrides'] as unknown[])[0]).toEqual({
      '@type': 'tetrad:MatcherOverride',
      'tetrad:dataset': { '@id': `${BASE}/datasets/ds-kitchen` },
      'tetrad:advice': 'DENY',
      'tetrad:matcherVersion': 'purpose-match/1',
      'dcterms:description': 'Agreed by the steering committee.',
      'tetrad:overriddenBy': { '@id': `${BASE}/organizations/org-lab` },
      'tetrad:overriddenAt': { '@value': '2025-05-04T08:00:00.000Z', '@type': 'xsd:dateTime' },
    });
  });
});

describe('odrlProfile', () => {
  const graph = odrlProfile(BASE)['@graph'] as Record<string, unknown>[];
  const declared = (uid: string) => graph.find((node) => node.uid === uid);

  it.each([['tetrad:reIdentify'], ['tetrad:crossBorderTransfer']])(
    'declares the action %s under use',
    (uid) => {
      expect(declared(uid)).toMatchObject({ '@type': 'Action', includedIn: 'odrl:use' });
    },
  );

  it('declares every non-ODRL term the agreement uses', () => {
    const agreement = exportOf(
      content({
        purposes: ['RESEARCH', 'COMMERCIAL_PRODUCT'],
        prohibitions: ['RE_IDENTIFY', 'CROSS_BORDER_TRANSFER'],
        excludedModalities: ['LANGUAGE_ANNOTATIONS'],
      }),
    );
    const used =
      JSON.stringify([agreement.permission, agreement.prohibition]).match(/tetrad:[A-Za-z_]+/g) ?? [];
    expect(used.length).toBeGreaterThan(0);
    for (const term of new Set(used)) {
      expect(declared(term)).toBeDefined();
    }
  });
});
