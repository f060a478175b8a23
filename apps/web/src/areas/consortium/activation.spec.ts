import {
  activationChecklist,
  membersByKind,
  missingPartyKinds,
  permissions,
  type MemberLike,
} from './activation';

function member(
  id: string,
  partyRole: MemberLike['partyRole'],
  status: MemberLike['status'],
  organizationId = `org-${id}`,
): MemberLike {
  return { id, partyRole, status, organization: { id: organizationId, name: `Org ${id}` } };
}

describe('activation checklist', () => {
  it.each<[string, MemberLike[], string[]]>([
    ['nobody', [], ['SCENARIO_USER', 'ROBOT_MAKER', 'SUPPLIER', 'RESEARCH_INSTITUTE']],
    [
      'the Pearl River consortium: a scenario user and a robot maker',
      [member('a', 'SCENARIO_USER', 'ACTIVE'), member('b', 'ROBOT_MAKER', 'ACTIVE')],
      ['SUPPLIER', 'RESEARCH_INSTITUTE'],
    ],
    [
      'an invited, declined or withdrawn party does not count',
      [
        member('a', 'SCENARIO_USER', 'ACTIVE'),
        member('b', 'ROBOT_MAKER', 'INVITED'),
        member('c', 'SUPPLIER', 'DECLINED'),
        member('d', 'RESEARCH_INSTITUTE', 'WITHDRAWN'),
      ],
      ['ROBOT_MAKER', 'SUPPLIER', 'RESEARCH_INSTITUTE'],
    ],
    [
      'all four active',
      [
        member('a', 'SCENARIO_USER', 'ACTIVE'),
        member('b', 'ROBOT_MAKER', 'ACTIVE'),
        member('c', 'SUPPLIER', 'ACTIVE'),
        member('d', 'RESEARCH_INSTITUTE', 'ACTIVE'),
      ],
      [],
    ],
  ])('%s → missing %j', (_name, members, missing) => {
    expect(missingPartyKinds(members)).toEqual(missing);
  });

  it('names the active members of each kind and the invitations on their way', () => {
    const list = activationChecklist([
      member('a', 'SCENARIO_USER', 'ACTIVE'),
      member('b', 'SUPPLIER', 'INVITED'),
    ]);
    expect(list).toEqual([
      { kind: 'SCENARIO_USER', done: true, active: ['Org a'], invited: [] },
      { kind: 'ROBOT_MAKER', done: false, active: [], invited: [] },
      { kind: 'SUPPLIER', done: false, active: [], invited: ['Org b'] },
      { kind: 'RESEARCH_INSTITUTE', done: false, active: [], invited: [] },
    ]);
  });
});

describe('membersByKind', () => {
  it('groups under the four kinds, active members first', () => {
    const groups = membersByKind([
      member('z', 'SUPPLIER', 'WITHDRAWN'),
      member('y', 'SUPPLIER', 'ACTIVE'),
      member('x', 'SUPPLIER', 'INVITED'),
    ]);
    expect([...groups.keys()]).toEqual(['SCENARIO_USER', 'ROBOT_MAKER', 'SUPPLIER', 'RESEARCH_INSTITUTE']);
    expect(groups.get('SUPPLIER')?.map((m) => m.status)).toEqual(['ACTIVE', 'INVITED', 'WITHDRAWN']);
    expect(groups.get('ROBOT_MAKER')).toEqual([]);
  });
});

describe('permissions', () => {
  const members = [member('a', 'SCENARIO_USER', 'ACTIVE', 'mine'), member('b', 'ROBOT_MAKER', 'ACTIVE')];

  it.each([
    ['an admin of an active member, FORMING', ['ORG_ADMIN'], 'mine', 'FORMING', true, true],
    ['an admin of an active member, ACTIVE', ['ORG_ADMIN'], 'mine', 'ACTIVE', true, false],
    ['an admin, CLOSED', ['ORG_ADMIN'], 'mine', 'CLOSED', false, false],
    ['an engineer', ['ENGINEER'], 'mine', 'FORMING', false, false],
    ['an admin of another organisation', ['ORG_ADMIN'], 'elsewhere', 'FORMING', false, false],
  ])('%s: invite %s, activate %s', (_name, roles, organizationId, status, invite, activate) => {
    const can = permissions({ roles, organizationId }, status, members);
    expect([can.canInvite, can.canActivate]).toEqual([invite, activate]);
  });

  it('lets an admin withdraw only their own active membership, never the last one', () => {
    const can = permissions({ roles: ['ORG_ADMIN'], organizationId: 'mine' }, 'ACTIVE', members);
    expect(members.map((m) => can.canWithdraw(m))).toEqual([true, false]);
    const alone = permissions(
      { roles: ['ORG_ADMIN'], organizationId: 'mine' },
      'ACTIVE',
      members.slice(0, 1),
    );
    expect(alone.canWithdraw(members[0]!)).toBe(false);
  });
});
