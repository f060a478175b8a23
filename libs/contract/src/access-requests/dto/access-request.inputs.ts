import { ArgsType, Field, InputType, Int } from '@nestjs/graphql';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsBoolean,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { PageArgs, UUIDScalar, trimString } from '@tetrad/core';
import { Purpose } from '@tetrad/dataset';
import { ContractLanguageCode, DataAccessRequestStatus } from '../../contract-enums';

@InputType()
export class SubmitDataAccessRequestInput {
  @Field(() => [UUIDScalar], { description: 'One to 20 datasets of one consortium.' })
  @ArrayMinSize(1, { message: 'name at least one dataset' })
  @ArrayMaxSize(20, { message: 'a request covers at most 20 datasets' })
  @ArrayUnique({ message: 'each dataset is named once' })
  @IsUUID('all', { each: true })
  datasetIds!: string[];

  @Field(() => Purpose)
  @IsEnum(Purpose, { message: 'purpose must be one of the closed vocabulary (RESEARCH, MODEL_TRAINING, …)' })
  purpose!: Purpose;

  @Field({ description: 'What you will produce with the data.' })
  @Transform(trimString)
  @IsString()
  @Length(3, 2_000, { message: 'intendedOutputs must be 3 to 2,000 characters long' })
  intendedOutputs!: string;

  @Field(() => Int, { description: 'How long you need the data, in days (1 to 1,825).' })
  @IsInt()
  @Min(1, { message: 'durationDays must be at least 1' })
  @Max(1_825, { message: 'durationDays must be at most 1,825 (five years)' })
  durationDays!: number;

  @Field({ description: 'How the data will be kept safe.' })
  @Transform(trimString)
  @IsString()
  @Length(3, 2_000, { message: 'securityMeasures must be 3 to 2,000 characters long' })
  securityMeasures!: string;
}

@InputType()
export class DatasetDecisionInput {
  @Field(() => UUIDScalar)
  @IsUUID()
  datasetId!: string;

  @Field({ description: 'true to approve, false to reject.' })
  @IsBoolean()
  approve!: boolean;

  @Field(() => String, {
    nullable: true,
    description:
      "Required to reject (the requester reads it) and to approve against the purpose matcher's DENY or ABSTAIN (10 to 2,000 characters; both legal teams read it on the contract).",
  })
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @Length(0, 2_000, { message: 'reason must be at most 2,000 characters long' })
  reason?: string;
}

@InputType()
export class ReviewDataAccessRequestInput {
  @Field(() => UUIDScalar)
  @IsUUID()
  requestId!: string;

  @Field(() => [DatasetDecisionInput], { description: "Decisions on your organisation's datasets." })
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => DatasetDecisionInput)
  decisions!: DatasetDecisionInput[];

  @Field(() => ContractLanguageCode, {
    nullable: true,
    description:
      'The governing language of the contract an approval drafts (default ZH_CN); the other language is a convenience translation.',
  })
  @IsOptional()
  @IsEnum(ContractLanguageCode)
  contractLanguage?: ContractLanguageCode;
}

@ArgsType()
export class DataAccessRequestsArgs extends PageArgs {
  @Field(() => UUIDScalar, { nullable: true })
  @IsOptional()
  @IsUUID()
  consortiumId?: string;

  @Field(() => DataAccessRequestStatus, { nullable: true })
  @IsOptional()
  @IsEnum(DataAccessRequestStatus)
  status?: DataAccessRequestStatus;

  @Field({ nullable: true, description: 'Only those awaiting a decision from your organisation.' })
  @IsOptional()
  @IsBoolean()
  awaitingMyReview?: boolean;

  @Field({ nullable: true, description: 'Only undecided requests past their review due date.' })
  @IsOptional()
  @IsBoolean()
  overdue?: boolean;

  @Field({ nullable: true, description: 'Only requests your organisation made.' })
  @IsOptional()
  @IsBoolean()
  mine?: boolean;
}
