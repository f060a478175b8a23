import { trimString } from '@tetrad/core';
import { Field, InputType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEnum, IsString, Length, MaxLength, MinLength } from 'class-validator';
import { OrganizationKind } from '../organization-kind';
import { IsUnifiedSocialCreditCode } from './is-unified-social-credit-code';
import { normalizeUscc } from '../unified-social-credit-code';

@InputType()
export class CreateOrganizationInput {
  @Field({ description: 'Legal name, 2 to 200 characters.' })
  @Transform(trimString)
  @IsString()
  @Length(2, 200, { message: 'name must be 2 to 200 characters long' })
  name!: string;

  @Field(() => OrganizationKind)
  @IsEnum(OrganizationKind)
  kind!: OrganizationKind;

  @Field({ description: 'Unified social credit code; spaces and lower case are accepted and normalized.' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? normalizeUscc(value) : value))
  @IsString()
  @IsUnifiedSocialCreditCode()
  unifiedSocialCreditCode!: string;

  @Field({ description: 'Province, city or administrative region, 2 to 100 characters.' })
  @Transform(trimString)
  @IsString()
  @MinLength(2, { message: 'region must be at least 2 characters long' })
  @MaxLength(100, { message: 'region must be at most 100 characters long' })
  region!: string;

  @Field({ defaultValue: false })
  @IsBoolean()
  stateOwned: boolean = false;
}
