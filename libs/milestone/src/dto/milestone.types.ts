import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { DateTimeScalar, SafeIntScalar, UUIDScalar } from '@tetrad/core';
import { KpiComparator } from '../milestone-enums';

@ObjectType('BaselineRatio', {
  description: 'Throughput as a fraction of the human pace (low: against the fastest people).',
})
export class BaselineRatioType {
  @Field(() => Float)
  low!: number;

  @Field(() => Float)
  high!: number;
}

@ObjectType('KpiFigures', {
  description: 'Figures derived from a report; null where they cannot be computed.',
})
export class KpiFiguresType {
  @Field(() => Float, { nullable: true, description: 'Units a minute, all robots together.' })
  throughputPerMinute!: number | null;

  @Field(() => Float, { nullable: true })
  throughputPerRobotPerMinute!: number | null;

  @Field(() => Float, { nullable: true, description: 'Successes / attempts, 0–1.' })
  successRate!: number | null;

  @Field(() => Float, { nullable: true })
  interventionsPerHour!: number | null;

  @Field(() => BaselineRatioType, {
    nullable: true,
    description: "Against the human baseline of the scenario's `throughput` KPI.",
  })
  ratioToBaseline!: BaselineRatioType | null;
}

@ObjectType('TargetCheck')
export class TargetCheckType {
  @Field()
  kpiKey!: string;

  @Field(() => KpiComparator)
  comparator!: `${KpiComparator}`;

  @Field(() => Float)
  target!: number;

  @Field(() => Float, { nullable: true, description: 'Hours-weighted mean over the reports used.' })
  actual!: number | null;

  @Field(() => Float)
  operatingHours!: number;

  @Field(() => Float, { nullable: true })
  minOperatingHours!: number | null;

  @Field()
  met!: boolean;

  @Field(() => [UUIDScalar], { description: 'The verified reports it used.' })
  reportIds!: string[];

  @Field({ description: 'The check in words.' })
  sentence!: string;
}

@ObjectType('MilestoneEvaluation', { description: 'What the verified reports in the window say, now.' })
export class MilestoneEvaluationType {
  @Field({ description: 'ACHIEVED, MISSED, WAIVED or PENDING.' })
  outcome!: string;

  @Field(() => [TargetCheckType])
  explanation!: TargetCheckType[];

  @Field()
  summary!: string;

  @Field(() => UUIDScalar, { nullable: true, description: 'The report at which every target was met.' })
  achievedBy?: string | null;
}

@ObjectType('LedgerTotal')
export class LedgerTotalType {
  @Field(() => UUIDScalar)
  organizationId!: string;

  @Field()
  currency!: string;

  @Field(() => SafeIntScalar, { description: 'Reward shares owed to the party, in minor units.' })
  rewardMinor!: number;

  @Field(() => SafeIntScalar, { description: 'Risk shares owed by the party, in minor units.' })
  riskMinor!: number;

  @Field(() => SafeIntScalar)
  netMinor!: number;

  @Field(() => Int)
  entries!: number;
}

@ObjectType('MilestoneParty', {
  description: 'An organisation bound by the terms, and whether it accepted these exact terms.',
})
export class MilestonePartyType {
  @Field(() => UUIDScalar)
  organizationId!: string;

  @Field({ description: "The organisation's name." })
  name!: string;

  @Field(() => Int, { description: 'Its share of reward and risk, in basis points (0 if none).' })
  basisPoints!: number;

  @Field({ description: 'It pays the reward pool if the milestone is achieved.' })
  fundsReward!: boolean;

  @Field({ description: 'It is paid the risk if the milestone is missed.' })
  receivesRisk!: boolean;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'When it accepted the current terms; null: not yet.',
  })
  acceptedAt!: Date | null;

  @Field(() => [String], {
    description:
      'Its people who may accept for it (active ORG_ADMIN or SIGNATORY), by name; shown to the bound parties only (empty for anyone else).',
  })
  people!: string[];
}

@ObjectType('LedgerStatement', {
  description:
    "One party's position in one currency: what it owes and is owed, settled and open, in minor units.",
})
export class LedgerStatementType {
  @Field(() => UUIDScalar)
  organizationId!: string;

  @Field()
  name!: string;

  @Field()
  currency!: string;

  @Field(() => SafeIntScalar, { description: 'Owed by the party and not yet confirmed as received.' })
  owedMinor!: number;

  @Field(() => SafeIntScalar, { description: 'Owed to the party and not yet confirmed by it.' })
  receivableMinor!: number;

  @Field(() => SafeIntScalar, { description: 'Paid by the party, confirmed by the payee.' })
  paidMinor!: number;

  @Field(() => SafeIntScalar, { description: 'Received by the party, as it confirmed.' })
  receivedMinor!: number;

  @Field(() => SafeIntScalar, { description: 'receivable − owed: positive, the party is owed money.' })
  netOpenMinor!: number;
}
