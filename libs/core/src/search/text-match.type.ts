import { Field, Int, ObjectType } from '@nestjs/graphql';
import { matchRanges } from './search-terms';

@ObjectType({
  description:
    'Where a search occurs in one text field of a result: mark `length` characters from `start` (UTF-16 offsets, as JavaScript counts).',
})
export class TextMatch {
  @Field({ description: 'The GraphQL field of the result, e.g. `title`.' })
  field!: string;

  @Field(() => Int)
  start!: number;

  @Field(() => Int)
  length!: number;
}

/** Every occurrence of the search in the given fields, field by field. */
export function textMatches(fields: Record<string, string | null | undefined>, search: string): TextMatch[] {
  return Object.entries(fields).flatMap(([field, text]) =>
    matchRanges(text ?? '', search).map((range) => ({ field, ...range })),
  );
}
