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
    email: 'zhao.lei@harmonic-drives.example',
    name: 'Zhao Lei',
    organization: 'harmonic-drives',
    roles: ['ORG_ADMIN', 'ENGINEER'],
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
