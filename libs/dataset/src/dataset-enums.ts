import { registerEnumType } from '@nestjs/graphql';

export enum DataModality {
  RGB = 'RGB',
  DEPTH = 'DEPTH',
  FORCE_TORQUE = 'FORCE_TORQUE',
  TACTILE = 'TACTILE',
  JOINT_STATES = 'JOINT_STATES',
  TRAJECTORIES = 'TRAJECTORIES',
  AUDIO = 'AUDIO',
  LANGUAGE_ANNOTATIONS = 'LANGUAGE_ANNOTATIONS',
}

export enum DatasetFormat {
  LEROBOT = 'LEROBOT',
  RLDS = 'RLDS',
  MCAP = 'MCAP',
  ROS2_BAG = 'ROS2_BAG',
  HDF5 = 'HDF5',
  OTHER = 'OTHER',
}

export enum DatasetSensitivity {
  PUBLIC = 'PUBLIC',
  CONSORTIUM = 'CONSORTIUM',
  RESTRICTED = 'RESTRICTED',
  TRADE_SECRET = 'TRADE_SECRET',
}

export enum Purpose {
  RESEARCH = 'RESEARCH',
  MODEL_TRAINING = 'MODEL_TRAINING',
  BENCHMARKING = 'BENCHMARKING',
  SIM_TO_REAL = 'SIM_TO_REAL',
  SAFETY_CERTIFICATION = 'SAFETY_CERTIFICATION',
  COMMERCIAL_PRODUCT = 'COMMERCIAL_PRODUCT',
  REDISTRIBUTE_DERIVED = 'REDISTRIBUTE_DERIVED',
}

export enum AnonymisationStatus {
  NOT_APPLICABLE = 'NOT_APPLICABLE',
  NONE = 'NONE',
  PSEUDONYMISED = 'PSEUDONYMISED',
  ANONYMISED = 'ANONYMISED',
}

registerEnumType(DataModality, { name: 'DataModality' });
registerEnumType(DatasetFormat, { name: 'DatasetFormat' });
registerEnumType(DatasetSensitivity, {
  name: 'DatasetSensitivity',
  description:
    'PUBLIC: every signed-in person; CONSORTIUM and RESTRICTED: its members; TRADE_SECRET: the owner and the parties of a contract covering it.',
});
registerEnumType(Purpose, { name: 'Purpose' });
registerEnumType(AnonymisationStatus, { name: 'AnonymisationStatus' });
