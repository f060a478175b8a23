import { ArgsType, Field, Float, InputType, Int, IntersectionType } from '@nestjs/graphql';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsBoolean,
  IsDate,
  IsEnum,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Min,
  ValidateNested,
} from 'class-validator';
import { DateTimeScalar, PageArgs, SafeIntScalar, UUIDScalar, trimString } from '@tetrad/core';
import { KpiComparator, KpiReportStatus, MilestoneProposalKind, MilestoneStatus } from '../milestone-enums';

const KPI_KEY = /^[a-z][a-z0-9_]{0,39}$/;

@InputType()
export class KpiValueInput {
  @Field()
  @Matches(KPI_KEY, { message: 'kpiKey is the key of a KPI defined on the scenario' })
  kpiKey!: string;

  @Field(() => Float)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  value!: number;
}

@InputType()
export class SubmitKpiReportInput {
  @Field(() => UUIDScalar)
  @IsUUID()
  scenarioId!: string;

  @Field(() => DateTimeScalar)
  @IsDate()
  periodStart!: Date;

  @Field(() => DateTimeScalar)
  @IsDate()
  periodEnd!: Date;

  @Field(() => Int)
  @IsInt()
  @Min(0, { message: 'unitsProcessed cannot be negative' })
  unitsProcessed!: number;

  @Field(() => Float, {
    description: 'Wall-clock hours the robots ran in the period; at most the length of the period.',
  })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0, { message: 'operatingHours cannot be negative' })
  operatingHours!: number;

  @Field(() => Int, { description: "At most the scenario's units deployed." })
  @IsInt()
  @Min(0, { message: 'robotsInService cannot be negative' })
  robotsInService!: number;

  @Field(() => Int)
  @IsInt()
  @Min(0, { message: 'interventions cannot be negative' })
  interventions!: number;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  successes?: number;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  attempts?: number;

  @Field(() => [KpiValueInput], {
    description:
      "Values of the scenario's KPIs. A KPI Tetrad computes from the counts (see KpiDefinition.measure) must agree with them within 0.5 % or its rounding (0.05 a minute, 0.005 for fractions and hourly rates), else the report is refused; left out, it is filled from the counts.",
  })
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => KpiValueInput)
  values!: KpiValueInput[];
}

@ArgsType()
export class KpiReportsArgs extends PageArgs {
  @Field(() => UUIDScalar, { nullable: true })
  @IsOptional()
  @IsUUID()
  consortiumId?: string;

  @Field(() => UUIDScalar, { nullable: true })
  @IsOptional()
  @IsUUID()
  scenarioId?: string;

  @Field(() => KpiReportStatus, { nullable: true })
  @IsOptional()
  @IsEnum(KpiReportStatus)
  status?: KpiReportStatus;
}

@ArgsType()
export class ReviewKpiReportArgs {
  @Field(() => UUIDScalar)
  @IsUUID()
  id!: string;

  @Field(() => String, { nullable: true, description: 'Required to dispute: what is wrong.' })
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @Length(3, 2_000, { message: 'reason must be 3 to 2,000 characters long' })
  reason?: string;
}

@ArgsType()
export class WithdrawKpiReportArgs {
  @Field(() => UUIDScalar)
  @IsUUID()
  id!: string;

  @Field({ description: 'Why it is withdrawn, e.g. "the sorter counted returns twice".' })
  @Transform(trimString)
  @IsString()
  @Length(3, 2_000, { message: 'reason must be 3 to 2,000 characters long' })
  reason!: string;
}

@InputType()
export class KpiTargetInput {
  @Field()
  @Matches(KPI_KEY, { message: 'kpiKey is the key of a KPI defined on the scenario' })
  kpiKey!: string;

  @Field(() => KpiComparator)
  @IsEnum(KpiComparator)
  comparator!: KpiComparator;

  @Field(() => Float)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  value!: number;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  minOperatingHours?: number;
}

@InputType()
export class BasisPointShareInput {
  @Field(() => UUIDScalar)
  @IsUUID()
  organizationId!: string;

  @Field(() => Int)
  @IsInt({ message: 'basisPoints are whole numbers' })
  basisPoints!: number;
}

