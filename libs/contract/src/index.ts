export * from './contract.module';
export * from './contract-enums';
export * from './contract-terms';
export * from './contract.entity';
export * from './data-access-request.entity';
export * from './contract-status';
export * from './contract-hash';
export { ContractQueryService } from './contract-query.service';
