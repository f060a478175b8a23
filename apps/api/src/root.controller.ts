import { Controller, Get } from '@nestjs/common';
import { Public } from '@tetrad/core';

/** Where a browser lands after signing in until the web app exists: what this server offers. */
@Public()
@Controller()
export class RootController {
  @Get()
  index(): Record<string, string> {
    return {
      service: 'Tetrad API',
      graphql: '/graphql',
      signIn: '/auth/login',
      signOut: '/auth/logout',
      health: '/health/ready',
    };
  }
}
