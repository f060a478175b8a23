import type {
  AccessDecision,
  DataAccessRequestStatus,
  DataModality,
  DatasetFormat,
  DatasetSensitivity,
  Purpose,
  Sector,
} from '../../gql/graphql';

/** The API's enums, in display order (the schema lists them alphabetically). */
export const MODALITIES: readonly DataModality[] = [
  'RGB',
  'DEPTH',
  'FORCE_TORQUE',
  'TACTILE',
  'JOINT_STATES',
  'TRAJECTORIES',
  'AUDIO',
  'LANGUAGE_ANNOTATIONS',
];
export const FORMATS: readonly DatasetFormat[] = ['LEROBOT', 'RLDS', 'MCAP', 'ROS2_BAG', 'HDF5', 'OTHER'];
export const SENSITIVITIES: readonly DatasetSensitivity[] = [
  'PUBLIC',
  'CONSORTIUM',
  'RESTRICTED',
  'TRADE_SECRET',
];
export const PURPOSES: readonly Purpose[] = [
  'RESEARCH',
  'MODEL_TRAINING',
  'BENCHMARKING',
  'SIM_TO_REAL',
  'SAFETY_CERTIFICATION',
  'COMMERCIAL_PRODUCT',
  'REDISTRIBUTE_DERIVED',
];
export const SECTORS: readonly Sector[] = [
  'MANUFACTURING',
  'INSPECTION',
  'MAINTENANCE',
  'LOGISTICS',
  'RETAIL',
  'HEALTHCARE',
  'SAFETY_PRODUCTION',
  'EMERGENCY_RESCUE',
  'DISASTER_RELIEF',
];
export const REQUEST_STATUSES: readonly DataAccessRequestStatus[] = [
  'SUBMITTED',
  'UNDER_REVIEW',
  'APPROVED',
  'REJECTED',
  'WITHDRAWN',
];

export const SENSITIVITY_COLOR: Record<DatasetSensitivity, string> = {
  PUBLIC: 'green',
  CONSORTIUM: 'blue',
  RESTRICTED: 'orange',
  TRADE_SECRET: 'red',
};
export const REQUEST_STATUS_COLOR: Record<DataAccessRequestStatus, string> = {
  SUBMITTED: 'blue',
  UNDER_REVIEW: 'processing',
  APPROVED: 'success',
  REJECTED: 'error',
  WITHDRAWN: 'default',
};
export const DECISION_COLOR: Record<AccessDecision, string> = {
  APPROVED: 'success',
  PENDING: 'default',
  REJECTED: 'error',
};
export const MATCH_COLOR: Record<string, string> = { APPROVE: 'success', DENY: 'error', ABSTAIN: 'warning' };

/** A value of a closed vocabulary, or undefined for anything else (a hand-edited URL). */
export function oneOf<T extends string>(
  values: readonly T[],
  value: string | null | undefined,
): T | undefined {
  return values.find((v) => v === value);
}
