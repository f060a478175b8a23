import { registerEnumType } from '@nestjs/graphql';

export enum DataAccessRequestStatus {
  SUBMITTED = 'SUBMITTED',
  UNDER_REVIEW = 'UNDER_REVIEW',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
  WITHDRAWN = 'WITHDRAWN',
}

/** Each owner's steward decides the datasets their organisation owns. */
export enum AccessDecision {
  PENDING = 'PENDING',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
}

export enum ContractStatus {
  DRAFT = 'DRAFT',
  IN_NEGOTIATION = 'IN_NEGOTIATION',
  AGREED = 'AGREED',
  ACTIVE = 'ACTIVE',
  SUSPENDED = 'SUSPENDED',
  EXPIRED = 'EXPIRED',
  TERMINATED = 'TERMINATED',
}

export enum ContractPartyRole {
  PROVIDER = 'PROVIDER',
  RECIPIENT = 'RECIPIENT',
}

export enum ContractProhibition {
  REDISTRIBUTE = 'REDISTRIBUTE',
  RE_IDENTIFY = 'RE_IDENTIFY',
  COMMERCIAL_USE = 'COMMERCIAL_USE',
  CROSS_BORDER_TRANSFER = 'CROSS_BORDER_TRANSFER',
}

export enum ContractDuty {
  ATTRIBUTE = 'ATTRIBUTE',
  DELETE_ON_EXPIRY = 'DELETE_ON_EXPIRY',
  REPORT_PUBLICATIONS = 'REPORT_PUBLICATIONS',
  NOTIFY_BREACH = 'NOTIFY_BREACH',
}

/** A contract's governing language; the values are the document languages ('zh-CN', 'en'). */
export enum ContractLanguageCode {
  ZH_CN = 'zh-CN',
  EN = 'en',
}

export enum ClauseChangeKind {
  ADDED = 'ADDED',
  REMOVED = 'REMOVED',
  CHANGED = 'CHANGED',
  UNCHANGED = 'UNCHANGED',
}

export enum AccessEffect {
  WIDENS = 'WIDENS',
  NARROWS = 'NARROWS',
  NEUTRAL = 'NEUTRAL',
}

registerEnumType(DataAccessRequestStatus, { name: 'DataAccessRequestStatus' });
registerEnumType(AccessDecision, { name: 'AccessDecision' });
registerEnumType(ContractStatus, {
  name: 'ContractStatus',
  description:
    'DRAFT → IN_NEGOTIATION → AGREED → ACTIVE → EXPIRED | TERMINATED, and SUSPENDED ↔ ACTIVE. Read as of now: an ended contract reads EXPIRED and one with an overdue obligation SUSPENDED, even before any scheduler runs.',
});
registerEnumType(ContractPartyRole, { name: 'ContractPartyRole' });
registerEnumType(ContractProhibition, { name: 'ContractProhibition' });
registerEnumType(ContractDuty, { name: 'ContractDuty' });
registerEnumType(ContractLanguageCode, {
  name: 'ContractLanguage',
  description: 'ZH_CN (Chinese) or EN (English): the language whose text of a contract governs.',
});
registerEnumType(ClauseChangeKind, { name: 'ClauseChangeKind' });
registerEnumType(AccessEffect, { name: 'AccessEffect' });
