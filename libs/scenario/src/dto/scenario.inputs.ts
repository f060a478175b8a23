import { ArgsType, Field, Float, InputType, Int } from '@nestjs/graphql';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsEnum,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { PageArgs, UUIDScalar, trimString } from '@tetrad/core';
import { Sector } from '@tetrad/consortium';
import { KpiMeasure } from '../kpi-measure';
import { KpiDirection } from '../scenario.entity';

@InputType()
export class KpiInput {
  @Field()
  @Matches(/^[a-z][a-z0-9_]{0,39}$/, {
    message: 'kpis.key must be lower-case letters, digits and _ (max 40)',
  })
  key!: string;

  @Field()
  @Transform(trimString)
  @IsString()
  @Length(1, 100)
  name!: string;

  @Field()
  @Transform(trimString)
  @IsString()
  @Length(1, 30)
  unit!: string;

  @Field(() => KpiDirection)
  @IsEnum(KpiDirection)
  direction!: KpiDirection;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  humanBaseline?: number;

  @Field(() => Float, {
    nullable: true,
    description: 'The top of the human range, when people achieve a range (e.g. 30–40 a minute).',
  })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  humanBaselineHigh?: number;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  target?: number;

  @Field(() => KpiMeasure, {
    nullable: true,
    description:
      'What it measures, so reports are checked against their raw counts. Left out: throughput, throughput_per_robot, success_rate, interventions_per_hour and ratio_to_baseline measure what their keys say; any other key is DECLARED_ONLY.',
  })
  @IsOptional()
  @IsEnum(KpiMeasure)
  measure?: KpiMeasure;
}

@InputType()
export class ScenarioFields {
  @Field()
  @Transform(trimString)
  @IsString()
  @Length(2, 200, { message: 'name must be 2 to 200 characters long' })
  name!: string;

  @Field(() => Sector)
  @IsEnum(Sector)
  sector!: Sector;

  @Field()
  @Transform(trimString)
  @IsString()
  @Length(2, 200, { message: 'site must be 2 to 200 characters long' })
  site!: string;

  @Field(() => Int, { defaultValue: 0 })
  @IsInt()
  @Min(0, { message: 'unitsDeployed cannot be negative' })
  @Max(1_000_000)
  unitsDeployed: number = 0;

  @Field(() => Int, { defaultValue: 0 })
  @IsInt()
  @Min(0, { message: 'targetUnits cannot be negative' })
  @Max(1_000_000)
  targetUnits: number = 0;

  @Field(() => [KpiInput], { defaultValue: [] })
  @ValidateNested({ each: true })
  @ArrayMaxSize(30)
  @Type(() => KpiInput)
  kpis: KpiInput[] = [];
}

@InputType()
export class CreateScenarioInput extends ScenarioFields {
  @Field(() => UUIDScalar)
  @IsUUID()
  consortiumId!: string;
}

@ArgsType()
export class ScenariosArgs extends PageArgs {
  @Field(() => UUIDScalar, { nullable: true })
  @IsOptional()
  @IsUUID()
  consortiumId?: string;

  @Field(() => Sector, { nullable: true })
  @IsOptional()
  @IsEnum(Sector)
  sector?: Sector;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  search?: string;
}
