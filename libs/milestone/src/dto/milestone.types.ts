import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { SafeIntScalar, UUIDScalar } from '@tetrad/core';
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
