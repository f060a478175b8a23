import { registerEnumType } from '@nestjs/graphql';

/** What a person may do in their organisation (DOMAIN.md); several at once. */
export enum UserRole {
  ORG_ADMIN = 'ORG_ADMIN',
  LEGAL = 'LEGAL',
  DATA_STEWARD = 'DATA_STEWARD',
  SIGNATORY = 'SIGNATORY',
  ENGINEER = 'ENGINEER',
  RESEARCHER = 'RESEARCHER',
}

registerEnumType(UserRole, {
  name: 'UserRole',
  description: 'A role a person holds in their organisation.',
  valuesMap: {
    ORG_ADMIN: { description: 'Invites people and manages their roles in the organisation.' },
    LEGAL: { description: 'Drafts and negotiates data-use agreements.' },
    DATA_STEWARD: { description: "Curates the organisation's datasets and reviews access requests." },
    SIGNATORY: { description: 'Signs agreed contracts for the organisation.' },
    ENGINEER: { description: 'Works on scenarios, tickets and data.' },
    RESEARCHER: { description: 'Finds data and requests access to it.' },
  },
});

export type CredentialKind = 'session' | 'bearer' | 'api-token';

/** Who is calling, as known at the moment of the request (roles are read fresh each time). */
export interface Caller {
  userId: string;
  email: string;
  organizationId: string | null;
  roles: readonly UserRole[];
  platformAdmin: boolean;
  via: CredentialKind;
}

export function hasRole(caller: Caller, role: UserRole): boolean {
  return caller.roles.includes(role);
}
