import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { Connection, DateTimeScalar, SafeIntScalar, UUIDScalar } from '@tetrad/core';
import { Sector } from '@tetrad/consortium';
import { KpiDirection } from '@tetrad/scenario';

@ObjectType('PortfolioScenarioGroup')
export class ScenarioGroup {
  @Field(() => Sector)
  sector!: string;

  @Field({ description: "The consortium's region." })
  region!: string;

  @Field(() => Int)
  scenarios!: number;

  @Field(() => Int)
  unitsDeployed!: number;

  @Field(() => Int)
  targetUnits!: number;
}

@ObjectType('PortfolioCount')
export class PortfolioCount {
  @Field({ description: 'A ticket category or a milestone state.' })
  key!: string;

  @Field(() => Int)
  count!: number;
}

@ObjectType('Portfolio', {
  description: 'Programme figures: every consortium for the programme office, your own for members.',
})
export class Portfolio {
  @Field(() => Int, { description: 'Consortia counted.' })
  consortia!: number;

  @Field(() => Int)
  scenarios!: number;

  @Field(() => Int, { description: 'The programme aims at 100 or more scenarios.' })
  scenarioGoal!: number;

  @Field(() => Int)
  unitsDeployed!: number;

  @Field(() => Int, { description: "Sum of the scenarios' own targets." })
  targetUnits!: number;

  @Field(() => Int, { description: 'The programme aims at 10,000 or more units deployed.' })
  unitsGoal!: number;

  @Field(() => [ScenarioGroup], { description: 'Scenarios by sector and region.' })
  scenariosBySectorAndRegion!: ScenarioGroup[];

  @Field(() => Int)
  datasets!: number;

  @Field(() => Float, { description: 'Hours of robot data catalogued.' })
  dataHoursCatalogued!: number;

  @Field(() => Float, { description: 'Hours of data shared under contracts ACTIVE now.' })
  dataHoursShared!: number;

  @Field(() => Int)
  datasetsShared!: number;

  @Field(() => Int)
  activeContracts!: number;

  @Field(() => [PortfolioCount], { description: 'Open pain points (not yet resolved) by category.' })
  openPainPointsByCategory!: PortfolioCount[];

  @Field(() => [PortfolioCount], { description: 'Milestones by state.' })
  milestonesByStatus!: PortfolioCount[];
}

@ObjectType('PortfolioKpi', {
  description: 'A scenario KPI: its latest verified value against the human baseline and the target.',
})
export class PortfolioKpi {
  @Field()
  kpiKey!: string;

  @Field()
  name!: string;

  @Field()
  unit!: string;

  @Field(() => KpiDirection)
  direction!: string;

  @Field(() => Float, { nullable: true })
  humanBaseline!: number | null;

  @Field(() => Float, { nullable: true })
  humanBaselineHigh!: number | null;

  @Field(() => Float, { nullable: true })
  target!: number | null;

  @Field(() => Float, { nullable: true, description: 'From the latest verified report carrying this KPI.' })
  latestValue!: number | null;

  @Field(() => DateTimeScalar, { nullable: true, description: "The end of that report's period." })
  latestPeriodEnd!: Date | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'latestValue ÷ the human baseline (its low end); for a lower-is-better KPI, baseline ÷ value, so above 1 is better than people either way.',
  })
  ratioToBaseline!: number | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Whether latestValue reaches the target; null without one.',
  })
  targetMet!: boolean | null;
}

@ObjectType('PortfolioMoney', {
  description: "A scenario's risk and reward in one currency, in minor units.",
})
export class PortfolioMoney {
  @Field()
  currency!: string;

  @Field(() => SafeIntScalar, { description: 'Reward pools of milestones every bound party committed to.' })
  rewardCommittedMinor!: number;

  @Field(() => SafeIntScalar, { description: 'Risks of milestones every bound party committed to.' })
  riskCommittedMinor!: number;

  @Field(() => SafeIntScalar, { description: 'Rewards written to the ledger by achieved milestones.' })
  rewardDueMinor!: number;

  @Field(() => SafeIntScalar, { description: 'Risks written to the ledger by missed milestones.' })
  riskDueMinor!: number;

  @Field(() => SafeIntScalar, { description: 'Ledger entries confirmed as settled (own shares included).' })
  settledMinor!: number;
}

@ObjectType('PortfolioScenario', { description: 'One scenario as the programme office reports on it.' })
export class PortfolioScenario {
  @Field(() => UUIDScalar)
  scenarioId!: string;

  @Field(() => UUIDScalar)
  consortiumId!: string;

  @Field()
  name!: string;

  @Field(() => Sector)
  sector!: string;

  @Field()
  site!: string;

  @Field(() => Int)
  unitsDeployed!: number;

  @Field(() => Int)
  targetUnits!: number;

  @Field(() => [PortfolioKpi])
  kpis!: PortfolioKpi[];

  @Field(() => [PortfolioCount], { description: 'Its milestones by state now.' })
  milestonesByStatus!: PortfolioCount[];

  @Field(() => [PortfolioMoney])
  money!: PortfolioMoney[];
}

@ObjectType()
export class PortfolioScenarioConnection extends Connection(PortfolioScenario) {}
