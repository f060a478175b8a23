import { dateInTimeZone } from '@tetrad/consortium';
import { DEMO_CONSORTIA } from '@tetrad/demo-data';
import { consortiumIdByName } from '../../support/members';
import { startTestApp, type GraphQLResponse, type TestApp } from '../../support/test-app';

const WANG_FANG = 'wang.fang@jiading-auto.example'; // scenario user: LEGAL, DATA_STEWARD (provider)
const LI_WEI = 'li.wei@jiading-auto.example'; // scenario user: ORG_ADMIN, SIGNATORY
const ZHANG_MIN = 'zhang.min@jiading-auto.example'; // scenario user: ENGINEER
const CHEN_JIE = 'chen.jie@lingbu-robotics.example'; // robot maker: ORG_ADMIN (a requester)
const ZHAO_LEI = 'zhao.lei@harmonic-drives.example'; // supplier: ORG_ADMIN (another requester)
const HUANG_MEI = 'huang.mei@pearl-care.example'; // the other consortium: ORG_ADMIN

const SUBMIT = `mutation S($input: SubmitDataAccessRequestInput!) { submitDataAccessRequest(input: $input) { id } }`;
const REVIEW = `mutation R($input: ReviewDataAccessRequestInput!) { reviewDataAccessRequest(input: $input) { status contractId } }`;
const CONTRACT = `query C($id: UUID!) { dataSharingContract(id: $id) {
  id title governingLanguage startsAt endsAt
  version { number governingLanguage note terms { startsOn endsOn } clauses { key title text translation { title text } } } } }`;
const DOCUMENT = `query D($c: UUID!, $l: ContractLanguage) { contractDocument(contractId: $c, language: $l) }`;
const AGREE = `mutation A($c: UUID!, $v: Int!) { agreeContract(contractId: $c, version: $v) { status startsAt endsAt } }`;
const UPDATE = `mutation U($input: UpdateConsortiumInput!) { updateConsortium(input: $input) { id timeZone } }`;

interface Contract {
  id: string;
  title: string;
  governingLanguage: string;
  startsAt: string | null;
  endsAt: string | null;
  version: {
    number: number;
    governingLanguage: string | null;
    note: string;
    terms: { startsOn: string; endsOn: string };
    clauses: {
      key: string;
      title: string;
      text: string;
      translation: { title: string; text: string } | null;
    }[];
  };
}

const code = (response: GraphQLResponse<unknown>): string | undefined =>
  response.errors?.[0]?.extensions.code;

