export * from './organization.entity';
export * from './organization-kind';
export * from './organization.module';
export * from './organization.service';
export * from './organization.loaders';
export * from './unified-social-credit-code';
