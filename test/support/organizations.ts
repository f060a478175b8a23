import { usccCheckCharacter } from '@tetrad/organization';

/** A valid unified social credit code built from a number, so tests can create many organisations. */
export function validUscc(serial: number): string {
  const first17 = `91310000${String(serial).padStart(9, '0')}`;
  return `${first17}${usccCheckCharacter(first17)}`;
}

export const CREATE_ORGANIZATION = /* GraphQL */ `
  mutation Create($input: CreateOrganizationInput!) {
    createOrganization(input: $input) {
      id
      name
      kind
      unifiedSocialCreditCode
      region
      stateOwned
      createdAt
    }
  }
`;

export function organizationInput(
  serial: number,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    name: `Organisation ${serial}`,
    kind: 'ROBOT_MAKER',
    unifiedSocialCreditCode: validUscc(serial),
    region: 'Shanghai',
    ...overrides,
  };
}
