export * from './identity.module';
export * from './user.entity';
export * from './invitation.entity';
export * from './api-token.entity';
export * from './user.service';
export * from './user.loaders';
export { API_TOKEN_PREFIX } from './api-token.service';
export { InvitationService, type SystemInvitationSpec } from './invitation.service';
