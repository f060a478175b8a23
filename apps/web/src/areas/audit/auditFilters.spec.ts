import {
  activeFilterCount,
  auditVariables,
  filtersFromSearchParams,
  filtersToSearchParams,
  normalizeFilters,
  type AuditFilters,
} from './auditFilters';
import { changedFields } from './entryDiff';

const ACTOR = '7d3f9a62-5b1e-4c1a-9d0e-2f6b8c4a1e90';

describe('audit filters ↔ URL search params', () => {
  it.each<[string, AuditFilters, string]>([
    ['nothing', {}, ''],
    ['an action', { action: 'membership.accept' }, 'action=membership.accept'],
    [
      'all four',
      { action: 'scenario.create', actorUserId: ACTOR, subjectType: 'Scenario', subjectId: 'abc' },
      `action=scenario.create&actor=${ACTOR}&type=Scenario&subject=abc`,
    ],
  ])('%s round-trips', (_name, filters, query) => {
    const params = filtersToSearchParams(filters);
    expect(params.toString()).toBe(query);
    expect(filtersFromSearchParams(new URLSearchParams(query))).toEqual(filters);
  });

  it('keeps other parameters and removes cleared filters', () => {
    const params = filtersToSearchParams({ subjectType: 'Ticket' }, new URLSearchParams('tab=x&action=old'));
    expect(params.toString()).toBe('tab=x&type=Ticket');
  });

  it('ignores blank values, an actor that is not a uuid and values the API would refuse', () => {
    expect(
      filtersFromSearchParams(
        new URLSearchParams(`action=%20%20&actor=me&type=${'x'.repeat(51)}&subject=%20s1%20`),
      ),
    ).toEqual({ subjectId: 's1' });
  });
});

describe('auditVariables', () => {
  it('sends the consortium, a page size and only the filters set', () => {
    expect(auditVariables('c1', { action: ' ticket.raise ', subjectId: '' })).toEqual({
      consortiumId: 'c1',
      first: 50,
      action: 'ticket.raise',
    });
  });

  it('counts the filters in force', () => {
    expect(activeFilterCount(normalizeFilters({ action: 'a', subjectType: ' ' }))).toBe(1);
  });
});

describe('changedFields', () => {
  it.each([
    [
      'a state change shows only what changed',
      { status: 'INVITED', id: 'm1' },
      { status: 'ACTIVE', id: 'm1', joinedAt: '2026-01-01' },
      [
        { field: 'joinedAt', before: '', after: '2026-01-01' },
        { field: 'status', before: 'INVITED', after: 'ACTIVE' },
      ],
    ],
    [
      'a creation lists every field',
      null,
      { name: 'x', kpis: [1] },
      [
        { field: 'kpis', before: '', after: '[1]' },
        { field: 'name', before: '', after: 'x' },
      ],
    ],
    ['nothing recorded', null, null, []],
  ])('%s', (_name, before, after, expected) => {
    expect(changedFields(before, after)).toEqual(expected);
  });
});
