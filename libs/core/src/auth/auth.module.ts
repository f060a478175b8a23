import { Global, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { HttpErrorFilter } from '../errors/http-error.filter';
import { AccessTokenVerifier } from './access-token-verifier';
import { AuthenticationGuard } from './authentication.guard';
import { OidcClientService } from './oidc-client.service';

/** OIDC client, bearer verification and the global authentication guard. */
@Global()
@Module({
  providers: [
    OidcClientService,
    AccessTokenVerifier,
    { provide: APP_GUARD, useClass: AuthenticationGuard },
    { provide: APP_FILTER, useClass: HttpErrorFilter },
  ],
  exports: [OidcClientService, AccessTokenVerifier],
})
export class AuthModule {}
