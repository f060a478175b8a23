import { registerEnumType } from '@nestjs/graphql';

export enum TicketCategory {
  MODEL_ALGORITHM = 'MODEL_ALGORITHM',
  HARDWARE_PERFORMANCE = 'HARDWARE_PERFORMANCE',
  SCENARIO_ADAPTATION = 'SCENARIO_ADAPTATION',
  DATA = 'DATA',
  SAFETY = 'SAFETY',
  OTHER = 'OTHER',
}

export enum TicketSeverity {
  CRITICAL = 'CRITICAL',
  HIGH = 'HIGH',
  MEDIUM = 'MEDIUM',
  LOW = 'LOW',
}

export enum TicketStatus {
  OPEN = 'OPEN',
  TRIAGED = 'TRIAGED',
  IN_PROGRESS = 'IN_PROGRESS',
  RESOLVED = 'RESOLVED',
  VERIFIED = 'VERIFIED',
  CLOSED = 'CLOSED',
  REOPENED = 'REOPENED',
}

registerEnumType(TicketCategory, { name: 'TicketCategory' });
registerEnumType(TicketSeverity, { name: 'TicketSeverity' });
registerEnumType(TicketStatus, { name: 'TicketStatus' });
