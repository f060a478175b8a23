import { registerEnumType } from '@nestjs/graphql';

/** The four party kinds of a consortium (DOMAIN.md). */
export enum OrganizationKind {
  SCENARIO_USER = 'SCENARIO_USER',
  ROBOT_MAKER = 'ROBOT_MAKER',
  SUPPLIER = 'SUPPLIER',
  RESEARCH_INSTITUTE = 'RESEARCH_INSTITUTE',
}

registerEnumType(OrganizationKind, {
  name: 'OrganizationKind',
  description: 'The part an organisation plays in a consortium.',
  valuesMap: {
    SCENARIO_USER: {
      description: 'Runs the real scenario (factory, nursing home, utility) and names pain points.',
    },
    ROBOT_MAKER: { description: 'Builds and adapts the robots.' },
    SUPPLIER: { description: 'Provides components: joints, sensors, hands, batteries.' },
    RESEARCH_INSTITUTE: { description: 'Works on the core algorithms and models.' },
  },
});
