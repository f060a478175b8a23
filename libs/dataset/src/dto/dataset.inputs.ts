import { ArgsType, Field, Float, InputType, Int } from '@nestjs/graphql';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsBoolean,
  IsEnum,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { JSONScalar, PageArgs, UUIDScalar, trimString } from '@tetrad/core';
import { Sector } from '@tetrad/consortium';
import {
  AnonymisationStatus,
  DataModality,
  DatasetFormat,
  DatasetSensitivity,
  Purpose,
} from '../dataset-enums';

@InputType()
export class DatasetFeatureInput {
  @Field()
  @Matches(/^[a-z][a-z0-9_.]{0,99}$/, { message: 'features.key looks like observation.images.wrist' })
  key!: string;

  @Field(() => DataModality)
  @IsEnum(DataModality)
  modality!: DataModality;

  @Field()
  @IsString()
  @Length(1, 30)
  dtype!: string;

  @Field(() => [Int])
  @IsInt({ each: true })
  @Min(0, { each: true })
  @ArrayMaxSize(8)
  shape!: number[];

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsNumber()
  @Min(0)
  rateHz?: number;
}

@InputType()
export class DatasetFields {
  @Field()
  @Transform(trimString)
  @IsString()
  @Length(2, 200, { message: 'name must be 2 to 200 characters long' })
  name!: string;

  @Field({ defaultValue: '' })
  @IsString()
  @MaxLength(20_000)
  description: string = '';

  @Field(() => [DataModality])
  @IsEnum(DataModality, { each: true })
  @ArrayMinSize(1, { message: 'modalities must name at least one modality' })
  modalities!: DataModality[];

  @Field(() => DatasetFormat)
  @IsEnum(DatasetFormat)
  format!: DatasetFormat;

  @Field({ defaultValue: '' })
  @IsString()
  @MaxLength(40)
  formatVersion: string = '';

  @Field()
  @Transform(trimString)
  @IsString()
  @Length(1, 100)
  robotType!: string;

  @Field(() => [DatasetFeatureInput], { defaultValue: [] })
  @ValidateNested({ each: true })
  @Type(() => DatasetFeatureInput)
  @ArrayMaxSize(100)
  features: DatasetFeatureInput[] = [];

  @Field(() => Int, { defaultValue: 0 })
  @IsInt()
  @Min(0)
  episodes: number = 0;

  @Field(() => Float, { defaultValue: 0 })
  @IsNumber()
  @Min(0, { message: 'hours cannot be negative' })
  hours: number = 0;

  @Field(() => Float, { defaultValue: 0 })
  @IsNumber()
  @Min(0)
  fps: number = 0;

  @Field({ defaultValue: '0', description: 'Bytes, as a decimal string.' })
  @Matches(/^\d{1,19}$/, { message: 'sizeBytes is a whole number of bytes' })
  sizeBytes: string = '0';

  @Field({ defaultValue: false })
  @IsBoolean()
  personalData: boolean = false;

  @Field(() => AnonymisationStatus, { defaultValue: AnonymisationStatus.NOT_APPLICABLE })
  @IsEnum(AnonymisationStatus)
  anonymisation: AnonymisationStatus = AnonymisationStatus.NOT_APPLICABLE;

  @Field(() => DatasetSensitivity)
  @IsEnum(DatasetSensitivity)
  sensitivity!: DatasetSensitivity;

  @Field(() => [Purpose], { defaultValue: [] })
  @IsEnum(Purpose, { each: true })
  allowedPurposes: Purpose[] = [];

  @Field({ description: 'Where the data lives (bucket URI, path); shown only to those entitled.' })
  @IsString()
  @Length(1, 1_000)
  storageLocation!: string;

  @Field({ defaultValue: '' })
  @IsString()
  @MaxLength(128)
  checksum: string = '';

  @Field(() => JSONScalar, { nullable: true })
  @IsOptional()
  metadata?: Record<string, unknown>;
}

@InputType()
export class RegisterDatasetInput extends DatasetFields {
  @Field(() => UUIDScalar, { description: 'The scenario the data was collected in.' })
  @IsUUID()
  scenarioId!: string;
}

@ArgsType()
export class DatasetsArgs extends PageArgs {
  @Field(() => UUIDScalar, { nullable: true, description: 'Only datasets of this consortium.' })
  @IsOptional()
  @IsUUID()
  consortiumId?: string;

  @Field(() => DataModality, { nullable: true })
  @IsOptional()
  @IsEnum(DataModality)
  modality?: DataModality;

  @Field(() => DatasetFormat, { nullable: true })
  @IsOptional()
  @IsEnum(DatasetFormat)
  format?: DatasetFormat;

  @Field(() => Sector, { nullable: true })
  @IsOptional()
  @IsEnum(Sector)
  sector?: Sector;

  @Field(() => Purpose, { nullable: true, description: 'Datasets whose offer allows this purpose.' })
  @IsOptional()
  @IsEnum(Purpose)
  purpose?: Purpose;

  @Field(() => DatasetSensitivity, { nullable: true })
  @IsOptional()
  @IsEnum(DatasetSensitivity)
  sensitivity?: DatasetSensitivity;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  robotType?: string;

  @Field({
    nullable: true,
    description:
      'Full-text search over name, description and robot type (as tickets are searched); best matches first.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  search?: string;
}
