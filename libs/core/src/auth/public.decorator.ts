import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'tetrad:public';

/** Marks a handler that anyone may call without signing in; every other one requires a caller. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);
