import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { Sector } from '@tetrad/consortium';

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
