import { fireEvent, screen, waitFor } from '@testing-library/react';
import { Form } from 'antd';
import { renderWithI18n } from '../../../test/render';
import { ReviewDecisionsForm, type PendingDataset, type ReviewValues } from './ReviewForm';

function Harness({
  pending,
  onSubmit,
}: {
  pending: PendingDataset[];
  onSubmit: (values: ReviewValues) => void;
}) {
  const [form] = Form.useForm<ReviewValues>();
  return (
    <ReviewDecisionsForm
      form={form}
      pending={pending}
      onSubmit={onSubmit}
      submitting={false}
      problem={undefined}
    />
  );
}

const dataset = (advice: string): PendingDataset => ({ datasetId: 'ds-1', name: 'Bin picks', advice });
const submit = () => fireEvent.click(screen.getByRole('button', { name: 'Submit decisions' }));
const reason = () => screen.getByRole('textbox');

describe('ReviewDecisionsForm', () => {
  it.each([
    ['DENY', 'The purpose matcher advised against this request'],
    ['ABSTAIN', 'The purpose matcher could not decide this request'],
  ])('asks why before approving against %s, and says why it asks', async (advice, title) => {
    const onSubmit = jest.fn();
    await renderWithI18n(<Harness pending={[dataset(advice)]} onSubmit={onSubmit} />);
    expect(screen.queryByTestId('override-notice')).toBeNull();
    fireEvent.click(screen.getByText('Approve'));
    expect(await screen.findByText(title)).toBeTruthy();
    expect(screen.getByText(/both legal teams read it/)).toBeTruthy();
    submit();
    expect(await screen.findByText('Write why you approve against the advice')).toBeTruthy();
    fireEvent.change(reason(), { target: { value: 'ok fine' } });
    submit();
    expect(await screen.findByText('Explain your approval in at least 10 characters')).toBeTruthy();
    expect(onSubmit).not.toHaveBeenCalled();
    fireEvent.change(reason(), { target: { value: 'Agreed by the steering committee on 3 May.' } });
    submit();
    await waitFor(() =>
      expect(onSubmit).toHaveBeenCalledWith({
        decisions: [
          { datasetId: 'ds-1', approve: true, reason: 'Agreed by the steering committee on 3 May.' },
        ],
        contractLanguage: 'ZH_CN',
      }),
    );
  });

  it('approves what the matcher advised without a reason', async () => {
    const onSubmit = jest.fn();
    await renderWithI18n(<Harness pending={[dataset('APPROVE')]} onSubmit={onSubmit} />);
    fireEvent.click(screen.getByText('Approve'));
    submit();
    await waitFor(() =>
      expect(onSubmit).toHaveBeenCalledWith({
        decisions: [{ datasetId: 'ds-1', approve: true }],
        contractLanguage: 'ZH_CN',
      }),
    );
    expect(screen.queryByTestId('override-notice')).toBeNull();
  });

  it('drafts the contract in Chinese unless the steward picks English', async () => {
    const onSubmit = jest.fn();
    await renderWithI18n(<Harness pending={[dataset('APPROVE')]} onSubmit={onSubmit} />);
    expect(screen.getByText('Governing language of the contract')).toBeTruthy();
    fireEvent.click(screen.getByText('Approve'));
    fireEvent.click(screen.getByText('English'));
    submit();
    await waitFor(() =>
      expect(onSubmit).toHaveBeenCalledWith({
        decisions: [{ datasetId: 'ds-1', approve: true }],
        contractLanguage: 'EN',
      }),
    );
  });

  it('still needs a reason to reject, and no override notice', async () => {
    const onSubmit = jest.fn();
    await renderWithI18n(<Harness pending={[dataset('DENY')]} onSubmit={onSubmit} />);
    fireEvent.click(screen.getByText('Reject'));
    submit();
    expect(await screen.findByText('A refusal needs a reason')).toBeTruthy();
    expect(screen.queryByTestId('override-notice')).toBeNull();
    expect(onSubmit).not.toHaveBeenCalled();
  });
});
