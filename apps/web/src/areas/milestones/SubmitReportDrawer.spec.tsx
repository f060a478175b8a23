import { fireEvent, screen, waitFor } from '@testing-library/react';
import { Client, Provider } from 'urql';
import { renderWithI18n } from '../../../test/render';
import { SubmitReportDrawer } from './SubmitReportDrawer';
import type { Directory, Kpi } from './useDirectory';

// Nothing is sent in these tests; a client that never answers is enough.
const client = new Client({ url: 'http://localhost/graphql', exchanges: [] });

// The drawer measures the scrollbar with a pseudo-element, which jsdom does not implement.
const computedStyle = window.getComputedStyle.bind(window);
beforeAll(() => {
  window.getComputedStyle = (element: Element) => computedStyle(element);
});
afterAll(() => {
  window.getComputedStyle = computedStyle;
});

const KPIS: Kpi[] = [
  {
    key: 'throughput',
    name: 'Parcels sorted a minute',
    unit: 'parcels/min',
    humanBaseline: 30,
    humanBaselineHigh: 40,
    measure: 'THROUGHPUT_PER_MINUTE',
  },
  { key: 'success_rate', name: 'Sorted right first time', unit: 'ratio', measure: 'SUCCESS_RATE' },
];

const directory: Directory = {
  members: [{ id: 'org-a', name: 'Jiading Auto', partyRole: 'SCENARIO_USER' }],
  scenarios: [{ id: 'scenario-1', name: 'Parcel sorting, line 1', unitsDeployed: 3, kpis: KPIS }],
  orgName: (id) => id ?? '—',
  scenarioName: (id) => id,
  kpisOf: (id) => (id === 'scenario-1' ? KPIS : []),
  fetching: false,
  problem: undefined,
  refetch: () => undefined,
};

async function open(language: 'en' | 'zh-CN') {
  await renderWithI18n(
    <Provider value={client}>
      <SubmitReportDrawer
        directory={directory}
        open
        onClose={() => undefined}
        onSubmitted={() => undefined}
      />
    </Provider>,
    language,
  );
  fireEvent.mouseDown(document.querySelector('.ant-select')!.querySelector('input')!);
  fireEvent.click(
    await screen.findByText('Parcel sorting, line 1', { selector: '.ant-select-item-option-content' }),
  );
}

const type = (label: string, value: string) =>
  fireEvent.change(screen.getByLabelText(label), { target: { value } });

describe('SubmitReportDrawer', () => {
  it('shows what the counts give as the person types, and says the worked example declaring 25 would be refused', async () => {
    await open('en');
    type('Operating hours', '200');
    type('Units processed', '249600');
    await screen.findByText(/The counts give 20\.8 parcels\/min; left empty, this is filled in/);
    type('Parcels sorted a minute (parcels/min)', '25');
    await screen.findByText(
      /Declared 25 parcels\/min, but the counts give 20\.8 parcels\/min: off by 4\.2 parcels\/min.*would be refused/,
    );
    type('Parcels sorted a minute (parcels/min)', '20.8');
    await screen.findByText(/The counts give 20\.8 parcels\/min; the declared value agrees/);
    expect(screen.getByText(/Needs successes and attempts to be checked/)).toBeTruthy();
  });

  it('says in Chinese when robots exceed the units deployed', async () => {
    await open('zh-CN');
    type('在役机器人数', '4');
    await waitFor(() => expect(screen.getByText('在役机器人 4 台，超过场景已部署的 3 台')).toBeTruthy());
    expect(screen.getByText('场景已部署 3 台，在役机器人数不能超过它')).toBeTruthy();
  });
});
