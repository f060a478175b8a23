/**
 * The demo consortium's organisations and people, shared by the bundled identity provider
 * (accounts), the demo seed (organisations and invitations) and `npm run token`.
 * Fictional names; the example.* domains are reserved and never deliver mail.
 */
export type DemoRole = 'ORG_ADMIN' | 'LEGAL' | 'DATA_STEWARD' | 'SIGNATORY' | 'ENGINEER' | 'RESEARCHER';
export type DemoOrganizationKind = 'SCENARIO_USER' | 'ROBOT_MAKER' | 'SUPPLIER' | 'RESEARCH_INSTITUTE';

export interface DemoOrganization {
  key: string;
  name: string;
  kind: DemoOrganizationKind;
  unifiedSocialCreditCode: string;
  region: string;
  stateOwned: boolean;
}

export interface DemoPerson {
  email: string;
  name: string;
  /** Key of the organisation that invited this person; undefined for accounts Tetrad does not know. */
  organization?: string;
  roles: DemoRole[];
  emailVerified: boolean;
  /** A platform administrator (PLATFORM_ADMIN_EMAILS), outside any organisation. */
  platformAdmin?: boolean;
}

/** Every demo account signs in with this password at the bundled identity provider (development only). */
export const DEMO_PASSWORD = 'tetrad-demo';

export const DEMO_ORGANIZATIONS: DemoOrganization[] = [
  {
    key: 'jiading-auto',
    name: 'Shanghai Jiading Auto Body Works',
    kind: 'SCENARIO_USER',
    unifiedSocialCreditCode: '91310114MA1GT2K0XA',
    region: 'Shanghai',
    stateOwned: true,
  },
  {
    key: 'lingbu-robotics',
    name: 'Hangzhou Lingbu Robotics',
    kind: 'ROBOT_MAKER',
    unifiedSocialCreditCode: '91330106MA2H3B4C5L',
    region: 'Zhejiang',
    stateOwned: false,
  },
  {
    key: 'harmonic-drives',
    name: 'Suzhou Precision Harmonic Drives',
    kind: 'SUPPLIER',
    unifiedSocialCreditCode: '91320505MA1N7P8Q9J',
    region: 'Jiangsu',
    stateOwned: false,
  },
  {
    key: 'pearl-care',
    name: 'Shenzhen Pearl River Care Homes',
    kind: 'SCENARIO_USER',
    unifiedSocialCreditCode: '52440300MJL1234565',
    region: 'Guangdong',
    stateOwned: false,
  },
  {
    key: 'bay-robotics',
    name: 'Guangzhou Bay Area Service Robots',
    kind: 'ROBOT_MAKER',
    unifiedSocialCreditCode: '91440101MA5ABCDE1M',
    region: 'Guangdong',
    stateOwned: false,
  },
  {
    key: 'embodied-institute',
    name: 'Beijing Institute for Embodied Intelligence',
    kind: 'RESEARCH_INSTITUTE',
    unifiedSocialCreditCode: '12110000MB0D1E2F3B',
    region: 'Beijing',
    stateOwned: true,
  },
];

