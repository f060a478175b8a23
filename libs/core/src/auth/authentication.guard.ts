import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext, type GqlContextType } from '@nestjs/graphql';
import { UnauthenticatedError } from '../errors/domain-error';
import type { Caller } from './caller';
import { IS_PUBLIC } from './public.decorator';

/** What the GraphQL context carries about the caller (see the context factory). */
export interface CallerContext {
  caller: Caller | null;
  authError?: Error;
}

export const SIGN_IN_HINT =
  'Sign in first: use /auth/login in a browser, or send "Authorization: Bearer <token>" (an access token from the identity provider or a Tetrad API token).';

/** Global guard: every GraphQL operation and HTTP route needs a caller unless marked @Public(). */
@Injectable()
export class AuthenticationGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (context.getType<GqlContextType>() === 'graphql') {
      const { caller, authError } = GqlExecutionContext.create(context).getContext<CallerContext>();
      // Bad credentials are refused even on public operations: a caller must know their token failed.
      if (authError) throw authError;
      if (caller || isPublic) return true;
    } else if (isPublic) {
      return true;
    }
    throw new UnauthenticatedError(SIGN_IN_HINT);
  }
}
