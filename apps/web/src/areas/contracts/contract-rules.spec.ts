import type { UserRole } from '../../gql/graphql';
import { allowedActions, lifecycleStep, type ActionContext } from './contract-rules';

const context = (over: Partial<ActionContext>): ActionContext => ({
  status: 'DRAFT',
  roles: [],
  organizationId: 'provider',
  providerOrganizationIds: ['provider'],
  recipientOrganizationId: 'recipient',
  signedByMyOrganization: false,
  fullySigned: false,
  ...over,
});
const actions = (over: Partial<ActionContext>) => [...allowedActions(context(over))].sort();

describe('allowedActions', () => {
  it.each<[string, Partial<ActionContext>, string[]]>([
    ['legal drafts and agrees a draft', { roles: ['LEGAL'] }, ['agree', 'edit', 'terminate']],
    ['a signatory cannot edit a draft', { roles: ['SIGNATORY'] as UserRole[] }, []],
    ['a signatory signs an agreed contract', { status: 'AGREED', roles: ['SIGNATORY'] }, ['sign']],
    [
      'but only once per organisation',
      { status: 'AGREED', roles: ['SIGNATORY'], signedByMyOrganization: true },
      [],
    ],
    ['legal reopens an agreed contract', { status: 'AGREED', roles: ['LEGAL'] }, ['reopen', 'terminate']],
    [
      'a provider admin suspends an active one',
      { status: 'ACTIVE', roles: ['ORG_ADMIN'] },
      ['suspend', 'terminate'],
    ],
    ['and resumes a suspended one', { status: 'SUSPENDED', roles: ['ORG_ADMIN'] }, ['resume', 'terminate']],
    [
      "the recipient's researcher accesses data of an active contract",
      { status: 'ACTIVE', roles: ['RESEARCHER'], organizationId: 'recipient' },
      ['access'],
    ],
    [
      "the recipient's admin records obligations as met",
      { status: 'ACTIVE', roles: ['ORG_ADMIN'], organizationId: 'recipient' },
      ['fulfil'],
    ],
    [
      'no data access before the contract is active',
      { status: 'AGREED', roles: ['RESEARCHER'], organizationId: 'recipient' },
      [],
    ],
    ['an outsider may do nothing', { roles: ['LEGAL', 'SIGNATORY'], organizationId: 'other' }, []],
  ])('%s', (_, over, expected) => {
    expect(actions(over)).toEqual(expected);
  });
});

describe('lifecycleStep', () => {
  it.each([
    ['DRAFT', 0, 'process'],
    ['AGREED', 2, 'process'],
    ['SUSPENDED', 3, 'error'],
    ['TERMINATED', 4, 'error'],
    ['EXPIRED', 4, 'finish'],
  ] as const)('%s is step %i (%s)', (status, current, state) => {
    expect(lifecycleStep(status)).toEqual({ current, state });
  });
});
