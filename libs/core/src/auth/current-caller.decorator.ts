import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { UnauthenticatedError } from '../errors/domain-error';
import type { Caller } from './caller';
import { SIGN_IN_HINT } from './authentication.guard';

/** The signed-in caller of a GraphQL operation (the guard has already required one). */
export const CurrentCaller = createParamDecorator((_data: unknown, context: ExecutionContext): Caller => {
  const caller = GqlExecutionContext.create(context).getContext<{ caller?: Caller | null }>().caller;
  if (!caller) throw new UnauthenticatedError(SIGN_IN_HINT);
  return caller;
});
