export * from './purpose-matching';
export * from './dataset.module';
export * from './dataset.entity';
export * from './dataset-enums';
export * from './dataset.service';
export * from './dataset.rules';
