import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { useMemo } from 'react';
import { MemoryRouter, useLocation, useSearchParams } from 'react-router';
import { renderWithI18n } from '../../../test/render';
import { catalogVariables, filtersFromSearchParams, filtersToSearchParams } from './catalog-filters';
import { CatalogFilterBar } from './CatalogFilterBar';

/** The bar wired to the URL as CatalogPage wires it; shows the URL and the API variables. */
function Harness() {
  const [params, setParams] = useSearchParams();
  const location = useLocation();
  const filters = useMemo(() => filtersFromSearchParams(params), [params]);
  return (
    <>
      <CatalogFilterBar value={filters} onChange={(next) => setParams(filtersToSearchParams(next))} />
      <output data-testid="url">{location.search}</output>
      <output data-testid="variables">{JSON.stringify(catalogVariables('c1', filters))}</output>
    </>
  );
}

async function renderAt(url: string) {
  return renderWithI18n(
    <MemoryRouter initialEntries={[url]}>
      <Harness />
    </MemoryRouter>,
  );
}

const variables = () =>
  JSON.parse(screen.getByTestId('variables').textContent ?? '{}') as Record<string, unknown>;

describe('CatalogFilterBar', () => {
  it('shows the filters of the URL in the fields', async () => {
    await renderAt('/data?search=grasp&robotType=Walker+S&purpose=RESEARCH');
    expect(screen.getByLabelText('Search datasets')).toHaveProperty('value', 'grasp');
    expect(screen.getByLabelText('Robot type')).toHaveProperty('value', 'Walker S');
    expect(screen.getByText('Research')).toBeTruthy();
    expect(variables()).toEqual({
      consortiumId: 'c1',
      first: 20,
      search: 'grasp',
      robotType: 'Walker S',
      purpose: 'RESEARCH',
    });
  });

  it('puts a search into the URL and the query variables on Enter', async () => {
    await renderAt('/data');
    const search = screen.getByLabelText('Search datasets');
    fireEvent.change(search, { target: { value: ' parcel ' } });
    fireEvent.keyDown(search, { key: 'Enter', code: 'Enter', keyCode: 13 });
    await waitFor(() => expect(screen.getByTestId('url').textContent).toBe('?search=parcel'));
    expect(variables()).toMatchObject({ search: 'parcel' });
  });

  it('applies a chosen modality at once, keeping the other filters', async () => {
    await renderAt('/data?search=parcel');
    const modality = screen.getByLabelText('Modality');
    act(() => {
      fireEvent.mouseDown(modality);
    });
    fireEvent.click(await screen.findByTitle('Tactile'));
    await waitFor(() =>
      expect(screen.getByTestId('url').textContent).toBe('?search=parcel&modality=TACTILE'),
    );
    expect(variables()).toMatchObject({ search: 'parcel', modality: 'TACTILE' });
  });

  it('applies the robot type when leaving the field, and clears everything', async () => {
    await renderAt('/data?sensitivity=RESTRICTED');
    const robot = screen.getByLabelText('Robot type');
    fireEvent.change(robot, { target: { value: 'H1' } });
    fireEvent.blur(robot);
    await waitFor(() =>
      expect(screen.getByTestId('url').textContent).toBe('?robotType=H1&sensitivity=RESTRICTED'),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(screen.getByTestId('url').textContent).toBe(''));
    expect(variables()).toEqual({ consortiumId: 'c1', first: 20 });
    expect(screen.getByLabelText('Robot type')).toHaveProperty('value', '');
  });
});
