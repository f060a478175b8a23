import { DEMO_CONSORTIA, DEMO_PEOPLE, type DemoRole } from './index';

/** The roles the data flywheel needs at each party: request → review → contract edit → sign → access. */
const FLYWHEEL_ROLES: DemoRole[] = ['ORG_ADMIN', 'LEGAL', 'SIGNATORY', 'DATA_STEWARD'];

const rolesAt = (organization: string): Set<DemoRole> =>
  new Set(
    DEMO_PEOPLE.filter((person) => person.organization === organization && person.emailVerified).flatMap(
      (person) => person.roles,
    ),
  );

describe('demo people', () => {
  const parcelSorting = DEMO_CONSORTIA.find((consortium) => consortium.key === 'parcel-sorting')!;

  it.each(
    parcelSorting.members.flatMap((organization) => FLYWHEEL_ROLES.map((role) => [organization, role])),
  )('%s has someone holding %s', (organization, role) => {
    expect(rolesAt(organization).has(role as DemoRole)).toBe(true);
  });

  it.each(parcelSorting.members)('%s has an ENGINEER or a RESEARCHER to use granted data', (organization) => {
    const roles = rolesAt(organization);
    expect(roles.has('ENGINEER') || roles.has('RESEARCHER')).toBe(true);
  });

  it('uses each email once, each at its organisation’s domain', () => {
    const emails = DEMO_PEOPLE.map((person) => person.email);
    expect(new Set(emails).size).toBe(emails.length);
    for (const person of DEMO_PEOPLE.filter((p) => p.organization && p.emailVerified)) {
      expect(person.email.endsWith(`@${person.organization}.example`)).toBe(true);
    }
  });
});
