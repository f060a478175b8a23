export * from './scenario.module';
export * from './scenario.entity';
export * from './kpi-measure';
export * from './scenario.service';
export * from './scenario.rules';
export * from './scenario.loaders';
export { ScenariosArgs } from './dto/scenario.inputs';
