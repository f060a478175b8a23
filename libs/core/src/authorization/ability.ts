import {
  AbilityBuilder,
  createMongoAbility,
  type ForcedSubject,
  type MongoAbility,
  type MongoQuery,
} from '@casl/ability';
import type { Caller } from '../auth/caller';

export type Action =
  | 'read'
  | 'create'
  | 'update'
  | 'delete'
  | 'invite'
  | 'accept'
  | 'decline'
  | 'withdraw'
  | 'activate'
  | 'close'
  | 'triage'
  | 'assign'
  | 'transition'
  | 'comment'
  | 'review'
  | 'draft'
  | 'agree'
  | 'sign'
  | 'suspend'
  | 'terminate'
  | 'fulfil'
  | 'access'
  | 'readLocation'
  | 'verify'
  | 'approve'
  | 'evaluate'
  | 'settle';

/**
 * The fields rules may test, per subject type. Records are checked as `subject(type, record)`;
 * every field named here must also have a SQL column in the lists that filter by it.
 */
export interface SubjectFields {
  Consortium: { id: string; status: string };
  Membership: { id: string; consortiumId: string; organizationId: string; status: string };
  Organization: { id: string };
  User: { id: string; organizationId: string | null };
  AuditEntry: { consortiumId: string | null };
  Scenario: { id: string; consortiumId: string };
  Ticket: { id: string; consortiumId: string; raisedByOrganizationId: string };
  TicketComment: { id: string; consortiumId: string; authorUserId: string };
  Dataset: { id: string; consortiumId: string; ownerOrganizationId: string; sensitivity: string };
  DataAccessRequest: {
    id: string;
    consortiumId: string;
    requesterOrganizationId: string;
    providerOrganizationIds: string[];
  };
  DataSharingContract: {
    id: string;
    consortiumId: string;
    partyOrganizationIds: string[];
    providerOrganizationIds: string[];
    recipientOrganizationId: string;
  };
  KpiReport: { id: string; consortiumId: string; submittedByOrganizationId: string };
  Milestone: { id: string; consortiumId: string };
  LedgerEntry: {
    id: string;
    consortiumId: string;
    organizationId: string;
    payerOrganizationId: string;
    payeeOrganizationId: string;
  };
  /** Reading a dataset's storage location for one purpose: granted only by live contracts. */
  DatasetAccess: { datasetId: string; purpose: string };
}

export type SubjectType = keyof SubjectFields;

export type TaggedSubject = { [T in SubjectType]: ForcedSubject<T> & SubjectFields[T] }[SubjectType];

export type AppAbility = MongoAbility<[Action, SubjectType | TaggedSubject], MongoQuery>;

/** What an ability is built from: the caller (roles read fresh) and their organisation's memberships. */
export interface AbilityContext {
  caller: Caller;
  /** Consortia in which the caller's organisation holds an ACTIVE membership. */
  activeConsortiumIds: readonly string[];
  /** The same memberships with the party role the organisation plays in each. */
  memberships: readonly ActiveMembership[];
  /** What the caller's organisation holds under data-sharing contracts, evaluated now. */
  contracts: ContractFacts;
}

export interface ContractFacts {
  /** Datasets covered by any contract the organisation is a party to (trade secrets become visible). */
  partyDatasetIds: readonly string[];
  /** Live grants to the organisation as recipient: ACTIVE, started, not ended, no duty overdue. */
  grants: readonly LiveGrant[];
  /** Identifies these facts (same fingerprint, same facts): abilities are cached by it. */
  fingerprint?: string;
}

export interface LiveGrant {
  contractId: string;
  datasetIds: readonly string[];
  purposes: readonly string[];
  excludedModalities: readonly string[];
  endsAt: string;
}

export const NO_CONTRACT_FACTS: ContractFacts = { partyDatasetIds: [], grants: [] };

export interface ActiveMembership {
  consortiumId: string;
  partyRole: string;
}

/** A domain's contribution: it adds its own `can` rules for its own subjects. */
export type RuleContributor = (builder: AbilityBuilder<AppAbility>, context: AbilityContext) => void;

export function buildAbility(context: AbilityContext, contributors: readonly RuleContributor[]): AppAbility {
  const builder = new AbilityBuilder<AppAbility>(createMongoAbility);
  for (const contribute of contributors) contribute(builder, context);
  return builder.build();
}
