import type { DataPurpose } from '@tetrad/dataset';
import type { ContractLanguage } from './documents/document-blocks';

/**
 * The machine-readable half of a data-use agreement (DOMAIN.md, "Data"), as plain data: the
 * pure functions (diff, hash, ODRL export, document) take and return these, never entities.
 */
export type Prohibition = 'REDISTRIBUTE' | 'RE_IDENTIFY' | 'COMMERCIAL_USE' | 'CROSS_BORDER_TRANSFER';
export type Duty = 'ATTRIBUTE' | 'DELETE_ON_EXPIRY' | 'REPORT_PUBLICATIONS' | 'NOTIFY_BREACH';
export type Modality =
  | 'RGB'
  | 'DEPTH'
  | 'FORCE_TORQUE'
  | 'TACTILE'
  | 'JOINT_STATES'
  | 'TRAJECTORIES'
  | 'AUDIO'
  | 'LANGUAGE_ANNOTATIONS';
export type PartyRole = 'PROVIDER' | 'RECIPIENT';

export interface DutyTerm {
  duty: Duty;
  /**
   * Days allowed to meet it: counted from the start date, or from the end date for
   * DELETE_ON_EXPIRY. Null for standing duties (ATTRIBUTE, NOTIFY_BREACH) with no due date.
   */
  dueInDays: number | null;
}

export interface ContractTerms {
  datasetIds: string[];
  purposes: DataPurpose[];
  prohibitions: Prohibition[];
  duties: DutyTerm[];
  /**
   * ISO dates (YYYY-MM-DD) in the consortium's time zone; access runs from the start of `startsOn`
   * to the start of `endsOn` there (contracts agreed before time zones were kept: in UTC).
   */
  startsOn: string;
  endsOn: string;
  excludedModalities: Modality[];
}

/**
 * One clause of the legal text; `key` is stable across versions so clauses can be compared.
 * `title` and `text` are in the contract's governing language; `translation` is the convenience
 * translation in the other language (absent on clauses written before contracts had one).
 */
export interface Clause {
  key: string;
  title: string;
  text: string;
  translation?: ClauseTranslation | null;
}

export interface ClauseTranslation {
  title: string;
  text: string;
}

export interface ContractParty {
  organizationId: string;
  name: string;
  role: PartyRole;
}

/** What AGREED freezes and what signatories sign (its SHA-256 over the canonical JSON). */
export interface ContractContent {
  contractId: string;
  version: number;
  title: string;
  parties: ContractParty[];
  terms: ContractTerms;
  clauses: Clause[];
  /** The language whose text governs; absent on versions written before contracts had one (English). */
  governingLanguage?: ContractLanguage;
}
