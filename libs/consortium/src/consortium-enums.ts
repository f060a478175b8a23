import { registerEnumType } from '@nestjs/graphql';

export enum ConsortiumStatus {
  FORMING = 'FORMING',
  ACTIVE = 'ACTIVE',
  CLOSED = 'CLOSED',
}

export enum MembershipStatus {
  INVITED = 'INVITED',
  ACTIVE = 'ACTIVE',
  DECLINED = 'DECLINED',
  WITHDRAWN = 'WITHDRAWN',
}

/** The high-value scenario sectors national programmes name (DOMAIN.md). */
export enum Sector {
  MANUFACTURING = 'MANUFACTURING',
  INSPECTION = 'INSPECTION',
  MAINTENANCE = 'MAINTENANCE',
  LOGISTICS = 'LOGISTICS',
  RETAIL = 'RETAIL',
  HEALTHCARE = 'HEALTHCARE',
  SAFETY_PRODUCTION = 'SAFETY_PRODUCTION',
  EMERGENCY_RESCUE = 'EMERGENCY_RESCUE',
  DISASTER_RELIEF = 'DISASTER_RELIEF',
}

registerEnumType(ConsortiumStatus, {
  name: 'ConsortiumStatus',
  description: 'FORMING until all four party kinds are active members, then ACTIVE; CLOSED at the end.',
});
registerEnumType(MembershipStatus, { name: 'MembershipStatus' });
registerEnumType(Sector, { name: 'Sector' });
