import { ArgsType, Field, InputType, Int, registerEnumType } from '@nestjs/graphql';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsBoolean,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { PageArgs, UUIDScalar, trimString } from '@tetrad/core';
import { TicketCategory, TicketSeverity, TicketStatus } from '../ticket-enums';

const LABEL = /^[\p{L}\p{N}][\p{L}\p{N} _.-]{0,39}$/u;
const LABEL_MESSAGE = 'each label is 1 to 40 letters, digits, spaces, _ . or -';

export const EXPECTED_VERSION_DESCRIPTION =
  'The ticket version your edit is based on (PainPointTicket.version). When given and the ticket has changed since, nothing is changed and the answer is CONFLICT with the current version and state; left out, the last edit wins.';

/** Optimistic concurrency for any edit of a ticket. */
@InputType({ isAbstract: true })
abstract class TicketEditInput {
  @Field(() => Int, { nullable: true, description: EXPECTED_VERSION_DESCRIPTION })
  @IsOptional()
  @IsInt()
  @Min(1)
  expectedVersion?: number;
}

@InputType()
export class RaiseTicketInput {
  @Field(() => UUIDScalar)
  @IsUUID()
  scenarioId!: string;

  @Field()
  @Transform(trimString)
  @IsString()
  @Length(3, 200, { message: 'title must be 3 to 200 characters long' })
  title!: string;

  @Field({ description: 'Markdown, up to 20,000 characters.' })
  @IsString()
  @Length(1, 20_000, { message: 'description must be 1 to 20,000 characters long' })
  description!: string;

  @Field(() => TicketCategory, { defaultValue: TicketCategory.OTHER })
  @IsEnum(TicketCategory)
  category: TicketCategory = TicketCategory.OTHER;

  @Field(() => TicketSeverity, { defaultValue: TicketSeverity.MEDIUM })
  @IsEnum(TicketSeverity)
  severity: TicketSeverity = TicketSeverity.MEDIUM;

  @Field(() => [String], { defaultValue: [] })
  @ArrayMaxSize(20)
  @Matches(LABEL, { each: true, message: LABEL_MESSAGE })
  labels: string[] = [];
}

@InputType()
export class TriageTicketInput extends TicketEditInput {
  @Field(() => TicketCategory, { nullable: true })
  @IsOptional()
  @IsEnum(TicketCategory)
  category?: TicketCategory;

  @Field(() => TicketSeverity, { nullable: true })
  @IsOptional()
  @IsEnum(TicketSeverity)
  severity?: TicketSeverity;

  @Field(() => [String], { nullable: true, description: 'The whole new list of labels.' })
  @IsOptional()
  @ArrayMaxSize(20)
  @Matches(LABEL, { each: true, message: LABEL_MESSAGE })
  labels?: string[];

  @Field(() => [String], {
    nullable: true,
    description:
      'Labels to add to whatever the ticket has when the edit is applied (concurrent additions all stay); not with labels.',
  })
  @IsOptional()
  @ArrayMaxSize(20)
  @Matches(LABEL, { each: true, message: LABEL_MESSAGE })
  addLabels?: string[];

  @Field(() => [String], {
    nullable: true,
    description: 'Labels to take off, if the ticket has them when the edit is applied; not with labels.',
  })
  @IsOptional()
  @ArrayMaxSize(20)
  @Matches(LABEL, { each: true, message: LABEL_MESSAGE })
  removeLabels?: string[];
}

@InputType()
export class AssignTicketInput extends TicketEditInput {
  @Field(() => UUIDScalar, { description: 'An active member organisation of the consortium.' })
  @IsUUID()
  organizationId!: string;

  @Field(() => UUIDScalar, { nullable: true, description: 'Optionally a person of that organisation.' })
  @IsOptional()
  @IsUUID()
  userId?: string;
}

export enum TicketOrder {
  UPDATED_DESC = 'UPDATED_DESC',
  CREATED_DESC = 'CREATED_DESC',
  SEVERITY_DESC = 'SEVERITY_DESC',
  RESOLUTION_DUE_ASC = 'RESOLUTION_DUE_ASC',
}

registerEnumType(TicketOrder, { name: 'TicketOrder' });

@InputType({ description: 'All given conditions must hold; lists mean any of.' })
export class TicketFilter {
  @Field(() => UUIDScalar, { nullable: true })
  @IsOptional()
  @IsUUID()
  consortiumId?: string;

  @Field(() => UUIDScalar, { nullable: true })
  @IsOptional()
  @IsUUID()
  scenarioId?: string;

  @Field(() => [TicketStatus], { nullable: true })
  @IsOptional()
  @IsEnum(TicketStatus, { each: true })
  statuses?: TicketStatus[];

  @Field(() => [TicketCategory], { nullable: true })
  @IsOptional()
  @IsEnum(TicketCategory, { each: true })
  categories?: TicketCategory[];

  @Field(() => [TicketSeverity], { nullable: true })
  @IsOptional()
  @IsEnum(TicketSeverity, { each: true })
  severities?: TicketSeverity[];

  @Field(() => UUIDScalar, { nullable: true })
  @IsOptional()
  @IsUUID()
  assigneeOrganizationId?: string;

  @Field(() => UUIDScalar, { nullable: true })
  @IsOptional()
  @IsUUID()
  assigneeUserId?: string;

  @Field(() => UUIDScalar, { nullable: true })
  @IsOptional()
  @IsUUID()
  raisedByUserId?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  label?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  overdue?: boolean;

  @Field({
    nullable: true,
    description:
      'Full-text search over title, description and comments: every term must occur; Chinese is matched by characters and character pairs, other words by their beginning.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  search?: string;
}

@ArgsType()
export class TicketsArgs extends PageArgs {
  @Field(() => TicketFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => TicketFilter)
  filter?: TicketFilter;

  @Field(() => TicketOrder, {
    nullable: true,
    description:
      'When not given: best search matches first (title, then description, then comments) if searched, otherwise UPDATED_DESC.',
  })
  @IsOptional()
  @IsEnum(TicketOrder)
  orderBy?: TicketOrder | null;
}

@InputType()
export class CommentInput {
  @Field({ description: 'Markdown, up to 10,000 characters.' })
  @IsString()
  @Length(1, 10_000, { message: 'body must be 1 to 10,000 characters long' })
  body!: string;
}
