import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CALLER_RESOLVER } from '@tetrad/core';
import { OrganizationModule } from '@tetrad/organization';
import { ApiToken } from './api-token.entity';
import { ApiTokenService } from './api-token.service';
import { AuthController } from './auth.controller';
import { CallerService } from './caller.service';
import { ApiTokenResolver, InvitationResolver, UserResolver } from './identity.resolver';
import { Invitation } from './invitation.entity';
import { InvitationService } from './invitation.service';
import { ProvisioningService } from './provisioning.service';
import { LoginAttempt, Session } from './session.entity';
import { SessionService } from './session.service';
import { User } from './user.entity';
import { UserLoaders } from './user.loaders';
import { UserService } from './user.service';

/** People in organisations: sign-in, sessions, API tokens, invitations and roles. */
@Module({
  imports: [
    TypeOrmModule.forFeature([User, Invitation, Session, LoginAttempt, ApiToken]),
    OrganizationModule,
  ],
  controllers: [AuthController],
  providers: [
    ProvisioningService,
    SessionService,
    ApiTokenService,
    UserService,
    InvitationService,
    CallerService,
    UserResolver,
    InvitationResolver,
    ApiTokenResolver,
    UserLoaders,
    { provide: CALLER_RESOLVER, useExisting: CallerService },
  ],
  exports: [CALLER_RESOLVER, UserService, InvitationService],
})
export class IdentityModule {}
