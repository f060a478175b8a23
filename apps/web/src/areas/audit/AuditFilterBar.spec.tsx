import { fireEvent, screen, waitFor } from '@testing-library/react';
import { renderWithI18n } from '../../../test/render';
import { AuditFilterBar } from './AuditFilterBar';

const PEOPLE = [{ id: '7d3f9a62-5b1e-4c1a-9d0e-2f6b8c4a1e90', name: 'Li Wei' }];

describe('AuditFilterBar', () => {
  it('shows the filters it is given (from the URL) in its fields', async () => {
    await renderWithI18n(
      <AuditFilterBar
        value={{ action: 'membership.accept', subjectId: 's-1' }}
        onChange={() => {}}
        actors={PEOPLE}
      />,
    );
    expect(screen.getByLabelText('Action')).toHaveProperty('value', 'membership.accept');
    expect(screen.getByLabelText('Subject id')).toHaveProperty('value', 's-1');
  });

  it('applies what was typed, trimmed, leaving empty fields out', async () => {
    const onChange = jest.fn();
    await renderWithI18n(<AuditFilterBar value={{}} onChange={onChange} actors={PEOPLE} />);
    fireEvent.change(screen.getByLabelText('Action'), { target: { value: ' ticket.raise ' } });
    fireEvent.change(screen.getByLabelText('Subject id'), { target: { value: 'abc' } });
    fireEvent.click(screen.getByRole('button', { name: 'Filter' }));
    await waitFor(() => expect(onChange).toHaveBeenCalledWith({ action: 'ticket.raise', subjectId: 'abc' }));
  });

  it('clears every filter on reset', async () => {
    const onChange = jest.fn();
    await renderWithI18n(
      <AuditFilterBar value={{ action: 'membership.accept' }} onChange={onChange} actors={PEOPLE} />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Reset' }));
    expect(onChange).toHaveBeenCalledWith({});
    expect(screen.getByLabelText('Action')).toHaveProperty('value', '');
  });

  it('labels every field in Chinese too', async () => {
    await renderWithI18n(<AuditFilterBar value={{}} onChange={() => {}} actors={PEOPLE} />, 'zh-CN');
    for (const label of ['操作', '操作人', '对象类型', '对象编号'])
      expect(screen.getByLabelText(label)).toBeTruthy();
  });
});
