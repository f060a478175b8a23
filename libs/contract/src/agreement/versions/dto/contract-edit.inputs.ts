import { Field, InputType, Int, registerEnumType } from '@nestjs/graphql';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Min,
  ValidateNested,
} from 'class-validator';
import { LocalDateScalar, UUIDScalar, trimString } from '@tetrad/core';
import { DataModality, Purpose } from '@tetrad/dataset';
import { ContractDuty, ContractProhibition } from '../../../contract-enums';
import {
  ClauseInput,
  ClauseTranslationInput,
  ContractTermsInput,
  DutyTermInput,
} from '../../dto/contract.inputs';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const CLAUSE_KEY = /^[a-z0-9][a-z0-9-]{0,59}$/;
const CLAUSE_KEY_MESSAGE = 'a clause key is lower-case letters, digits and dashes';

export enum ContractEditSide {
  MINE = 'MINE',
  THEIRS = 'THEIRS',
}
registerEnumType(ContractEditSide, {
  name: 'ContractEditSide',
  description: 'Which side of a conflicting change to keep: yours, or the one in the latest version.',
});

@InputType({ description: 'Purposes added to and removed from the version you edited.' })
export class PurposeChangesInput {
  @Field(() => [Purpose], { defaultValue: [] })
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsEnum(Purpose, { each: true })
  add: Purpose[] = [];

  @Field(() => [Purpose], { defaultValue: [] })
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsEnum(Purpose, { each: true })
  remove: Purpose[] = [];
}

@InputType({ description: 'Prohibitions added and removed.' })
export class ProhibitionChangesInput {
  @Field(() => [ContractProhibition], { defaultValue: [] })
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsEnum(ContractProhibition, { each: true })
  add: ContractProhibition[] = [];

  @Field(() => [ContractProhibition], { defaultValue: [] })
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsEnum(ContractProhibition, { each: true })
  remove: ContractProhibition[] = [];
}

@InputType({ description: 'Modalities newly excluded (add) or shared again (remove).' })
export class ModalityChangesInput {
  @Field(() => [DataModality], { defaultValue: [] })
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsEnum(DataModality, { each: true })
  add: DataModality[] = [];

  @Field(() => [DataModality], { defaultValue: [] })
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsEnum(DataModality, { each: true })
  remove: DataModality[] = [];
}

@InputType({ description: 'Datasets added to and removed from the terms.' })
export class DatasetChangesInput {
  @Field(() => [UUIDScalar], { defaultValue: [] })
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  add: string[] = [];

  @Field(() => [UUIDScalar], { defaultValue: [] })
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  remove: string[] = [];
}

@InputType({ description: 'Duties added or given another period (set), and duties removed.' })
export class DutyChangesInput {
  @Field(() => [DutyTermInput], { defaultValue: [] })
  @ArrayMaxSize(4)
  @ValidateNested({ each: true })
  @Type(() => DutyTermInput)
  set: DutyTermInput[] = [];

  @Field(() => [ContractDuty], { defaultValue: [] })
  @ArrayMaxSize(4)
  @ArrayUnique()
  @IsEnum(ContractDuty, { each: true })
  remove: ContractDuty[] = [];
}

@InputType({ description: "A clause's new title or text; a field left out is unchanged." })
export class ClauseFieldChangeInput {
  @Field()
  @Matches(CLAUSE_KEY, { message: CLAUSE_KEY_MESSAGE })
  key!: string;

  @Field({ nullable: true })
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @Length(1, 200)
  title?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 20_000, { message: 'a clause text is 1 to 20,000 characters long' })
  text?: string;

  @Field(() => ClauseTranslationInput, {
    nullable: true,
    description:
      'A new convenience translation, or null to drop it. Left out while the title or text changes, the translation is dropped: it would no longer translate the clause.',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => ClauseTranslationInput)
  translation?: ClauseTranslationInput | null;
}

