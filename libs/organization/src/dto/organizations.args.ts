import { ArgsType, Field, InputType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsBoolean, IsEnum, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { PageArgs } from '@tetrad/core';
import { OrganizationKind } from '../organization-kind';

export enum OrganizationOrder {
  NAME_ASC = 'NAME_ASC',
  NAME_DESC = 'NAME_DESC',
  CREATED_AT_ASC = 'CREATED_AT_ASC',
  CREATED_AT_DESC = 'CREATED_AT_DESC',
}

registerEnumType(OrganizationOrder, { name: 'OrganizationOrder' });

@InputType({ description: 'All given conditions must hold.' })
export class OrganizationFilter {
  @Field(() => [OrganizationKind], { nullable: true, description: 'Any of these kinds.' })
  @IsOptional()
  @IsEnum(OrganizationKind, { each: true })
  kinds?: OrganizationKind[];

  @Field({ nullable: true, description: 'Exact region.' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  region?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  stateOwned?: boolean;

  @Field({ nullable: true, description: 'Part of the name or the full unified social credit code.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  search?: string;
}

@ArgsType()
export class OrganizationsArgs extends PageArgs {
  @Field(() => OrganizationFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => OrganizationFilter)
  filter?: OrganizationFilter;

  @Field(() => OrganizationOrder, { defaultValue: OrganizationOrder.NAME_ASC })
  @IsEnum(OrganizationOrder)
  orderBy: OrganizationOrder = OrganizationOrder.NAME_ASC;
}
