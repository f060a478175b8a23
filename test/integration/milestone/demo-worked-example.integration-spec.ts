import { DEMO_SCENARIO } from '@tetrad/demo-data';
import { startTestApp, type TestApp } from '../../support/test-app';

const ZHAO_LEI = 'zhao.lei@harmonic-drives.example'; // the supplier: a member, not the scenario user
const HUANG_MEI = 'huang.mei@pearl-care.example'; // another consortium

describe('the demo data’s worked example', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  it('shows 3 robots, 200 hours and 249,600 parcels as 20.8 a minute, 52–69 % of the human pace, short of the 21 milestone', async () => {
    const response = await t.as(ZHAO_LEI)<{
      kpiReports: {
        nodes: {
          status: string;
          figures: {
            throughputPerMinute: number;
            throughputPerRobotPerMinute: number;
            ratioToBaseline: { low: number; high: number };
          };
        }[];
      };
      milestones: {
        nodes: {
          name: string;
          status: string;
          evaluation: { outcome: string; explanation: { kpiKey: string; met: boolean; sentence: string }[] };
        }[];
      };
    }>(`{
      kpiReports(first: 5) { nodes { status figures { throughputPerMinute throughputPerRobotPerMinute ratioToBaseline { low high } } } }
      milestones(first: 5) { nodes { name status evaluation { outcome explanation { kpiKey met sentence } } } } }`);
    expect(response.errors).toBeUndefined();
    const [report] = response.data!.kpiReports.nodes;
    expect(report!.status).toBe('VERIFIED');
    expect(report!.figures.throughputPerMinute).toBeCloseTo(20.8, 6);
    expect(report!.figures.throughputPerRobotPerMinute).toBeCloseTo(6.933, 3);
    expect(report!.figures.ratioToBaseline.low).toBeCloseTo(0.52, 6);
    expect(report!.figures.ratioToBaseline.high).toBeCloseTo(0.693, 3);
    const [milestone] = response.data!.milestones.nodes;
    expect(milestone).toMatchObject({ name: DEMO_SCENARIO.milestone.name, status: 'COMMITTED' });
    expect(milestone!.evaluation.outcome).toBe('PENDING');
    const throughput = milestone!.evaluation.explanation.find((check) => check.kpiKey === 'throughput')!;
    expect(throughput.met).toBe(false);
    expect(throughput.sentence).toContain('20.8');
  });

  it('is the consortium’s own: another consortium sees none of it', async () => {
    const response = await t.as(HUANG_MEI)<{
      kpiReports: { totalCount: number };
      milestones: { totalCount: number };
    }>('{ kpiReports(first: 5) { totalCount } milestones(first: 5) { totalCount } }');
    expect(response.data).toEqual({ kpiReports: { totalCount: 0 }, milestones: { totalCount: 0 } });
  });
});
