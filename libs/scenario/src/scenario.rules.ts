import { UserRole, type RuleContributor } from '@tetrad/core';

const EDITING_ROLES: readonly UserRole[] = [UserRole.ORG_ADMIN, UserRole.ENGINEER];

/** Every active member reads a consortium's scenarios; its scenario users create and edit them. */
export const scenarioRules: RuleContributor = ({ can }, { caller, activeConsortiumIds, memberships }) => {
  if (caller.platformAdmin) {
    can('read', 'Scenario');
    return;
  }
  can('read', 'Scenario', { consortiumId: { $in: [...activeConsortiumIds] } });
  if (!caller.roles.some((role) => EDITING_ROLES.includes(role))) return;
  const asScenarioUser = memberships
    .filter((m) => m.partyRole === 'SCENARIO_USER')
    .map((m) => m.consortiumId);
  can(['create', 'update'], 'Scenario', { consortiumId: { $in: asScenarioUser } });
};

export const SCENARIO_COLUMNS = { id: 'scenario.id', consortiumId: 'scenario.consortium_id' } as const;
