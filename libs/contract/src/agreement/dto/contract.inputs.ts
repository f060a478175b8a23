import { ArgsType, Field, InputType, Int } from '@nestjs/graphql';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { LocalDateScalar, PageArgs, UUIDScalar, trimString } from '@tetrad/core';
import { DataModality, Purpose } from '@tetrad/dataset';
import {
  ContractDuty,
  ContractLanguageCode,
  ContractProhibition,
  ContractStatus,
} from '../../contract-enums';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

@InputType()
export class DutyTermInput {
  @Field(() => ContractDuty)
  @IsEnum(ContractDuty)
  duty!: ContractDuty;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0, { message: 'dueInDays cannot be negative' })
  @Max(3_650)
  dueInDays?: number | null;
}

@InputType()
export class ContractTermsInput {
  @Field(() => [UUIDScalar])
  @ArrayMinSize(1, { message: 'the terms cover at least one dataset' })
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  datasetIds!: string[];

  @Field(() => [Purpose])
  @ArrayMinSize(1, { message: 'the terms permit at least one purpose' })
  @ArrayUnique()
  @IsEnum(Purpose, { each: true })
  purposes!: Purpose[];

  @Field(() => [ContractProhibition])
  @ArrayUnique()
  @IsEnum(ContractProhibition, { each: true })
  prohibitions!: ContractProhibition[];

  @Field(() => [DutyTermInput])
  @ArrayMaxSize(4)
  @ValidateNested({ each: true })
  @Type(() => DutyTermInput)
  duties!: DutyTermInput[];

  @Field(() => LocalDateScalar)
  @Matches(ISO_DATE, { message: 'startsOn is a date, YYYY-MM-DD' })
  startsOn!: string;

  @Field(() => LocalDateScalar)
  @Matches(ISO_DATE, { message: 'endsOn is a date, YYYY-MM-DD' })
  endsOn!: string;

  @Field(() => [DataModality])
  @ArrayUnique()
  @IsEnum(DataModality, { each: true })
  excludedModalities!: DataModality[];
}

@InputType({ description: 'A clause in the language that does not govern: a convenience translation.' })
export class ClauseTranslationInput {
  @Field()
  @Transform(trimString)
  @IsString()
  @Length(1, 200)
  title!: string;

  @Field()
  @IsString()
  @Length(1, 20_000, { message: 'a clause text is 1 to 20,000 characters long' })
  text!: string;
}

@InputType()
export class ClauseInput {
  @Field()
  @Matches(/^[a-z0-9][a-z0-9-]{0,59}$/, { message: 'a clause key is lower-case letters, digits and dashes' })
  key!: string;

  @Field()
  @Transform(trimString)
  @IsString()
  @Length(1, 200)
  title!: string;

  @Field()
  @IsString()
  @Length(1, 20_000, { message: 'a clause text is 1 to 20,000 characters long' })
  text!: string;

  @Field(() => ClauseTranslationInput, {
    nullable: true,
    description:
      'Its convenience translation. Left out in whole content: kept if the clause is unchanged, dropped if its title or text changed.',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => ClauseTranslationInput)
  translation?: ClauseTranslationInput | null;
}

@ArgsType()
export class DataSharingContractsArgs extends PageArgs {
  @Field(() => UUIDScalar, { nullable: true })
  @IsOptional()
  @IsUUID()
  consortiumId?: string;

  @Field(() => ContractStatus, { nullable: true, description: 'The state as of now.' })
  @IsOptional()
  @IsEnum(ContractStatus)
  status?: ContractStatus;

  @Field(() => UUIDScalar, { nullable: true, description: 'Only contracts covering this dataset.' })
  @IsOptional()
  @IsUUID()
  datasetId?: string;
}

@ArgsType()
export class ContractReasonArgs {
  @Field(() => UUIDScalar)
  @IsUUID()
  contractId!: string;

  @Field({ description: 'Why: shown to every party and kept in the audit trail.' })
  @Transform(trimString)
  @IsString()
  @Length(3, 2_000, { message: 'reason must be 3 to 2,000 characters long' })
  reason!: string;
}

@ArgsType()
export class AgreeContractArgs {
  @Field(() => UUIDScalar)
  @IsUUID()
  contractId!: string;

  @Field(() => Int, { description: 'The version to freeze: it must be the latest.' })
  @IsInt()
  @Min(1)
  version!: number;
}

@ArgsType()
export class SignContractArgs {
  @Field(() => UUIDScalar)
  @IsUUID()
  contractId!: string;

  @Field({ description: "The agreed version's SHA-256 (64 hex digits), as you read it." })
  @Matches(/^[0-9a-fA-F]{64}$/, { message: 'hash must be 64 hexadecimal digits (a SHA-256)' })
  hash!: string;
}

@ArgsType()
export class CompareContractVersionsArgs {
  @Field(() => UUIDScalar)
  @IsUUID()
  contractId!: string;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  fromVersion!: number;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  toVersion!: number;
}

@ArgsType()
export class ContractExportArgs {
  @Field(() => UUIDScalar)
  @IsUUID()
  contractId!: string;

  @Field(() => Int, { nullable: true, description: 'Default: the agreed version, else the latest.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}

@ArgsType()
export class ContractDocumentArgs extends ContractExportArgs {
  @Field(() => ContractLanguageCode, {
    nullable: true,
    description: "Default: the contract's governing language; the other one is a convenience translation.",
  })
  @IsOptional()
  @IsEnum(ContractLanguageCode)
  language?: ContractLanguageCode;
}

@ArgsType()
export class FulfilObligationArgs {
  @Field(() => UUIDScalar)
  @IsUUID()
  obligationId!: string;

  @Field({ description: 'What shows it was met: a deletion certificate, a report link, …' })
  @Transform(trimString)
  @IsString()
  @Length(3, 2_000, { message: 'evidence must be 3 to 2,000 characters long' })
  evidence!: string;
}

@ArgsType()
export class AccessDatasetArgs {
  @Field(() => UUIDScalar)
  @IsUUID()
  datasetId!: string;

  @Field(() => Purpose, { description: 'What you will use it for: it must be one the contract permits.' })
  @IsEnum(Purpose)
  purpose!: Purpose;
}

@ArgsType()
export class PurposeMatchArgs {
  @Field(() => [UUIDScalar])
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true })
  datasetIds!: string[];

  @Field(() => Purpose)
  @IsEnum(Purpose)
  purpose!: Purpose;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  @Max(1_825)
  durationDays!: number;
}
