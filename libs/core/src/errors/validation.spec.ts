import type { ArgumentMetadata } from '@nestjs/common';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Max,
  Min,
  ValidateNested,
  validate,
} from 'class-validator';
import { InvalidInputError, type FieldProblem } from './domain-error';
import { createValidationPipe } from './validation';

class MemberInput {
  @IsString({ message: 'name must be text' })
  @Length(2, 50, { message: 'name must be 2 to 50 characters long' })
  name!: string;
}

class OrganizationInput {
  @IsString({ message: 'name must be text' })
  @Length(2, 200, { message: 'name must be 2 to 200 characters long' })
  name!: string;

  @IsString({ message: 'region must be text' })
  region!: string;

  @IsOptional()
  @ValidateNested({ each: true })
  @ArrayMaxSize(3, { message: 'members must list at most 3 people' })
  @Type(() => MemberInput)
  members?: MemberInput[];
}

class CreateArgs {
  @ValidateNested()
  @Type(() => OrganizationInput)
  input!: OrganizationInput;

  @IsInt({ message: 'first must be an integer' })
  @Min(1, { message: 'first must be at least 1' })
  @Max(100, { message: 'first must be at most 100' })
  first: number = 20;
}

const ARGS: ArgumentMetadata = { type: 'body', metatype: CreateArgs, data: '' };

async function rejection(value: unknown): Promise<InvalidInputError> {
  try {
    await createValidationPipe().transform(value, ARGS);
  } catch (error) {
    if (error instanceof InvalidInputError) return error;
    throw error;
  }
  throw new Error(`the pipe accepted ${JSON.stringify(value)}`);
}

describe('createValidationPipe', () => {
  it('passes a valid value through as an instance of the class, unknown fields stripped', async () => {
    const value = {
      input: { name: 'Alpha Robotics', region: 'Shenzhen', members: [{ name: 'Li Wei' }], admin: true },
      first: 5,
    };
    const result = (await createValidationPipe().transform(value, ARGS)) as CreateArgs;
    expect(result).toBeInstanceOf(CreateArgs);
    expect(result.input).toBeInstanceOf(OrganizationInput);
    expect(result.input.members![0]).toBeInstanceOf(MemberInput);
    expect(result).toEqual(
      Object.assign(new CreateArgs(), {
        first: 5,
        input: Object.assign(new OrganizationInput(), {
          name: 'Alpha Robotics',
          region: 'Shenzhen',
          members: [Object.assign(new MemberInput(), { name: 'Li Wei' })],
        }),
      }),
    );
    expect(result.input).not.toHaveProperty('admin');
  });

  it.each<[string, unknown, FieldProblem[]]>([
    [
      'a top-level field',
      { input: { name: 'Alpha', region: 'Shenzhen' }, first: 0 },
      [{ field: 'first', message: 'first must be at least 1' }],
    ],
    [
      'a nested field',
      { input: { name: 'A', region: 'Shenzhen' } },
      [{ field: 'input.name', message: 'name must be 2 to 200 characters long' }],
    ],
    [
      'every invalid field at once',
      { input: { name: 'A', region: 7 }, first: 101 },
      [
        { field: 'input.name', message: 'name must be 2 to 200 characters long' },
        { field: 'input.region', message: 'region must be text' },
        { field: 'first', message: 'first must be at most 100' },
      ],
    ],
    [
      'an item of a nested list',
      { input: { name: 'Alpha', region: 'Shenzhen', members: [{ name: 'Li Wei' }, { name: 'X' }] } },
      [{ field: 'input.members.1.name', message: 'name must be 2 to 50 characters long' }],
    ],
    [
      'a list that is too long',
      {
        input: {
          name: 'Alpha',
          region: 'Shenzhen',
          members: [{ name: 'Aa' }, { name: 'Bb' }, { name: 'Cc' }, { name: 'Dd' }],
        },
      },
      [{ field: 'input.members', message: 'members must list at most 3 people' }],
    ],
  ])('lists %s with its path', async (_label, value, problems) => {
    const error = await rejection(value);
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.problems).toEqual(problems);
    expect(error.details).toEqual({ problems });
    expect(error.message).toBe(`Invalid input: ${problems.map((problem) => problem.message).join('; ')}.`);
  });

  it('reports one message per field, the first that fails', async () => {
    const error = await rejection({ input: { name: 42, region: 'Shenzhen' } });
    expect(error.problems).toHaveLength(1);
    expect(error.problems[0]!.field).toBe('input.name');
  });

  it('refuses a nested value that is not an object, naming the field', async () => {
    const error = await rejection({ input: 'Alpha Robotics', first: 5 });
    expect(error.problems.map((problem) => problem.field)).toEqual(['input']);
    expect(error.message).toMatch(/^Invalid input: .*input.*\.$/);
  });

  it('builds the same error from class-validator errors given to its exceptionFactory', async () => {
    const candidate = Object.assign(new CreateArgs(), {
      first: -1,
      input: Object.assign(new OrganizationInput(), { name: 'A', region: 'Shenzhen' }),
    });
    const errors = await validate(candidate, { stopAtFirstError: true });
    const pipe = createValidationPipe();
    const error = (pipe as unknown as { exceptionFactory: (errors: unknown[]) => unknown }).exceptionFactory(
      errors,
    );
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as InvalidInputError).problems).toEqual([
      { field: 'input.name', message: 'name must be 2 to 200 characters long' },
      { field: 'first', message: 'first must be at least 1' },
    ]);
  });
});
