import { registerEnumType } from '@nestjs/graphql';

/** How the clause a comment was made on reads in the latest version. */
export enum ClauseSinceComment {
  UNCHANGED = 'UNCHANGED',
  CHANGED = 'CHANGED',
  REMOVED = 'REMOVED',
}

registerEnumType(ClauseSinceComment, {
  name: 'ClauseSinceComment',
  description: 'Whether the clause a comment was made on still reads the same in the latest version.',
});