export const DEMO_PEOPLE: DemoPerson[] = [
  {
    email: 'admin@tetrad.example',
    name: 'Programme Office',
    roles: [],
    emailVerified: true,
    platformAdmin: true,
  },
  {
    email: 'li.wei@jiading-auto.example',
    name: 'Li Wei',
    organization: 'jiading-auto',
    roles: ['ORG_ADMIN', 'SIGNATORY'],
    emailVerified: true,
  },
  {
    email: 'zhang.min@jiading-auto.example',
    name: 'Zhang Min',
    organization: 'jiading-auto',
    roles: ['ENGINEER'],
    emailVerified: true,
  },
  {
    email: 'wang.fang@jiading-auto.example',
    name: 'Wang Fang',
    organization: 'jiading-auto',
    roles: ['LEGAL', 'DATA_STEWARD'],
    emailVerified: true,
  },
  {
    email: 'chen.jie@lingbu-robotics.example',
    name: 'Chen Jie',
    organization: 'lingbu-robotics',
    roles: ['ORG_ADMIN', 'ENGINEER'],
    emailVerified: true,
  },
  {
    email: 'liu.yang@lingbu-robotics.example',
    name: 'Liu Yang',
    organization: 'lingbu-robotics',
    roles: ['LEGAL', 'SIGNATORY'],
    emailVerified: true,
  },
  {
    email: 'xu.ming@lingbu-robotics.example',
    name: 'Xu Ming',
    organization: 'lingbu-robotics',
    roles: ['DATA_STEWARD', 'ENGINEER'],
    emailVerified: true,
  },
  {
    email: 'zhao.lei@harmonic-drives.example',
    name: 'Zhao Lei',
    organization: 'harmonic-drives',
    roles: ['ORG_ADMIN', 'ENGINEER'],
    emailVerified: true,
  },
  {
    email: 'ma.lin@harmonic-drives.example',
    name: 'Ma Lin',
    organization: 'harmonic-drives',
    roles: ['LEGAL', 'SIGNATORY'],
    emailVerified: true,
  },
  {
    email: 'guo.qiang@harmonic-drives.example',
    name: 'Guo Qiang',
    organization: 'harmonic-drives',
    roles: ['DATA_STEWARD'],
    emailVerified: true,
  },
  {
    email: 'sun.li@embodied-institute.example',
    name: 'Sun Li',
    organization: 'embodied-institute',
    roles: ['ORG_ADMIN', 'RESEARCHER'],
    emailVerified: true,
  },
  {
    email: 'zhou.hui@embodied-institute.example',
    name: 'Zhou Hui',
    organization: 'embodied-institute',
    roles: ['RESEARCHER', 'DATA_STEWARD'],
    emailVerified: true,
  },
  {
    email: 'qian.jing@embodied-institute.example',
    name: 'Qian Jing',
    organization: 'embodied-institute',
    roles: ['LEGAL'],
    emailVerified: true,
  },
  {
    email: 'wu.gang@embodied-institute.example',
    name: 'Wu Gang',
    organization: 'embodied-institute',
    roles: ['SIGNATORY'],
    emailVerified: true,
  },
  {
    email: 'huang.mei@pearl-care.example',
    name: 'Huang Mei',
    organization: 'pearl-care',
    roles: ['ORG_ADMIN', 'SIGNATORY', 'ENGINEER'],
    emailVerified: true,
  },
  {
    email: 'he.jun@bay-robotics.example',
    name: 'He Jun',
    organization: 'bay-robotics',
    roles: ['ORG_ADMIN', 'LEGAL', 'ENGINEER'],
    emailVerified: true,
  },
  // Accounts at the identity provider that Tetrad must not let in.
  { email: 'outsider@example.com', name: 'Not Invited', roles: [], emailVerified: true },
  {
    email: 'unverified@example.com',
    name: 'Unverified Email',
    organization: 'lingbu-robotics',
    roles: ['ENGINEER'],
    emailVerified: false,
  },
];

export const DEMO_PLATFORM_ADMIN_EMAIL = 'admin@tetrad.example';

export interface DemoConsortium {
  key: string;
  name: string;
  sector: 'LOGISTICS' | 'HEALTHCARE';
  region: string;
  status: 'ACTIVE' | 'FORMING';
  /** Organisation keys; the first one founded it. All are active members. */
  members: string[];
}

export const DEMO_CONSORTIA: DemoConsortium[] = [
  {
    key: 'parcel-sorting',
    name: 'Parcel Sorting Humanoids, Yangtze Delta',
    sector: 'LOGISTICS',
    region: 'Shanghai',
    status: 'ACTIVE',
    members: ['jiading-auto', 'lingbu-robotics', 'harmonic-drives', 'embodied-institute'],
  },
  {
    key: 'elder-care',
    name: 'Nursing Home Assistance, Pearl River',
    sector: 'HEALTHCARE',
    region: 'Guangdong',
    status: 'FORMING',
    members: ['pearl-care', 'bay-robotics'],
  },
];

