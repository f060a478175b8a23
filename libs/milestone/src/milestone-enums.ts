import { registerEnumType } from '@nestjs/graphql';

export enum KpiReportStatus {
  SUBMITTED = 'SUBMITTED',
  VERIFIED = 'VERIFIED',
  DISPUTED = 'DISPUTED',
  WITHDRAWN = 'WITHDRAWN',
}

/** PROPOSED until every bound party accepts the exact terms; only COMMITTED milestones are judged. */
export enum MilestoneStatus {
  PROPOSED = 'PROPOSED',
  COMMITTED = 'COMMITTED',
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
registerEnumType(MilestoneStatus, {
  name: 'MilestoneStatus',
  description: 'The state as of now, as its evaluation says (a COMMITTED milestone past due reads MISSED).',
  valuesMap: {
    PROPOSED: { description: 'Terms proposed; not binding until every bound party accepts them.' },
    COMMITTED: { description: 'Every bound party accepted the terms; judged from verified KPI reports.' },
    ACHIEVED: { description: 'Every target met: the reward pool is owed by its funder to the parties.' },
    MISSED: { description: 'Due date passed without the targets met: the parties owe the risk.' },
    WAIVED: { description: 'Waived by every bound party; nobody owes anything.' },
  },
});
registerEnumType(KpiComparator, { name: 'KpiComparator', description: 'GTE: at least; LTE: at most.' });
registerEnumType(LedgerEntryKind, {
  name: 'LedgerEntryKind',
  description:
    "REWARD: a share of an achieved milestone's reward pool; RISK: a share of a missed one's risk.",
});
registerEnumType(MilestoneProposalKind, { name: 'MilestoneProposalKind' });
registerEnumType(MilestoneProposalStatus, { name: 'MilestoneProposalStatus' });
