import {
  catalogVariables,
  filtersFromSearchParams,
  filtersToSearchParams,
  hasFilters,
  type CatalogFilters,
} from './catalog-filters';

describe('catalog filters', () => {
  it.each<[string, string, CatalogFilters]>([
    ['nothing', '', {}],
    ['a search, trimmed', 'search=%20grasp%20', { search: 'grasp' }],
    [
      'every filter',
      'search=parcel&modality=RGB&format=LEROBOT&robotType=Walker+S&sector=LOGISTICS&sensitivity=CONSORTIUM&purpose=RESEARCH',
      {
        search: 'parcel',
        modality: 'RGB',
        format: 'LEROBOT',
        robotType: 'Walker S',
        sector: 'LOGISTICS',
        sensitivity: 'CONSORTIUM',
        purpose: 'RESEARCH',
      },
    ],
    ['unknown enum values dropped', 'modality=SMELL&purpose=TELEPATHY&format=LEROBOT', { format: 'LEROBOT' }],
    ['blank text dropped', 'search=%20&robotType=', {}],
  ])('reads %s from the URL', (_case, query, expected) => {
    expect(filtersFromSearchParams(new URLSearchParams(query))).toEqual(expected);
  });

  it.each<CatalogFilters>([
    {},
    { search: 'grasp' },
    { modality: 'TACTILE', sensitivity: 'TRADE_SECRET', purpose: 'SIM_TO_REAL' },
    { robotType: 'H1 / 二代', sector: 'MANUFACTURING', format: 'ROS2_BAG' },
  ])('round-trips %j through the URL', (filters) => {
    const params = new URLSearchParams(filtersToSearchParams(filters).toString());
    expect(filtersFromSearchParams(params)).toEqual(filters);
  });

  it('writes no empty parameter', () => {
    expect(filtersToSearchParams({ search: ' ', modality: 'RGB' }).toString()).toBe('modality=RGB');
  });

  it('turns filters into the datasets(...) variables of the consortium', () => {
    expect(catalogVariables('c1', { search: ' grasp ', purpose: 'RESEARCH', robotType: '' })).toEqual({
      consortiumId: 'c1',
      first: 20,
      search: 'grasp',
      purpose: 'RESEARCH',
    });
  });

  it('knows whether any filter is set', () => {
    expect(hasFilters({})).toBe(false);
    expect(hasFilters({ sector: 'RETAIL' })).toBe(true);
  });
});
