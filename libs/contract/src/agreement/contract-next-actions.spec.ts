import { UserRole } from '@tetrad/core';
import { ContractDuty, ContractStatus } from '../contract-enums';
import {
  contractNextActions,
  ContractNextActionKind as Kind,
  type NextActionFacts,
} from './contract-next-actions';

const P1 = 'provider-1';
const P2 = 'provider-2';
const R = 'recipient';
const SOON = new Date('2026-12-01T00:00:00Z');
const LATER = new Date('2027-03-01T00:00:00Z');

const base: NextActionFacts = {
  status: ContractStatus.DRAFT,
  stored: ContractStatus.DRAFT,
  recipientOrganizationId: R,
  providerOrganizationIds: [P1, P2],
  // Stored sorted by id: the recipient may come anywhere; actions list it last.
  partyOrganizationIds: [P1, R, P2],
  currentVersion: 3,
  agreedVersion: null,
  latestAuthorOrganizationId: null,
  signedOrganizationIds: [],
  unmetObligations: [],
};

const obligations = [
  { id: 'o-later', duty: ContractDuty.DELETE_ON_EXPIRY, dueAt: LATER },
  { id: 'o-standing', duty: ContractDuty.ATTRIBUTE, dueAt: null },
  { id: 'o-soon', duty: ContractDuty.REPORT_PUBLICATIONS, dueAt: SOON },
];

/** [case, facts, expected as `organization:ACTION:version-or-obligation`] */
const cases: [string, Partial<NextActionFacts>, string[]][] = [
  ['a draft: every party’s legal team reviews it', {}, [`${P1}:EDIT:3`, `${P2}:EDIT:3`, `${R}:EDIT:3`]],
  [
    'in negotiation: the parties other than the latest author',
    { status: ContractStatus.IN_NEGOTIATION, latestAuthorOrganizationId: R },
    [`${P1}:AGREE:3`, `${P2}:AGREE:3`],
  ],
  [
    'in negotiation, a provider wrote last: the other provider and the recipient',
    { status: ContractStatus.IN_NEGOTIATION, latestAuthorOrganizationId: P1 },
    [`${P2}:AGREE:3`, `${R}:AGREE:3`],
  ],
  [
    'in negotiation, author unknown or outside the parties: every party',
    { status: ContractStatus.IN_NEGOTIATION, latestAuthorOrganizationId: 'platform' },
    [`${P1}:AGREE:3`, `${P2}:AGREE:3`, `${R}:AGREE:3`],
  ],
  [
    'agreed: the signatories that have not signed',
    { status: ContractStatus.AGREED, agreedVersion: 2, signedOrganizationIds: [P2] },
    [`${P1}:SIGN:2`, `${R}:SIGN:2`],
  ],
  [
    'agreed and fully signed, waiting for the start date: nobody',
    { status: ContractStatus.AGREED, agreedVersion: 2, signedOrganizationIds: [P1, P2, R] },
    [],
  ],
  [
    'active: the recipient’s dated obligations, soonest first; standing duties never',
    { status: ContractStatus.ACTIVE, unmetObligations: obligations },
    [`${R}:FULFIL_OBLIGATION:o-soon`, `${R}:FULFIL_OBLIGATION:o-later`],
  ],
  ['active with nothing due: nobody', { status: ContractStatus.ACTIVE }, []],
  [
    'suspended for an overdue obligation: the recipient meets it',
    {
      status: ContractStatus.SUSPENDED,
      stored: ContractStatus.ACTIVE,
      unmetObligations: [obligations[2]!],
    },
    [`${R}:FULFIL_OBLIGATION:o-soon`],
  ],
  [
    'suspended by a provider: each provider decides',
    { status: ContractStatus.SUSPENDED, stored: ContractStatus.SUSPENDED },
    [`${P1}:DECIDE_SUSPENSION:-`, `${P2}:DECIDE_SUSPENSION:-`],
  ],
  [
    'expired: the deletion certificate is still owed',
    { status: ContractStatus.EXPIRED, stored: ContractStatus.ACTIVE, unmetObligations: [obligations[0]!] },
    [`${R}:FULFIL_OBLIGATION:o-later`],
  ],
  [
    'terminated: nobody, even with duties unmet',
    { status: ContractStatus.TERMINATED, stored: ContractStatus.TERMINATED, unmetObligations: obligations },
    [],
  ],
];

describe('contractNextActions', () => {
  it.each(cases)('%s', (_case, facts, expected) => {
    const actions = contractNextActions({ ...base, ...facts });
    expect(
      actions.map(
        (action) =>
          `${action.organizationId}:${action.action}:${action.obligationId ?? action.version ?? '-'}`,
      ),
    ).toEqual(expected);
  });

  it.each([
    [Kind.EDIT, [UserRole.LEGAL]],
    [Kind.AGREE, [UserRole.LEGAL]],
    [Kind.SIGN, [UserRole.SIGNATORY]],
    [Kind.FULFIL_OBLIGATION, [UserRole.ORG_ADMIN, UserRole.LEGAL]],
    [Kind.DECIDE_SUSPENSION, [UserRole.ORG_ADMIN, UserRole.LEGAL]],
  ])('%s is for %j', (kind, roles) => {
    const facts: Record<Kind, Partial<NextActionFacts>> = {
      [Kind.EDIT]: {},
      [Kind.AGREE]: { status: ContractStatus.IN_NEGOTIATION },
      [Kind.SIGN]: { status: ContractStatus.AGREED },
      [Kind.FULFIL_OBLIGATION]: { status: ContractStatus.ACTIVE, unmetObligations: obligations },
      [Kind.DECIDE_SUSPENSION]: { status: ContractStatus.SUSPENDED, stored: ContractStatus.SUSPENDED },
    };
    const [action] = contractNextActions({ ...base, ...facts[kind] });
    expect(action).toMatchObject({ action: kind, roles });
  });

  it('carries the obligation’s duty and due date', () => {
    const [action] = contractNextActions({
      ...base,
      status: ContractStatus.ACTIVE,
      unmetObligations: obligations,
    });
    expect(action).toMatchObject({ duty: ContractDuty.REPORT_PUBLICATIONS, dueAt: SOON, version: null });
  });
});