/** The demo consortia an organisation belongs to, by name. */
export function demoConsortiaOf(organizationKey: string | undefined): string[] {
  return DEMO_CONSORTIA.filter(
    (consortium) => organizationKey && consortium.members.includes(organizationKey),
  ).map((consortium) => consortium.name);
}

/**
 * The worked example of the programme (DOMAIN.md, "Why it exists"): three humanoids sorting
 * parcels for 200 hours handled 249,600 parcels — 20.8 a minute against a human pace of 30–40
 * (52–69 %). Seeded as a scenario of the ACTIVE demo consortium with that verified KPI report
 * and a milestone it does not yet meet (21 a minute).
 */
export const DEMO_SCENARIO = {
  consortium: 'parcel-sorting',
  scenarioUser: 'jiading-auto',
  verifier: 'lingbu-robotics',
  name: 'Parcel sorting, Jiading hub line 1',
  sector: 'LOGISTICS',
  site: 'Jiading logistics hub, sorting line 1',
  unitsDeployed: 3,
  targetUnits: 50,
  kpis: [
    {
      key: 'throughput',
      name: 'Parcels sorted a minute',
      unit: 'parcels/min',
      direction: 'HIGHER_IS_BETTER',
      humanBaseline: 30,
      humanBaselineHigh: 40,
      target: 21,
    },
    {
      key: 'success_rate',
      name: 'Parcels sorted right the first time',
      unit: 'ratio',
      direction: 'HIGHER_IS_BETTER',
      humanBaseline: 0.99,
      target: 0.95,
    },
  ],
  report: {
    startDaysAgo: 30,
    endDaysAgo: 20,
    unitsProcessed: 249_600,
    operatingHours: 200,
    robotsInService: 3,
    interventions: 14,
    successes: 247_104,
    attempts: 249_600,
    values: [
      { kpiKey: 'throughput', value: 20.8 },
      { kpiKey: 'success_rate', value: 0.99 },
    ],
  },
  milestone: {
    name: 'Pilot acceptance: 21 parcels a minute at 95 % over 200 hours',
    targets: [
      { kpiKey: 'throughput', comparator: 'GTE', value: 21, minOperatingHours: null },
      { kpiKey: 'success_rate', comparator: 'GTE', value: 0.95, minOperatingHours: 200 },
    ],
    windowStartDaysAgo: 60,
    dueInDays: 30,
    currency: 'CNY',
    rewardPoolMinor: 50_000_000,
    riskAmountMinor: 20_000_000,
    basisPoints: {
      'jiading-auto': 2_500,
      'lingbu-robotics': 4_000,
      'harmonic-drives': 1_500,
      'embodied-institute': 2_000,
    } as Record<string, number>,
  },
} as const;

export interface DemoDataset {
  /** Organisation key of the owner; all are in DEMO_SCENARIO's consortium. */
  owner: string;
  name: string;
  description: string;
  modalities: string[];
  format: string;
  formatVersion: string;
  robotType: string;
  features: { key: string; modality: string; dtype: string; shape: number[]; rateHz: number | null }[];
  episodes: number;
  hours: number;
  fps: number;
  sizeBytes: string;
  personalData: boolean;
  anonymisation: string;
  sensitivity: string;
  allowedPurposes: string[];
  storageLocation: string;
  metadata: Record<string, string>;
}

