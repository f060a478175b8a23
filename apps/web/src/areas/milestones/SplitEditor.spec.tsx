import { fireEvent, screen, waitFor } from '@testing-library/react';
import i18next from 'i18next';
import { I18nextProvider } from 'react-i18next';
import { renderWithI18n } from '../../../test/render';
import { SplitEditor, type SplitEditorProps } from './SplitEditor';

const members = [
  { id: 'org-a', name: 'Jiading Auto' },
  { id: 'org-b', name: 'Lingbu Robotics' },
  { id: 'org-c', name: 'Embodied Institute' },
];

function props(over: Partial<SplitEditorProps> = {}): SplitEditorProps {
  return {
    members,
    shares: [
      { organizationId: 'org-a', basisPoints: 2_500 },
      { organizationId: 'org-b', basisPoints: 5_500 },
      { organizationId: 'org-c', basisPoints: 2_000 },
    ],
    mode: 'direct',
    rewardPoolMinor: 50_000_000,
    riskAmountMinor: 20_000_000,
    currency: 'CNY',
    saving: false,
    problem: undefined,
    onSubmit: jest.fn(),
    ...over,
  };
}

const field = (party: string) =>
  screen.getByRole<HTMLInputElement>('spinbutton', { name: `Share of ${party} (%)` });

function type(party: string, value: string) {
  const input = field(party);
  fireEvent.change(input, { target: { value } });
  fireEvent.blur(input);
}

const save = () => screen.getByRole<HTMLButtonElement>('button', { name: /Save split/ });

describe('SplitEditor', () => {
  it('shows one row per party with its basis points and a total of 100 %', async () => {
    await renderWithI18n(<SplitEditor {...props()} />);
    expect(field('Lingbu Robotics').value).toBe('55.00');
    expect(screen.getByText('5,500')).toBeTruthy();
    expect(screen.getByTestId('split-total').textContent).toBe('100%');
    expect(save().disabled).toBe(false);
  });

  it('refuses to save a total that is not 100 %, saying what the total is', async () => {
    const onSubmit = jest.fn();
    await renderWithI18n(<SplitEditor {...props({ onSubmit })} />);
    type('Jiading Auto', '20');
    await waitFor(() => expect(screen.getByTestId('split-total').textContent).toBe('95%'));
    expect(screen.getByText('The total is 95%; it must be exactly 100 % to save.')).toBeTruthy();
    expect(save().disabled).toBe(true);
    fireEvent.submit(save().closest('form')!);
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('converts percentages with two decimals to basis points on save', async () => {
    const onSubmit = jest.fn();
    await renderWithI18n(<SplitEditor {...props({ onSubmit })} />);
    type('Jiading Auto', '33.33');
    type('Lingbu Robotics', '33.33');
    type('Embodied Institute', '33.34');
    await waitFor(() => expect(screen.getByTestId('split-total').textContent).toBe('100%'));
    fireEvent.click(save());
    await waitFor(() => expect(onSubmit).toHaveBeenCalled());
    expect(onSubmit).toHaveBeenCalledWith(
      [
        { organizationId: 'org-a', basisPoints: 3_333 },
        { organizationId: 'org-b', basisPoints: 3_333 },
        { organizationId: 'org-c', basisPoints: 3_334 },
      ],
      '',
    );
  });

  it('rounds a third decimal to whole basis points', async () => {
    await renderWithI18n(<SplitEditor {...props()} />);
    type('Jiading Auto', '24.996');
    await waitFor(() => expect(screen.getByTestId('split-total').textContent).toBe('100%'));
  });

  it('asks for a reason before proposing a change', async () => {
    const onSubmit = jest.fn();
    await renderWithI18n(<SplitEditor {...props({ mode: 'propose', onSubmit })} />);
    fireEvent.click(screen.getByRole('button', { name: /Propose the change/ }));
    expect(await screen.findByText('Give a reason for the change')).toBeTruthy();
    expect(onSubmit).not.toHaveBeenCalled();
    fireEvent.change(screen.getByLabelText('Reason for the change'), {
      target: { value: 'Lingbu takes more risk' },
    });
    fireEvent.click(screen.getByRole('button', { name: /Propose the change/ }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledWith(expect.any(Array), 'Lingbu takes more risk'));
  });

  it("shows the server's refusal next to the button and keeps what was typed", async () => {
    const view = await renderWithI18n(<SplitEditor {...props()} />);
    type('Jiading Auto', '20');
    type('Lingbu Robotics', '60');
    const problem = { code: 'CONFLICT' as const, message: 'The milestone has started.', fields: {} };
    view.rerender(
      <I18nextProvider i18n={i18next}>
        <SplitEditor {...props({ problem })} />
      </I18nextProvider>,
    );
    expect(screen.getByRole('alert').textContent).toContain('The milestone has started.');
    expect(field('Jiading Auto').value).toBe('20.00');
    expect(field('Lingbu Robotics').value).toBe('60.00');
  });

  it('shows the split without inputs when it may not be changed', async () => {
    await renderWithI18n(<SplitEditor {...props({ mode: 'readonly' })} />);
    expect(screen.queryByRole('spinbutton')).toBeNull();
    expect(screen.queryByRole('button')).toBeNull();
    expect(screen.getByText('55%')).toBeTruthy();
  });
});
