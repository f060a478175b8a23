import { act, fireEvent, screen } from '@testing-library/react';
import { renderWithI18n } from '../../../test/render';
import { TicketFilterBar } from './TicketFilterBar';
import type { TicketFilterValues } from './ticket-filter';

const ORG = '22222222-2222-4222-8222-222222222222';
const options = {
  scenarios: [{ value: '33333333-3333-4333-8333-333333333333', label: 'Line 1' }],
  labels: [{ value: 'gripper', label: 'gripper' }],
  organizations: [{ value: ORG, label: 'Lingbu Robotics' }],
  people: [{ value: '44444444-4444-4444-8444-444444444444', label: 'Chen Jie' }],
};

async function renderBar(values: TicketFilterValues, hideStatuses = false) {
  const onChange = jest.fn<void, [TicketFilterValues]>();
  await renderWithI18n(
    <TicketFilterBar values={values} onChange={onChange} options={options} hideStatuses={hideStatuses} />,
  );
  return onChange;
}

describe('the ticket filter bar', () => {
  it('applies the search on Enter, trimmed, keeping the other conditions', async () => {
    const onChange = await renderBar({ severities: ['HIGH'] });
    const search = screen.getByLabelText('Full-text search');
    fireEvent.change(search, { target: { value: '  skylight glare ' } });
    act(() => {
      fireEvent.keyDown(search, { key: 'Enter', code: 'Enter', keyCode: 13 });
    });
    expect(onChange).toHaveBeenLastCalledWith({ severities: ['HIGH'], search: 'skylight glare' });
  });

  it('turns "overdue only" on and off', async () => {
    const onChange = await renderBar({});
    act(() => {
      fireEvent.click(screen.getByRole('switch', { name: 'Overdue only' }));
    });
    expect(onChange).toHaveBeenLastCalledWith({ overdue: true });
  });

  it('shows what is chosen, and clears it all', async () => {
    const onChange = await renderBar({ statuses: ['OPEN'], label: 'gripper', overdue: true });
    expect(screen.getByText('gripper')).toBeTruthy();
    act(() => {
      fireEvent.click(screen.getByRole('button', { name: 'Clear filters (3)' }));
    });
    expect(onChange).toHaveBeenLastCalledWith({});
  });

  it('on the board has no status filter (a column per status) and asks for a person only with an organisation', async () => {
    await renderBar({ statuses: ['OPEN'] }, true);
    expect(screen.queryByLabelText('Status')).toBeNull();
    expect(screen.queryByLabelText('Assignee')).toBeNull();
    expect(screen.queryByRole('button', { name: /Clear filters/ })).toBeNull();
  });

  it('offers the assignee person once an organisation is chosen', async () => {
    await renderBar({ assigneeOrganizationId: ORG });
    expect(screen.getByLabelText('Assignee')).toBeTruthy();
    expect(screen.getByText('Lingbu Robotics')).toBeTruthy();
  });
});
