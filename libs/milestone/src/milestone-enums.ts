import { registerEnumType } from '@nestjs/graphql';

export enum KpiReportStatus {
  SUBMITTED = 'SUBMITTED',
  VERIFIED = 'VERIFIED',
  DISPUTED = 'DISPUTED',
  WITHDRAWN = 'WITHDRAWN',
}

export enum MilestoneStatus {
  PLANNED = 'PLANNED',
  IN_PROGRESS = 'IN_PROGRESS',
  ACHIEVED = 'ACHIEVED',
  MISSED = 'MISSED',
  WAIVED = 'WAIVED',
}

export enum KpiComparator {
  GTE = 'GTE',
  LTE = 'LTE',
}

export enum LedgerEntryKind {
  REWARD = 'REWARD',
  RISK = 'RISK',
}

export enum MilestoneProposalKind {
  WAIVE = 'WAIVE',
  CHANGE_SPLIT = 'CHANGE_SPLIT',
}

export enum MilestoneProposalStatus {
  OPEN = 'OPEN',
  ACCEPTED = 'ACCEPTED',
  WITHDRAWN = 'WITHDRAWN',
}

registerEnumType(KpiReportStatus, {
  name: 'KpiReportStatus',
  description:
    'Only VERIFIED reports count towards milestones. A DISPUTED report is resolved by its submitter withdrawing it (WITHDRAWN, which frees its period) or by the disputing party verifying it after all.',
});
registerEnumType(MilestoneStatus, { name: 'MilestoneStatus' });
registerEnumType(KpiComparator, { name: 'KpiComparator', description: 'GTE: at least; LTE: at most.' });
registerEnumType(LedgerEntryKind, {
  name: 'LedgerEntryKind',
  description:
    "REWARD: a share of an achieved milestone's reward pool; RISK: a share of a missed one's risk.",
});
registerEnumType(MilestoneProposalKind, { name: 'MilestoneProposalKind' });
registerEnumType(MilestoneProposalStatus, { name: 'MilestoneProposalStatus' });
