import { ArgsType, Field, InputType, Int } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsEmail,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { PageArgs, UserRole, UUIDScalar } from '@tetrad/core';
import { InvitationStatus } from '../invitation.entity';
import { UserStatus } from '../user.entity';

const lowerTrim = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? value.trim().toLowerCase() : value;

@InputType()
export class InviteUserInput {
  @Field({ description: 'The email the person will sign in with.' })
  @Transform(lowerTrim)
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(320)
  email!: string;

  @Field(() => [UserRole], { description: 'At least one role.' })
  @IsEnum(UserRole, { each: true })
  @ArrayUnique()
  @ArrayMaxSize(6)
  @ArrayMinSize(1, { message: 'roles must name at least one role' })
  roles!: UserRole[];

  @Field(() => UUIDScalar, {
    nullable: true,
    description: "Platform administrators only: the organisation to invite into (an admin's own otherwise).",
  })
  @IsOptional()
  @IsUUID()
  organizationId?: string;
}

@InputType()
export class UpdateUserRolesInput {
  @Field(() => UUIDScalar)
  @IsUUID()
  userId!: string;

  @Field(() => [UserRole])
  @IsEnum(UserRole, { each: true })
  @ArrayUnique()
  @ArrayMaxSize(6)
  roles!: UserRole[];
}

@InputType()
export class CreateApiTokenInput {
  @Field({ description: 'What the token is for, e.g. "nightly dataset sync".' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @Length(1, 100, { message: 'name must be 1 to 100 characters long' })
  name!: string;

  @Field(() => Int, { defaultValue: 90, description: 'Days until it expires, 1 to 365.' })
  @IsInt()
  @Min(1, { message: 'expiresInDays must be at least 1' })
  @Max(365, { message: 'expiresInDays must be at most 365' })
  expiresInDays: number = 90;
}

@ArgsType()
export class UsersArgs extends PageArgs {
  @Field(() => UserStatus, { nullable: true })
  @IsOptional()
  @IsEnum(UserStatus)
  status?: UserStatus;

  @Field(() => UserRole, { nullable: true, description: 'People holding this role.' })
  @IsOptional()
  @IsEnum(UserRole)
  role?: UserRole;

  @Field({ nullable: true, description: 'Part of the name or email.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  search?: string;

  @Field(() => UUIDScalar, { nullable: true, description: 'Platform administrators only.' })
  @IsOptional()
  @IsUUID()
  organizationId?: string;
}

@ArgsType()
export class InvitationsArgs extends PageArgs {
  @Field(() => InvitationStatus, { nullable: true })
  @IsOptional()
  @IsEnum(InvitationStatus)
  status?: InvitationStatus;

  @Field(() => UUIDScalar, { nullable: true, description: 'Platform administrators only.' })
  @IsOptional()
  @IsUUID()
  organizationId?: string;
}
