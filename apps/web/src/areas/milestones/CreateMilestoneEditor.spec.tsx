import { fireEvent, screen, waitFor } from '@testing-library/react';
import type { ApiProblem } from '../../api/errors';
import { renderWithI18n } from '../../../test/render';
import type { CreateMilestoneInputValues, CreateValues } from './createMilestone';
import { CreateMilestoneEditor } from './CreateMilestoneEditor';
import type { Directory } from './useDirectory';

const KPIS = [
  {
    key: 'throughput',
    name: 'Parcels sorted a minute',
    unit: 'parcels/min',
    humanBaseline: 30,
    humanBaselineHigh: 40,
  },
  { key: 'success_rate', name: 'Sorted right first time', unit: 'ratio', humanBaseline: 0.99 },
];

const directory: Directory = {
  members: [
    { id: 'org-a', name: 'Jiading Auto', partyRole: 'SCENARIO_USER' },
    { id: 'org-b', name: 'Lingbu Robotics', partyRole: 'ROBOT_MAKER' },
  ],
  scenarios: [{ id: 'scenario-1', name: 'Parcel sorting, line 1', kpis: KPIS }],
  orgName: (id) => id ?? '—',
  scenarioName: (id) => id,
  kpisOf: (id) => (id === 'scenario-1' ? KPIS : []),
  fetching: false,
  problem: undefined,
  refetch: () => undefined,
};

const DRAFT: CreateValues = {
  scenarioId: 'scenario-1',
  name: 'Pilot acceptance',
  description: '',
  windowStart: '2030-01-01',
  windowEnd: '2030-03-31',
  dueAt: '2030-04-15',
  currency: 'CNY',
  rewardPoolYuan: 300_000,
  riskAmountYuan: 100_000,
  targets: [{ kpiKey: 'throughput', comparator: 'GTE', value: 25 }],
  split: { 'org-a': 50, 'org-b': 50 },
};

const KEY = 'test.milestones.create';

async function renderEditor(
  draft: Partial<CreateValues>,
  onCreate = jest.fn<Promise<ApiProblem | undefined>, [CreateMilestoneInputValues]>(),
) {
  window.sessionStorage.setItem(KEY, JSON.stringify(draft));
  await renderWithI18n(
    <CreateMilestoneEditor
      directory={directory}
      draftKey={KEY}
      saving={false}
      onCreate={onCreate}
      onCancel={() => undefined}
    />,
  );
  return onCreate;
}

const submit = () => fireEvent.click(screen.getByRole('button', { name: /Create milestone/ }));

describe('CreateMilestoneEditor', () => {
  beforeEach(() => window.sessionStorage.clear());

  it('restores the draft and shows the human baseline beside the target', async () => {
    await renderEditor(DRAFT);
    expect(screen.getByLabelText<HTMLInputElement>('Milestone name').value).toBe('Pilot acceptance');
    expect(screen.getByTestId('baseline-0').textContent).toBe('Human baseline: 30–40 parcels/min');
    expect(screen.getByTestId('split-total').textContent).toBe('100%');
  });

  it('says the proposal binds nobody until every party accepts, and refuses a window that has begun', async () => {
    const onCreate = await renderEditor({ ...DRAFT, windowStart: '2026-01-01', windowEnd: '2026-02-01' });
    expect(screen.getByTestId('binds-nobody').textContent).toContain('bind nobody');
    submit();
    await screen.findByText(
      'The window starts tomorrow at the earliest: terms written once results are known bind nobody',
    );
    expect(onCreate).not.toHaveBeenCalled();
  });

  it('starts a new form with a window that opens tomorrow', async () => {
    await renderWithI18n(
      <CreateMilestoneEditor
        directory={directory}
        draftKey="test.milestones.fresh"
        saving={false}
        onCreate={jest.fn()}
        onCancel={() => undefined}
      />,
    );
    const tomorrow = new Date();
    tomorrow.setDate(tomorrow.getDate() + 1);
    const day = `${tomorrow.getFullYear()}-${String(tomorrow.getMonth() + 1).padStart(2, '0')}-${String(tomorrow.getDate()).padStart(2, '0')}`;
    expect(screen.getByLabelText<HTMLInputElement>('First day of the window').value).toBe(day);
  });

  it('puts the browser’s refusals on their fields and sends nothing', async () => {
    const onCreate = await renderEditor({
      ...DRAFT,
      name: '',
      windowEnd: '2029-12-31',
      targets: [{ kpiKey: 'success_rate', comparator: 'GTE', value: 120 }],
      split: { 'org-a': 50, 'org-b': 40 },
    });
    expect(screen.getByText('The total is 90%; it must be exactly 100 %.')).toBeTruthy();
    submit();
    await screen.findByText('The last day cannot come before the first');
    expect(screen.getByText('Required')).toBeTruthy();
    expect(screen.getByText('A ratio must be between 0 % and 100 %')).toBeTruthy();
    expect(screen.getByText('The shares must total exactly 100 %')).toBeTruthy();
    expect(onCreate).not.toHaveBeenCalled();
    // Correcting a field clears its refusal; the others stay until they are corrected.
    fireEvent.change(screen.getByLabelText('Milestone name'), { target: { value: 'Pilot acceptance' } });
    await waitFor(() => expect(screen.queryByText('Required')).toBeNull());
    expect(screen.getByText('The last day cannot come before the first')).toBeTruthy();
  });

  it('sends the input and puts the API’s field problems on the fields, keeping what was typed', async () => {
    const refusal: ApiProblem = {
      code: 'BAD_USER_INPUT',
      message: 'Invalid input: riskAmountMinor cannot be negative.',
      fields: {
        riskAmountMinor: 'riskAmountMinor cannot be negative',
        'targets.0.kpiKey': 'not a KPI of the scenario',
      },
    };
    const onCreate = jest.fn<Promise<ApiProblem | undefined>, [CreateMilestoneInputValues]>();
    onCreate.mockResolvedValue(refusal);
    await renderEditor(DRAFT, onCreate);
    submit();
    await waitFor(() => expect(onCreate).toHaveBeenCalledTimes(1));
    expect(onCreate.mock.calls[0]?.[0]).toMatchObject({
      scenarioId: 'scenario-1',
      rewardPoolMinor: 30_000_000,
      riskAmountMinor: 10_000_000,
      targets: [{ kpiKey: 'throughput', comparator: 'GTE', value: 25, minOperatingHours: null }],
      shares: [
        { organizationId: 'org-a', basisPoints: 5_000 },
        { organizationId: 'org-b', basisPoints: 5_000 },
      ],
      // The scenario user, chosen for the reader as the API's default.
      rewardFunderOrganizationId: 'org-a',
      riskBeneficiaryOrganizationId: 'org-a',
    });
    await screen.findByText('riskAmountMinor cannot be negative');
    expect(screen.getByText('not a KPI of the scenario')).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toContain(
      'Invalid input: riskAmountMinor cannot be negative.',
    );
    expect(screen.getByLabelText<HTMLInputElement>('Milestone name').value).toBe('Pilot acceptance');
  });
});