/** The worked example's data, one dataset per kind of party that collects it. */
export const DEMO_DATASETS: DemoDataset[] = [
  {
    owner: 'jiading-auto',
    name: 'Jiading line 1: parcel induction episodes',
    description:
      'Teleoperated and autonomous episodes of humanoids picking parcels from the induction belt and placing them on the sorter, from the first 200 hours on line 1. Workers passing by are in view; faces are blurred.',
    modalities: ['RGB', 'DEPTH', 'JOINT_STATES', 'TRAJECTORIES', 'LANGUAGE_ANNOTATIONS'],
    format: 'LEROBOT',
    formatVersion: 'v2.1',
    robotType: 'Lingbu L1 humanoid',
    features: [
      { key: 'observation.images.head', modality: 'RGB', dtype: 'video', shape: [720, 1280, 3], rateHz: 30 },
      {
        key: 'observation.images.wrist_right',
        modality: 'RGB',
        dtype: 'video',
        shape: [480, 640, 3],
        rateHz: 30,
      },
      { key: 'observation.depth.head', modality: 'DEPTH', dtype: 'uint16', shape: [480, 640], rateHz: 15 },
      { key: 'observation.state', modality: 'JOINT_STATES', dtype: 'float32', shape: [32], rateHz: 100 },
      { key: 'action', modality: 'TRAJECTORIES', dtype: 'float32', shape: [32], rateHz: 100 },
      { key: 'task', modality: 'LANGUAGE_ANNOTATIONS', dtype: 'string', shape: [1], rateHz: null },
    ],
    episodes: 1840,
    hours: 200,
    fps: 30,
    sizeBytes: '412316860416',
    personalData: true,
    anonymisation: 'PSEUDONYMISED',
    sensitivity: 'CONSORTIUM',
    allowedPurposes: ['RESEARCH', 'MODEL_TRAINING', 'BENCHMARKING'],
    storageLocation: 's3://jiading-robot-data/line-1/induction/v1',
    metadata: {
      consentBasis: 'Works council agreement of 2026-08-12; notices at the line; faces blurred before upload',
      annotationStandard: 'LeRobot v2.1 with task strings in Chinese and English',
      collectionPeriod: '2026-09 to 2026-11',
    },
  },
  {
    owner: 'lingbu-robotics',
    name: 'L1 humanoid joint telemetry and fault log, Jiading deployment',
    description:
      'Joint torques, temperatures and the fault log of the three L1 units on line 1, for reliability and safety analysis. No people are recorded.',
    modalities: ['JOINT_STATES', 'FORCE_TORQUE'],
    format: 'MCAP',
    formatVersion: '1.0',
    robotType: 'Lingbu L1 humanoid',
    features: [
      { key: '/joint_states', modality: 'JOINT_STATES', dtype: 'float64', shape: [32], rateHz: 500 },
      { key: '/wrench/right_wrist', modality: 'FORCE_TORQUE', dtype: 'float64', shape: [6], rateHz: 500 },
    ],
    episodes: 600,
    hours: 200,
    fps: 0,
    sizeBytes: '96636764160',
    personalData: false,
    anonymisation: 'NOT_APPLICABLE',
    sensitivity: 'RESTRICTED',
    allowedPurposes: ['RESEARCH', 'SAFETY_CERTIFICATION'],
    storageLocation: 's3://lingbu-fleet/jiading/telemetry/2026q4',
    metadata: { collectionPeriod: '2026-09 to 2026-11' },
  },
  {
    owner: 'harmonic-drives',
    name: 'Harmonic drive wear under sorting duty cycles',
    description:
      'Torque ripple and backlash of the wrist and elbow drives measured weekly on line 1, against bench tests of the same drives.',
    modalities: ['FORCE_TORQUE', 'JOINT_STATES'],
    format: 'HDF5',
    formatVersion: '1.14',
    robotType: 'Lingbu L1 humanoid',
    features: [
      {
        key: 'drives/torque_ripple',
        modality: 'FORCE_TORQUE',
        dtype: 'float32',
        shape: [14, 2048],
        rateHz: 1000,
      },
      {
        key: 'drives/backlash_arcmin',
        modality: 'JOINT_STATES',
        dtype: 'float32',
        shape: [14],
        rateHz: null,
      },
    ],
    episodes: 12,
    hours: 6,
    fps: 0,
    sizeBytes: '2147483648',
    personalData: false,
    anonymisation: 'NOT_APPLICABLE',
    sensitivity: 'TRADE_SECRET',
    allowedPurposes: ['RESEARCH', 'BENCHMARKING'],
    storageLocation: 's3://harmonic-drives-lab/field/jiading-line-1',
    metadata: { collectionPeriod: '2026-09 to 2026-11' },
  },
];
