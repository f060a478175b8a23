export * from './consortium.module';
export * from './consortium.entity';
export * from './membership.entity';
export * from './consortium-enums';
export * from './consortium.service';
export * from './consortium-lifecycle';
export * from './consortium.rules';
export * from './time-zone';
