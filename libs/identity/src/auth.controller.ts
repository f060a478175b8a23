import { Controller, Get, Inject, Post, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  APP_CONFIG,
  clearCookie,
  LOGIN_COOKIE,
  Public,
  readCookie,
  SESSION_COOKIE,
  setCookie,
  type AppConfig,
} from '@tetrad/core';
import { SessionService } from './session.service';

const LOGIN_COOKIE_PATH = '/auth';

/** Browser sign-in (backend-for-frontend): Tetrad is the OIDC client, the browser only holds a cookie. */
@Public()
@Controller('auth')
export class AuthController {
  constructor(
    private readonly sessions: SessionService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private get secure(): boolean {
    return this.config.publicUrl.startsWith('https://');
  }

  @Get('login')
  async login(@Query('returnTo') returnTo: string | undefined, @Res() reply: FastifyReply): Promise<void> {
    const { authorizationUrl, state } = await this.sessions.startLogin(safeReturnPath(returnTo));
    setCookie(reply, LOGIN_COOKIE, state, {
      maxAgeSeconds: 600,
      path: LOGIN_COOKIE_PATH,
      secure: this.secure,
    });
    await reply.redirect(authorizationUrl.href, 302);
  }

  @Get('callback')
  async callback(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const callbackUrl = new URL(request.url, this.config.publicUrl);
    const browserState = readCookie(request, LOGIN_COOKIE);
    clearCookie(reply, LOGIN_COOKIE, { path: LOGIN_COOKIE_PATH, secure: this.secure });
    const { sessionSecret, returnTo } = await this.sessions.finishLogin(callbackUrl, browserState);
    setCookie(reply, SESSION_COOKIE, sessionSecret, {
      maxAgeSeconds: this.sessions.sessionTtlSeconds,
      secure: this.secure,
    });
    await reply.redirect(returnTo, 302);
  }

  /** Ends the Tetrad session, then the issuer's (RP-initiated logout). */
  @Post('logout')
  async logoutPost(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    await this.logout(request, reply);
  }

  @Get('logout')
  async logoutGet(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    await this.logout(request, reply);
  }

  private async logout(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const secret = readCookie(request, SESSION_COOKIE);
    const idToken = secret ? await this.sessions.revoke(secret) : undefined;
    clearCookie(reply, SESSION_COOKIE, { secure: this.secure });
    const endSession = await this.sessions.endSessionUrl(idToken, `${this.config.publicUrl}/`);
    await reply.redirect(endSession?.href ?? '/', 302);
  }
}

/** Only a path on this site: an absolute URL here would be an open redirect. */
export function safeReturnPath(returnTo: string | undefined): string {
  if (!returnTo || !returnTo.startsWith('/') || returnTo.startsWith('//') || returnTo.includes('\\'))
    return '/';
  return returnTo.slice(0, 500);
}
