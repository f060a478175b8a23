import { ArgsType, Field, InputType } from '@nestjs/graphql';
import { Transform, Type } from 'class-transformer';
import { IsEnum, IsOptional, IsString, IsUUID, Length, MaxLength, ValidateNested } from 'class-validator';
import { PageArgs, UUIDScalar, trimString } from '@tetrad/core';
import { OrganizationKind } from '@tetrad/organization';
import { ConsortiumStatus, MembershipStatus, Sector } from '../consortium-enums';

@InputType()
export class FoundConsortiumInput {
  @Field({ description: 'e.g. "Parcel sorting with humanoids, Yangpu hub", 2 to 200 characters.' })
  @Transform(trimString)
  @IsString()
  @Length(2, 200, { message: 'name must be 2 to 200 characters long' })
  name!: string;

  @Field(() => Sector)
  @IsEnum(Sector)
  sector!: Sector;

  @Field({ description: 'Province or city, 2 to 100 characters.' })
  @Transform(trimString)
  @IsString()
  @Length(2, 100, { message: 'region must be 2 to 100 characters long' })
  region!: string;
}

@InputType({ description: "A consortium's settings; fields left out keep their value." })
export class UpdateConsortiumInput {
  @Field(() => UUIDScalar)
  @IsUUID()
  id!: string;

  @Field(() => String, {
    nullable: true,
    description:
      'IANA time zone name, e.g. "Asia/Shanghai": contract periods are dates in it, and documents state times in it.',
  })
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @MaxLength(64, { message: 'timeZone must be at most 64 characters long' })
  timeZone?: string;
}

@InputType()
export class InviteOrganizationInput {
  @Field(() => UUIDScalar)
  @IsUUID()
  consortiumId!: string;

  @Field(() => UUIDScalar)
  @IsUUID()
  organizationId!: string;

  @Field(() => OrganizationKind, {
    nullable: true,
    description: "Defaults to the organisation's kind, which it must match.",
  })
  @IsOptional()
  @IsEnum(OrganizationKind)
  partyRole?: OrganizationKind;
}

@InputType({ description: 'All given conditions must hold.' })
export class ConsortiumFilter {
  @Field(() => [ConsortiumStatus], { nullable: true })
  @IsOptional()
  @IsEnum(ConsortiumStatus, { each: true })
  statuses?: ConsortiumStatus[];

  @Field(() => Sector, { nullable: true })
  @IsOptional()
  @IsEnum(Sector)
  sector?: Sector;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  region?: string;

  @Field({ nullable: true, description: 'Part of the name.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  search?: string;
}

@ArgsType()
export class ConsortiaArgs extends PageArgs {
  @Field(() => ConsortiumFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => ConsortiumFilter)
  filter?: ConsortiumFilter;
}

@ArgsType()
export class MembershipsArgs extends PageArgs {
  @Field(() => UUIDScalar, {
    nullable: true,
    description: "One consortium's members; without it, your organisation's memberships.",
  })
  @IsOptional()
  @IsUUID()
  consortiumId?: string;

  @Field(() => [MembershipStatus], { nullable: true })
  @IsOptional()
  @IsEnum(MembershipStatus, { each: true })
  statuses?: MembershipStatus[];

  @Field(() => OrganizationKind, { nullable: true })
  @IsOptional()
  @IsEnum(OrganizationKind)
  partyRole?: OrganizationKind;
}
