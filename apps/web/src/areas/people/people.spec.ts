import { GraphQLError } from 'graphql';
import { CombinedError } from 'urql';
import type { UserRole } from '../../gql/graphql';
import {
  deactivationRefusal,
  invitationExpired,
  isLastAdmin,
  refusalOf,
  roleChangeRefusal,
  sortRoles,
  type Person,
} from './people';

const admin = (id: string, status: Person['status'] = 'ACTIVE'): Person => ({
  id,
  roles: ['ORG_ADMIN', 'SIGNATORY'],
  status,
});
const engineer: Person = { id: 'e', roles: ['ENGINEER'], status: 'ACTIVE' };
const li = admin('li');

describe('people rules the page says before asking', () => {
  it.each<[string, Person, Person[], boolean]>([
    ['the only admin', li, [li, engineer], true],
    ['one of two active admins', li, [li, admin('wang'), engineer], false],
    ['an admin whose only fellow admin is deactivated', li, [li, admin('wang', 'DEACTIVATED')], true],
    ['someone who is not an admin', engineer, [li, engineer], false],
    ['a deactivated admin', admin('old', 'DEACTIVATED'), [admin('old', 'DEACTIVATED'), li], false],
  ])('isLastAdmin: %s → %s', (_case, person, people, expected) => {
    expect(isLastAdmin(person, people)).toBe(expected);
  });

  it.each<[string, Person, UserRole[], Person[], string | null]>([
    ['the last admin drops ORG_ADMIN', li, ['SIGNATORY'], [li, engineer], 'LAST_ADMIN'],
    ['the last admin keeps ORG_ADMIN, changes the rest', li, ['ORG_ADMIN', 'LEGAL'], [li], null],
    ['an admin drops ORG_ADMIN with another admin left', li, ['SIGNATORY'], [li, admin('wang')], null],
    ['an engineer becomes a data steward', engineer, ['DATA_STEWARD'], [li, engineer], null],
  ])('roleChangeRefusal: %s', (_case, person, roles, people, expected) => {
    expect(roleChangeRefusal(person, roles, people)).toBe(expected);
  });

  it.each<[string, Person, Person[], string | null]>([
    ['yourself', li, [li, admin('wang')], 'SELF_DEACTIVATION'],
    ['the last admin (someone else signed in)', admin('wang'), [admin('wang'), engineer], 'LAST_ADMIN'],
    ['an engineer', engineer, [li, engineer], null],
  ])('deactivationRefusal: %s', (_case, person, people, expected) => {
    expect(deactivationRefusal(person, 'li', people)).toBe(expected);
  });

  it('orders roles as the page lists them', () => {
    expect(sortRoles(['RESEARCHER', 'ORG_ADMIN', 'LEGAL'])).toEqual(['ORG_ADMIN', 'LEGAL', 'RESEARCHER']);
  });

  it('marks an invitation past its date as expired', () => {
    const now = new Date('2026-11-27T12:00:00Z');
    expect(invitationExpired({ expiresAt: '2026-11-27T11:59:59Z' }, now)).toBe(true);
    expect(invitationExpired({ expiresAt: '2026-12-11T12:00:00Z' }, now)).toBe(false);
  });
});

describe('refusalOf', () => {
  const error = (extensions: Record<string, unknown>) =>
    new CombinedError({ graphQLErrors: [new GraphQLError('refused', { extensions })] });

  it.each([
    [{ code: 'CONFLICT', reason: 'LAST_ADMIN' }, 'LAST_ADMIN'],
    [{ code: 'CONFLICT', reason: 'SELF_DEACTIVATION' }, 'SELF_DEACTIVATION'],
    [{ code: 'CONFLICT', reason: 'PENDING_INVITATION' }, 'PENDING_INVITATION'],
    [{ code: 'FORBIDDEN', reason: 'NOT_ORGANIZATION_ADMIN' }, 'NOT_ORGANIZATION_ADMIN'],
    [{ code: 'CONFLICT', reason: 'SOMETHING_NEW' }, undefined],
    [{ code: 'CONFLICT' }, undefined],
  ])('reads %j as %s', (extensions, expected) => {
    expect(refusalOf(error(extensions))).toBe(expected);
  });

  it('reads nothing from no error', () => {
    expect(refusalOf(undefined)).toBeUndefined();
  });
});
