import { DEMO_CONSORTIA } from '@tetrad/demo-data';
import { docxParagraphs, pdfPagesText } from '../../support/documents';
import { consortiumIdByName } from '../../support/members';
import { startTestApp, type TestApp } from '../../support/test-app';

const ZHANG_MIN = 'zhang.min@jiading-auto.example'; // scenario user: ENGINEER
const WANG_FANG = 'wang.fang@jiading-auto.example'; // scenario user: LEGAL, DATA_STEWARD (provider)
const LI_WEI = 'li.wei@jiading-auto.example'; // scenario user: ORG_ADMIN, SIGNATORY
const SUN_LI = 'sun.li@embodied-institute.example'; // institute: ORG_ADMIN, RESEARCHER (recipient)
const WU_GANG = 'wu.gang@embodied-institute.example'; // institute: SIGNATORY
const CHEN_JIE = 'chen.jie@lingbu-robotics.example'; // robot maker: in the consortium, not a party

const JIADING = 'Shanghai Jiading Auto Body Works';
const INSTITUTE = 'Beijing Institute for Embodied Intelligence';

const FILE = `query F($id: UUID!, $format: ContractDocumentFormat!, $version: Int, $language: ContractLanguage) {
  contractDocumentFile(id: $id, format: $format, version: $version, language: $language) {
    filename contentType contentBase64 } }`;

interface FileDownload {
  filename: string;
  contentType: string;
  contentBase64: string;
}

