import {
  activeFilterCount,
  fromSearchParams,
  toSearchParams,
  toTicketFilter,
  type TicketFilterValues,
} from './ticket-filter';

const C = '11111111-1111-4111-8111-111111111111';
const ORG = '22222222-2222-4222-8222-222222222222';
const SCEN = '33333333-3333-4333-8333-333333333333';

describe('toTicketFilter: filter bar → GraphQL TicketFilter', () => {
  it.each<[string, TicketFilterValues, Record<string, unknown>]>([
    ['nothing chosen: the consortium only', {}, { consortiumId: C }],
    ['search is trimmed', { search: '  glare ' }, { consortiumId: C, search: 'glare' }],
    ['blank search is left out', { search: '   ' }, { consortiumId: C }],
    ['empty lists are left out', { statuses: [], severities: [] }, { consortiumId: C }],
    [
      'every condition',
      {
        statuses: ['OPEN', 'REOPENED'],
        severities: ['CRITICAL'],
        categories: ['SAFETY'],
        scenarioId: SCEN,
        label: 'gripper',
        assigneeOrganizationId: ORG,
        overdue: true,
      },
      {
        consortiumId: C,
        statuses: ['OPEN', 'REOPENED'],
        severities: ['CRITICAL'],
        categories: ['SAFETY'],
        scenarioId: SCEN,
        label: 'gripper',
        assigneeOrganizationId: ORG,
        overdue: true,
      },
    ],
    ['overdue false is not a condition', { overdue: false }, { consortiumId: C }],
  ])('%s', (_name, values, expected) => {
    expect(toTicketFilter(values, C)).toEqual(expected);
  });
});

describe('search params: a filtered list can be bookmarked', () => {
  const full: TicketFilterValues = {
    search: 'polybag drop',
    statuses: ['OPEN', 'IN_PROGRESS'],
    severities: ['HIGH', 'CRITICAL'],
    categories: ['HARDWARE_PERFORMANCE'],
    scenarioId: SCEN,
    label: 'night-shift',
    assigneeOrganizationId: ORG,
    overdue: true,
  };

  it('round-trips every condition through the URL', () => {
    const url = toSearchParams(full).toString();
    expect(fromSearchParams(new URLSearchParams(url))).toEqual(full);
  });

  it('writes short, readable params and keeps the ones that are not the filter', () => {
    const params = toSearchParams(
      { statuses: ['OPEN'], overdue: true },
      new URLSearchParams('order=SEVERITY_DESC&status=CLOSED'),
    );
    expect(params.toString()).toBe('order=SEVERITY_DESC&status=OPEN&overdue=1');
  });

  it.each([
    ['unknown enum values are dropped', 'status=OPEN,NOPE&severity=URGENT', { statuses: ['OPEN'] }],
    ['malformed ids are dropped', 'scenario=not-an-id&org=1', {}],
    ['overdue only when 1', 'overdue=true', {}],
    ['empty params give no filter', '', {}],
  ])('%s', (_name, query, expected) => {
    expect(fromSearchParams(new URLSearchParams(query))).toEqual(expected);
  });

  it('counts the conditions set', () => {
    expect(activeFilterCount({})).toBe(0);
    expect(activeFilterCount({ statuses: [], search: 'x', overdue: true })).toBe(2);
  });
});