@InputType({ description: 'Clauses changed, added and removed, and their order.' })
export class ClauseChangesInput {
  @Field(() => [ClauseFieldChangeInput], { defaultValue: [] })
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => ClauseFieldChangeInput)
  changed: ClauseFieldChangeInput[] = [];

  @Field(() => [ClauseInput], { defaultValue: [] })
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => ClauseInput)
  added: ClauseInput[] = [];

  @Field(() => [String], { defaultValue: [] })
  @ArrayMaxSize(100)
  @ArrayUnique()
  @Matches(CLAUSE_KEY, { each: true, message: CLAUSE_KEY_MESSAGE })
  removed: string[] = [];

  @Field(() => [String], {
    nullable: true,
    description:
      'Every clause key in the order you left them; omitted: the order of the version you edited, added clauses last.',
  })
  @IsOptional()
  @ArrayMaxSize(100)
  @Matches(CLAUSE_KEY, { each: true, message: CLAUSE_KEY_MESSAGE })
  order?: string[];
}

@InputType({
  description: 'What you changed against the version you edited; what you leave out is unchanged.',
})
export class ContractChangesInput {
  @Field({ nullable: true })
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @Length(3, 200)
  title?: string;

  @Field(() => DatasetChangesInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => DatasetChangesInput)
  datasetIds?: DatasetChangesInput;

  @Field(() => PurposeChangesInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => PurposeChangesInput)
  purposes?: PurposeChangesInput;

  @Field(() => ProhibitionChangesInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => ProhibitionChangesInput)
  prohibitions?: ProhibitionChangesInput;

  @Field(() => ModalityChangesInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => ModalityChangesInput)
  excludedModalities?: ModalityChangesInput;

  @Field(() => DutyChangesInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => DutyChangesInput)
  duties?: DutyChangesInput;

  @Field(() => LocalDateScalar, { nullable: true })
  @IsOptional()
  @Matches(ISO_DATE, { message: 'startsOn is a date, YYYY-MM-DD' })
  startsOn?: string;

  @Field(() => LocalDateScalar, { nullable: true })
  @IsOptional()
  @Matches(ISO_DATE, { message: 'endsOn is a date, YYYY-MM-DD' })
  endsOn?: string;

  @Field(() => ClauseChangesInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => ClauseChangesInput)
  clauses?: ClauseChangesInput;
}

@InputType({ description: 'The side you keep where your change and the latest version conflict.' })
export class ConflictResolutionInput {
  @Field({ description: 'The conflict’s path, as previewContractEdit reported it.' })
  @IsString()
  @Length(1, 200)
  path!: string;

  @Field(() => ContractEditSide)
  @IsEnum(ContractEditSide)
  keep!: ContractEditSide;
}

@InputType({
  description:
    'An edit of a contract: what you changed (`changes`, preferred) against the version you edited, or the whole edited `terms` and `clauses` (the change is then worked out against that version). Either way it is merged onto the latest version.',
})
export class ContractEditProposalInput {
  @Field(() => UUIDScalar)
  @IsUUID()
  contractId!: string;

  @Field(() => Int, { description: 'The version you edited.' })
  @IsInt()
  @Min(1)
  baseVersion!: number;

  @Field(() => ContractChangesInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => ContractChangesInput)
  changes?: ContractChangesInput;

  @Field({ nullable: true, description: 'With whole content: the new title.' })
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @Length(3, 200)
  title?: string;

  @Field(() => ContractTermsInput, {
    nullable: true,
    description: 'Whole content: every term as you left it.',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => ContractTermsInput)
  terms?: ContractTermsInput;

  @Field(() => [ClauseInput], {
    nullable: true,
    description: 'Whole content: every clause as you left them.',
  })
  @IsOptional()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => ClauseInput)
  clauses?: ClauseInput[];

  @Field(() => [ConflictResolutionInput], { defaultValue: [] })
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => ConflictResolutionInput)
  resolutions: ConflictResolutionInput[] = [];
}

@InputType()
export class EditContractInput extends ContractEditProposalInput {
  @Field({ defaultValue: '', description: 'What changed and why.' })
  @IsString()
  @Length(0, 2_000)
  note: string = '';

  @Field({
    nullable: true,
    description:
      'The contentHash previewContractEdit showed you: if what would be stored differs (someone saved meanwhile), nothing is stored and the answer is CONFLICT. The web app always sends it.',
  })
  @IsOptional()
  @Matches(/^[0-9a-f]{64}$/, { message: 'reviewedHash is a SHA-256 in lower-case hex' })
  reviewedHash?: string;
}
