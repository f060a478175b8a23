import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { InvalidInputError, type FieldProblem } from './domain-error';

/** class-validator failures become one BAD_USER_INPUT error listing every field and what to fix. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    transform: true,
    whitelist: true,
    forbidUnknownValues: true,
    stopAtFirstError: true,
    exceptionFactory: (errors) => {
      const problems = errors.flatMap((error) => flatten(error, ''));
      const summary = problems.map((problem) => problem.message).join('; ');
      return new InvalidInputError(`Invalid input: ${summary}.`, problems);
    },
  });
}

function flatten(error: ValidationError, prefix: string): FieldProblem[] {
  const field = prefix ? `${prefix}.${error.property}` : error.property;
  const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
  return [...own, ...(error.children ?? []).flatMap((child) => flatten(child, field))];
}

/** For `@Transform(trimString)`: surrounding spaces never count towards a length or a match. */
export const trimString = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? value.trim() : value;
