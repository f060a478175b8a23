import { ArgsType, Field, InputType, Int } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Min,
  NotContains,
} from 'class-validator';
import { PageArgs, UUIDScalar, trimString } from '@tetrad/core';
import { MAX_COMMENT_BODY, MAX_COMMENT_QUOTE } from '../clause-comment.entity';

const CLAUSE_KEY = /^[a-z0-9][a-z0-9-]{0,59}$/;
const NUL = '\u0000';

@InputType()
export class CommentOnClauseInput {
  @Field(() => UUIDScalar)
  @IsUUID()
  contractId!: string;

  @Field(() => Int, {
    description: 'The version you are reading; a reply must name its thread’s version.',
  })
  @IsInt()
  @Min(1)
  version!: number;

  @Field(() => String, {
    nullable: true,
    description: 'The clause, as keyed in that version; null for the version as a whole (its terms).',
  })
  @IsOptional()
  @Matches(CLAUSE_KEY, { message: 'a clause key is lower-case letters, digits and dashes' })
  clauseKey?: string | null;

  @Field(() => String, { nullable: true, description: 'The passage of the clause you mean, as it reads.' })
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @Length(1, MAX_COMMENT_QUOTE, { message: `a quote is 1 to ${MAX_COMMENT_QUOTE} characters long` })
  @NotContains(NUL, { message: 'a quote cannot contain a NUL character' })
  quote?: string | null;

  @Field({ description: 'Plain text, 1 to 4,000 characters; surrounding spaces are trimmed.' })
  @Transform(trimString)
  @IsString()
  @Length(1, MAX_COMMENT_BODY, { message: `a comment is 1 to 4,000 characters long` })
  @NotContains(NUL, { message: 'a comment cannot contain a NUL character' })
  body!: string;

  @Field(() => UUIDScalar, { nullable: true, description: 'A comment of the thread you answer.' })
  @IsOptional()
  @IsUUID()
  replyTo?: string | null;
}

@ArgsType()
export class ClauseCommentArgs {
  @Field(() => UUIDScalar)
  @IsUUID()
  id!: string;
}

@ArgsType()
export class ClauseCommentsArgs extends PageArgs {
  @Field(() => Boolean, { nullable: true, description: 'Only open (true) or only resolved (false) threads.' })
  @IsOptional()
  @IsBoolean()
  open?: boolean | null;

  @Field(() => String, { nullable: true, description: 'Only threads on this clause.' })
  @IsOptional()
  @Matches(CLAUSE_KEY, { message: 'a clause key is lower-case letters, digits and dashes' })
  clauseKey?: string | null;

  @Field(() => Int, { nullable: true, description: 'Only threads made on this version.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number | null;
}
