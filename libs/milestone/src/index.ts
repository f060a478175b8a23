export * from './milestone.module';
export * from './milestone-enums';
export * from './kpi-report.entity';
export * from './milestone.entity';
export { deriveKpiFigures, type KpiFigures } from './kpi-figures';
export { allocate, validateShares } from './reward-split';
export { MilestoneService } from './milestone.service';
export {
  MilestoneImportService,
  type SystemKpiReportSpec,
  type SystemMilestoneSpec,
} from './milestone-import.service';
export { MilestoneEvaluationService } from './milestone-evaluation.service';
export { ScenarioFiguresService, type ScenarioFigures } from './scenario-figures.service';
export * from './milestone.rules';