@InputType()
export class CreateMilestoneInput {
  @Field(() => UUIDScalar)
  @IsUUID()
  scenarioId!: string;

  @Field()
  @Transform(trimString)
  @IsString()
  @Length(3, 200, { message: 'name must be 3 to 200 characters long' })
  name!: string;

  @Field({ defaultValue: '' })
  @IsString()
  @Length(0, 5_000)
  description: string = '';

  @Field(() => [KpiTargetInput])
  @ArrayMinSize(1, { message: 'a milestone has at least one KPI target' })
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => KpiTargetInput)
  targets!: KpiTargetInput[];

  @Field(() => DateTimeScalar)
  @IsDate()
  windowStart!: Date;

  @Field(() => DateTimeScalar)
  @IsDate()
  windowEnd!: Date;

  @Field(() => DateTimeScalar)
  @IsDate()
  dueAt!: Date;

  @Field({ defaultValue: 'CNY' })
  @Matches(/^[A-Z]{3}$/, { message: 'currency is an ISO 4217 code such as CNY' })
  currency: string = 'CNY';

  @Field(() => SafeIntScalar, { description: 'In minor units (fen for CNY).' })
  @IsInt()
  @Min(0, { message: 'rewardPoolMinor cannot be negative' })
  rewardPoolMinor!: number;

  @Field(() => SafeIntScalar, { description: 'In minor units.' })
  @IsInt()
  @Min(0, { message: 'riskAmountMinor cannot be negative' })
  riskAmountMinor!: number;

  @Field(() => [BasisPointShareInput])
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => BasisPointShareInput)
  shares!: BasisPointShareInput[];

  @Field(() => UUIDScalar, {
    nullable: true,
    description: "Pays the reward pool if it is achieved; by default the consortium's scenario user.",
  })
  @IsOptional()
  @IsUUID()
  rewardFunderOrganizationId?: string;

  @Field(() => UUIDScalar, {
    nullable: true,
    description: "Is paid the risk if it is missed; by default the consortium's scenario user.",
  })
  @IsOptional()
  @IsUUID()
  riskBeneficiaryOrganizationId?: string;
}

/** New terms for a PROPOSED milestone: the fields given replace the current ones, the rest stay. */
@InputType()
export class MilestoneTermsChangeInput {
  @Field({ nullable: true })
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @Length(3, 200, { message: 'name must be 3 to 200 characters long' })
  name?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @Length(0, 5_000)
  description?: string;

  @Field(() => [KpiTargetInput], { nullable: true })
  @IsOptional()
  @ArrayMinSize(1, { message: 'a milestone has at least one KPI target' })
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => KpiTargetInput)
  targets?: KpiTargetInput[];

  @Field(() => DateTimeScalar, { nullable: true })
  @IsOptional()
  @IsDate()
  windowStart?: Date;

  @Field(() => DateTimeScalar, { nullable: true })
  @IsOptional()
  @IsDate()
  windowEnd?: Date;

  @Field(() => DateTimeScalar, { nullable: true })
  @IsOptional()
  @IsDate()
  dueAt?: Date;

  @Field({ nullable: true })
  @IsOptional()
  @Matches(/^[A-Z]{3}$/, { message: 'currency is an ISO 4217 code such as CNY' })
  currency?: string;

  @Field(() => SafeIntScalar, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0, { message: 'rewardPoolMinor cannot be negative' })
  rewardPoolMinor?: number;

  @Field(() => SafeIntScalar, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0, { message: 'riskAmountMinor cannot be negative' })
  riskAmountMinor?: number;

  @Field(() => [BasisPointShareInput], { nullable: true })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => BasisPointShareInput)
  shares?: BasisPointShareInput[];

  @Field(() => UUIDScalar, { nullable: true })
  @IsOptional()
  @IsUUID()
  rewardFunderOrganizationId?: string;

  @Field(() => UUIDScalar, { nullable: true })
  @IsOptional()
  @IsUUID()
  riskBeneficiaryOrganizationId?: string;
}

@ArgsType()
export class AmendMilestoneTermsArgs {
  @Field(() => UUIDScalar)
  @IsUUID()
  milestoneId!: string;