describe('contract documents as files: Word, PDF and Markdown of a signed agreement', () => {
  let t: TestApp;
  let contractId: string;
  let hash: string;

  const gql = async <T>(
    email: string,
    query: string,
    variables: Record<string, unknown> = {},
  ): Promise<T> => {
    const response = await t.as(email)<T>(query, variables);
    if (!response.data) throw new Error(JSON.stringify(response.errors));
    return response.data;
  };
  const download = async (email: string, variables: Record<string, unknown>) => {
    const { contractDocumentFile } = await gql<{ contractDocumentFile: FileDownload }>(email, FILE, {
      id: contractId,
      ...variables,
    });
    return { ...contractDocumentFile, bytes: Buffer.from(contractDocumentFile.contentBase64, 'base64') };
  };

  beforeAll(async () => {
    t = await startTestApp();
    // Signatories as they signed in: one with a Chinese name, so the files carry CJK from the data.
    for (const [email, name] of [
      [LI_WEI, '李伟'],
      [WU_GANG, 'Wu Gang'],
      [WANG_FANG, 'Wang Fang'],
      [SUN_LI, 'Sun Li'],
    ] as const) {
      await gql(email, '{ me { id } }');
      await t.dataSource.query(`UPDATE "user" SET name = $2 WHERE email = $1`, [email, name]);
    }
    const consortiumId = await consortiumIdByName(t, DEMO_CONSORTIA[0]!.name);
    const { createScenario } = await gql<{ createScenario: { id: string } }>(
      ZHANG_MIN,
      'mutation S($c: UUID!) { createScenario(input: { consortiumId: $c, name: "料箱拣选", sector: LOGISTICS, site: "Hub 5" }) { id } }',
      { c: consortiumId },
    );
    const { registerDataset } = await gql<{ registerDataset: { id: string } }>(
      WANG_FANG,
      'mutation R($input: RegisterDatasetInput!) { registerDataset(input: $input) { id } }',
      {
        input: {
          scenarioId: createScenario.id,
          name: '料箱抓取数据',
          sensitivity: 'CONSORTIUM',
          modalities: ['RGB'],
          format: 'MCAP',
          robotType: 'H1',
          allowedPurposes: ['RESEARCH'],
          storageLocation: 's3://jiading/bin-grasps',
        },
      },
    );
    const { submitDataAccessRequest } = await gql<{ submitDataAccessRequest: { id: string } }>(
      SUN_LI,
      'mutation S($input: SubmitDataAccessRequestInput!) { submitDataAccessRequest(input: $input) { id } }',
      {
        input: {
          datasetIds: [registerDataset.id],
          purpose: 'RESEARCH',
          intendedOutputs: 'A grasping benchmark',
          durationDays: 90,
          securityMeasures: 'Air-gapped lab',
        },
      },
    );
    const { reviewDataAccessRequest } = await gql<{ reviewDataAccessRequest: { contractId: string } }>(
      WANG_FANG,
      'mutation R($input: ReviewDataAccessRequestInput!) { reviewDataAccessRequest(input: $input) { contractId } }',
      {
        input: {
          requestId: submitDataAccessRequest.id,
          decisions: [{ datasetId: registerDataset.id, approve: true }],
        },
      },
    );
    contractId = reviewDataAccessRequest.contractId;
    const { agreeContract } = await gql<{ agreeContract: { agreedHash: string } }>(
      WANG_FANG,
      'mutation A($c: UUID!, $v: Int!) { agreeContract(contractId: $c, version: $v) { agreedHash } }',
      { c: contractId, v: 1 },
    );
    hash = agreeContract.agreedHash;
    const sign = 'mutation S($c: UUID!, $h: String!) { signContract(contractId: $c, hash: $h) { status } }';
    await gql(LI_WEI, sign, { c: contractId, h: hash });
    await gql(WU_GANG, sign, { c: contractId, h: hash });
  });

  afterAll(async () => {
    await t.close();
  });

  it('gives the recipient a Word file with the parties, the hash and each signatory', async () => {
    const file = await download(SUN_LI, { format: 'DOCX' });
    expect(file.filename).toMatch(/-v1\.docx$/);
    expect(file.contentType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const text = docxParagraphs(file.bytes).join('\n');
    for (const expected of [hash, '李伟', 'Wu Gang', JIADING, INSTITUTE, '料箱抓取数据']) {
      expect(text).toContain(expected);
    }
  });

  it('gives the provider a PDF with the Chinese font embedded, the same bytes on every download', async () => {
    const file = await download(WANG_FANG, { format: 'PDF' });
    expect(file.filename).toMatch(/-v1\.pdf$/);
    expect(file.contentType).toBe('application/pdf');
    const raw = file.bytes.toString('latin1');
    expect(raw.startsWith('%PDF-')).toBe(true);
    expect(raw).toMatch(/\/FontName \/[A-Z]{6}\+NotoSansHans-Regular[^>]*\/FontFile3 \d+ 0 R/);
    const text = (await pdfPagesText(file.bytes)).join('\n');
    for (const expected of [hash, '李伟', 'Wu Gang', JIADING, INSTITUTE, '料箱抓取数据']) {
      expect(text).toContain(expected);
    }
    // The recipient downloads the very same file: nothing in it depends on who asks or when.
    const again = await download(SUN_LI, { format: 'PDF', version: 1 });
    expect(again.bytes.equals(file.bytes)).toBe(true);
  });

  it('writes Markdown in the language asked for', async () => {
    const file = await download(SUN_LI, { format: 'MARKDOWN', language: 'EN' });
    expect(file.filename).toMatch(/-v1\.md$/);
    const text = file.bytes.toString('utf8');
    expect(text).toContain('Signatures');
    expect(text).toContain(hash);
  });

  it('answers NOT_FOUND to an organisation that is not a party, and for a version that does not exist', async () => {
    const outsider = await t.as(CHEN_JIE)(FILE, { id: contractId, format: 'PDF' });
    expect(outsider.errors?.[0]?.extensions.code).toBe('NOT_FOUND');
    expect(outsider.data).toBeNull();
    const missing = await t.as(SUN_LI)(FILE, { id: contractId, format: 'DOCX', version: 9 });
    expect(missing.errors?.[0]?.extensions.code).toBe('NOT_FOUND');
  });
});