/** The day before a YYYY-MM-DD date. */
const dayBefore = (isoDate: string): string =>
  new Date(Date.parse(`${isoDate}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

describe('bilingual contracts: governing language, titles, time zone and documents', () => {
  let t: TestApp;
  let consortiumId: string;
  let dataset: string;
  let chinese: Contract;
  let english: Contract;

  const draft = async (requester: string, contractLanguage?: 'ZH_CN' | 'EN'): Promise<Contract> => {
    const submitted = await t.as(requester)<{ submitDataAccessRequest: { id: string } }>(SUBMIT, {
      input: {
        datasetIds: [dataset],
        purpose: 'RESEARCH',
        intendedOutputs: 'A grasping paper',
        durationDays: 90,
        securityMeasures: 'Encrypted storage',
      },
    });
    if (!submitted.data) throw new Error(JSON.stringify(submitted.errors));
    const reviewed = await t.as(WANG_FANG)<{ reviewDataAccessRequest: { contractId: string } }>(REVIEW, {
      input: {
        requestId: submitted.data.submitDataAccessRequest.id,
        decisions: [{ datasetId: dataset, approve: true }],
        ...(contractLanguage ? { contractLanguage } : {}),
      },
    });
    if (!reviewed.data) throw new Error(JSON.stringify(reviewed.errors));
    return contractOf(reviewed.data.reviewDataAccessRequest.contractId);
  };
  const contractOf = async (id: string): Promise<Contract> => {
    const response = await t.as(WANG_FANG)<{ dataSharingContract: Contract }>(CONTRACT, { id });
    if (!response.data) throw new Error(JSON.stringify(response.errors));
    return response.data.dataSharingContract;
  };
  const documentOf = async (id: string, language?: 'ZH_CN' | 'EN'): Promise<string> => {
    const response = await t.as(WANG_FANG)<{ contractDocument: string }>(DOCUMENT, { c: id, l: language });
    if (!response.data) throw new Error(JSON.stringify(response.errors));
    return response.data.contractDocument;
  };

  beforeAll(async () => {
    t = await startTestApp();
    consortiumId = await consortiumIdByName(t, DEMO_CONSORTIA[0]!.name);
    const scenario = await t.as(ZHANG_MIN)<{ createScenario: { id: string } }>(
      'mutation S($c: UUID!) { createScenario(input: { consortiumId: $c, name: "夜班分拣", sector: LOGISTICS, site: "二号库" }) { id } }',
      { c: consortiumId },
    );
    const registered = await t.as(WANG_FANG)<{ registerDataset: { id: string } }>(
      'mutation R($input: RegisterDatasetInput!) { registerDataset(input: $input) { id } }',
      {
        input: {
          scenarioId: scenario.data!.createScenario.id,
          name: '夜班软包抓取',
          sensitivity: 'CONSORTIUM',
          modalities: ['RGB', 'JOINT_STATES'],
          format: 'LEROBOT',
          robotType: 'Lingbu H1',
          allowedPurposes: ['RESEARCH'],
          personalData: false,
          anonymisation: 'NOT_APPLICABLE',
          storageLocation: 's3://jiading/night-picks',
        },
      },
    );
    if (!registered.data) throw new Error(JSON.stringify(registered.errors));
    dataset = registered.data.registerDataset.id;
    chinese = await draft(CHEN_JIE);
    english = await draft(ZHAO_LEI, 'EN');
  });

  afterAll(async () => {
    await t.close();
  });

  it('drafts in Chinese by default, each clause with its English translation, the note in Chinese', () => {
    expect(chinese.governingLanguage).toBe('ZH_CN');
    expect(chinese.version.governingLanguage).toBe('ZH_CN');
    const [definitions] = chinese.version.clauses;
    expect(definitions).toMatchObject({ key: 'definitions', title: '定义' });
    expect(definitions!.text).toContain('“数据”指数据集“夜班软包抓取”');
    expect(definitions!.translation?.title).toBe('Definitions');
    for (const clause of chinese.version.clauses) expect(clause.translation?.text).toMatch(/\S/);
    expect(chinese.version.clauses.find((c) => c.key === 'governing-law')!.text).toContain(
      '本协议适用中华人民共和国法律',
    );
    expect(chinese.version.note).toMatch(/^依据已批准的数据访问申请起草。/);
  });

  it('titles the draft from the dataset and party names, in the governing language, without codes', () => {
    expect(chinese.title).toMatch(/^数据使用协议：夜班软包抓取 —— .+ 向 .+ 提供$/);
    expect(english.title).toMatch(/^Data-use agreement: 夜班软包抓取 from .+ to .+$/);
    for (const title of [chinese.title, english.title]) expect(title).not.toMatch(/RESEARCH|[A-Z]+_[A-Z]+/);
  });

  it('drafts in English when the steward picks it, with Chinese translations', () => {
    expect(english.governingLanguage).toBe('EN');
    expect(english.version.clauses[0]).toMatchObject({
      title: 'Definitions',
      translation: { title: '定义' },
    });
    expect(english.version.note).toMatch(/^Drafted from the approved request\./);
  });

  it('starts the terms today in the consortium time zone (Asia/Shanghai by default)', () => {
    expect(chinese.version.terms.startsOn).toBe(dateInTimeZone(new Date(), 'Asia/Shanghai'));
  });

  it('writes the document in the governing language, and marks the other as a convenience translation', async () => {
    const governing = await documentOf(chinese.id);
    expect(governing).toContain(`# ${chinese.title}`);
    expect(governing).toContain('## 授权条件');
    expect(governing).toContain('以北京时间为准');
    expect(governing).not.toContain('UTC');
    expect(governing).not.toContain('参考译文');
    expect(await documentOf(chinese.id, 'ZH_CN')).toBe(governing);

    const translation = await documentOf(chinese.id, 'EN');
    expect(translation).toContain(
      '> Convenience translation, for reference only: the Chinese text of this agreement governs.',
    );
    expect(translation).toContain('### 1. Definitions');
    expect(translation).toContain('Beijing time');

    expect(await documentOf(english.id)).toContain('- **Governing language:** English');
    expect(await documentOf(english.id, 'ZH_CN')).toContain(
      '本文件为参考译文，仅供参考；本协议以英文文本为准。',
    );
  });

  it('agrees a contract in Asia/Shanghai to start at 16:00 UTC the day before its start date', async () => {
    const agreed = await t.as(WANG_FANG)<{
      agreeContract: { status: string; startsAt: string; endsAt: string };
    }>(AGREE, { c: chinese.id, v: chinese.version.number });
    expect(agreed.errors).toBeUndefined();
    const { startsOn, endsOn } = chinese.version.terms;
    expect(agreed.data!.agreeContract).toMatchObject({
      status: 'AGREED',
      startsAt: `${dayBefore(startsOn)}T16:00:00.000Z`,
      endsAt: `${dayBefore(endsOn)}T16:00:00.000Z`,
    });
  });

  it('reopens in the governing language, the new version keeping its language and translations', async () => {
    const reopened = await t.as(WANG_FANG)<{ reopenContractNegotiation: { number: number; note: string } }>(
      'mutation O($c: UUID!) { reopenContractNegotiation(contractId: $c, reason: "起始日期推迟一周") { number note } }',
      { c: chinese.id },
    );
    expect(reopened.errors).toBeUndefined();
    expect(reopened.data!.reopenContractNegotiation.note).toBe('重新开启协商：起始日期推迟一周');
    const after = await contractOf(chinese.id);
    expect(after.version).toMatchObject({ number: 2, governingLanguage: 'ZH_CN' });
    expect(after.version.clauses).toEqual(chinese.version.clauses);
  });

  it('lets an ORG_ADMIN of a member set the time zone, refusing unknown names and other consortia', async () => {
    const refused = await t.as(LI_WEI)(UPDATE, { input: { id: consortiumId, timeZone: 'Asia/Beijing' } });
    expect(code(refused)).toBe('BAD_USER_INPUT');
    expect(code(await t.as(WANG_FANG)(UPDATE, { input: { id: consortiumId, timeZone: 'UTC' } }))).toBe(
      'FORBIDDEN',
    );
    expect(code(await t.as(HUANG_MEI)(UPDATE, { input: { id: consortiumId, timeZone: 'UTC' } }))).toBe(
      'NOT_FOUND',
    );
    const berlin = await t.as(LI_WEI)<{ updateConsortium: { timeZone: string } }>(UPDATE, {
      input: { id: consortiumId, timeZone: 'Europe/Berlin' },
    });
    expect(berlin.data?.updateConsortium.timeZone).toBe('Europe/Berlin');

    // December in Berlin is UTC+1: the period starts at 23:00 UTC the day before.
    const agreed = await t.as(WANG_FANG)<{ agreeContract: { startsAt: string } }>(AGREE, {
      c: english.id,
      v: english.version.number,
    });
    // Midnight in Berlin of the start date: 23:00 UTC the day before in winter, 22:00 in summer.
    const startsAt = new Date(agreed.data!.agreeContract.startsAt);
    const startsOn = english.version.terms.startsOn;
    expect(agreed.data!.agreeContract.startsAt).toMatch(
      new RegExp(`^${dayBefore(startsOn)}T2[23]:00:00.000Z$`),
    );
    expect(dateInTimeZone(startsAt, 'Europe/Berlin')).toBe(startsOn);
    expect(dateInTimeZone(new Date(startsAt.getTime() - 1), 'Europe/Berlin')).toBe(dayBefore(startsOn));
    expect(await documentOf(english.id)).toContain('Europe/Berlin time');
  });
});