  @Field({ description: 'The termsHash the change was made against; a stale one is refused.' })
  @Matches(/^[0-9a-f]{64}$/, { message: 'baseTermsHash is the 64-character termsHash of the milestone' })
  baseTermsHash!: string;

  @Field(() => MilestoneTermsChangeInput)
  @ValidateNested()
  @Type(() => MilestoneTermsChangeInput)
  changes!: MilestoneTermsChangeInput;
}

@ArgsType()
export class AcceptMilestoneTermsArgs {
  @Field(() => UUIDScalar)
  @IsUUID()
  milestoneId!: string;

  @Field({ description: 'The termsHash of the terms you read: you accept exactly those.' })
  @Matches(/^[0-9a-f]{64}$/, { message: 'termsHash is the 64-character termsHash of the milestone' })
  termsHash!: string;
}

@ArgsType()
export class ConfirmLedgerSettlementArgs {
  @Field(() => UUIDScalar)
  @IsUUID()
  entryId!: string;

  @Field({ description: 'Your reference for the payment received, e.g. a bank transfer number.' })
  @Transform(trimString)
  @IsString()
  @Length(1, 200, { message: 'reference must be 1 to 200 characters long' })
  reference!: string;
}

@ArgsType()
export class UpdateMilestoneSplitArgs {
  @Field(() => UUIDScalar)
  @IsUUID()
  milestoneId!: string;

  @Field(() => [BasisPointShareInput])
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => BasisPointShareInput)
  shares!: BasisPointShareInput[];
}

@ArgsType()
export class ProposeMilestoneChangeArgs {
  @Field(() => UUIDScalar)
  @IsUUID()
  milestoneId!: string;

  @Field(() => MilestoneProposalKind)
  @IsEnum(MilestoneProposalKind)
  kind!: MilestoneProposalKind;

  @Field(() => [BasisPointShareInput], { nullable: true, description: 'The new split, for CHANGE_SPLIT.' })
  @IsOptional()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => BasisPointShareInput)
  shares?: BasisPointShareInput[];

  @Field()
  @Transform(trimString)
  @IsString()
  @Length(3, 2_000, { message: 'reason must be 3 to 2,000 characters long' })
  reason!: string;
}

@ArgsType()
export class MilestonesArgs extends PageArgs {
  @Field(() => UUIDScalar, { nullable: true })
  @IsOptional()
  @IsUUID()
  consortiumId?: string;

  @Field(() => UUIDScalar, { nullable: true })
  @IsOptional()
  @IsUUID()
  scenarioId?: string;

  @Field(() => MilestoneStatus, { nullable: true, description: 'The state as of now.' })
  @IsOptional()
  @IsEnum(MilestoneStatus)
  status?: MilestoneStatus;

  @Field(() => Boolean, {
    nullable: true,
    description: 'true: proposed terms that bind your organisation and that it has not accepted yet.',
  })
  @IsOptional()
  @IsBoolean()
  awaitingMyAcceptance?: boolean;
}

/** The filters the ledger's entries and its totals share. */
@ArgsType()
export class LedgerFilterArgs {
  @Field(() => UUIDScalar, { nullable: true })
  @IsOptional()
  @IsUUID()
  consortiumId?: string;

  @Field(() => UUIDScalar, { nullable: true })
  @IsOptional()
  @IsUUID()
  scenarioId?: string;

  @Field(() => UUIDScalar, { nullable: true, description: 'One party.' })
  @IsOptional()
  @IsUUID()
  organizationId?: string;
}

@ArgsType()
export class LedgerTotalsArgs extends LedgerFilterArgs {}

// Paged and filtered: TypeScript extends one class, so the two are merged as NestJS does.
@ArgsType()
export class LedgerArgs extends IntersectionType(PageArgs, LedgerFilterArgs, ArgsType) {
  @Field(() => UUIDScalar, { nullable: true })
  @IsOptional()
  @IsUUID()
  milestoneId?: string;

  @Field(() => Boolean, { nullable: true, description: 'true: settled entries only; false: open ones.' })
  @IsOptional()
  @IsBoolean()
  settled?: boolean;
}
