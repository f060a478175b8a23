import { fireEvent, screen, waitFor } from '@testing-library/react';
import { Form } from 'antd';
import { renderWithI18n } from '../../../test/render';
import type { MatchAdvice } from './MatchVerdict';
import { EMPTY_REQUEST, type RequestAccessValues } from './request-access';
import { RequestAccessForm } from './RequestAccessForm';

function Harness({
  advice,
  initial = EMPTY_REQUEST,
  onSubmit,
}: {
  advice?: MatchAdvice;
  initial?: RequestAccessValues;
  onSubmit: (values: RequestAccessValues) => void;
}) {
  const [form] = Form.useForm<RequestAccessValues>();
  return (
    <RequestAccessForm
      form={form}
      initialValues={initial}
      advice={advice}
      matching={false}
      matchProblem={undefined}
      onValuesChange={() => undefined}
      onSubmit={onSubmit}
      submitting={false}
      problem={undefined}
    />
  );
}

describe('RequestAccessForm', () => {
  it('refuses to submit without purpose, outputs and safeguards, saying what is missing', async () => {
    const onSubmit = jest.fn();
    await renderWithI18n(<Harness onSubmit={onSubmit} />);
    fireEvent.click(screen.getByRole('button', { name: 'Submit request' }));
    expect(await screen.findByText('A purpose is required')).toBeTruthy();
    expect(screen.getByText('Say what you will produce')).toBeTruthy();
    expect(screen.getByText('Say how the data will be kept safe')).toBeTruthy();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('refuses a duration outside 1 to 1,825 days', async () => {
    const onSubmit = jest.fn();
    await renderWithI18n(
      <Harness
        onSubmit={onSubmit}
        initial={{
          purpose: 'RESEARCH',
          intendedOutputs: 'A paper',
          securityMeasures: 'Lab',
          durationDays: 2000,
        }}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Submit request' }));
    expect(await screen.findByText('The duration is 1 to 1,825 days')).toBeTruthy();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('submits complete values', async () => {
    const onSubmit = jest.fn();
    const values = {
      purpose: 'RESEARCH',
      intendedOutputs: 'A paper',
      securityMeasures: 'Lab',
      durationDays: 90,
    } as const;
    await renderWithI18n(<Harness onSubmit={onSubmit} initial={values} />);
    fireEvent.click(screen.getByRole('button', { name: 'Submit request' }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledWith(expect.objectContaining(values)));
  });

  it('says how to get advice before there is any', async () => {
    await renderWithI18n(<Harness onSubmit={jest.fn()} />);
    expect(screen.getByText(/Choose a purpose and a duration to see/)).toBeTruthy();
    expect(screen.queryByTestId('match-verdict')).toBeNull();
  });

  it("shows the matcher's verdict and rationale before submitting", async () => {
    await renderWithI18n(
      <Harness
        onSubmit={jest.fn()}
        advice={{
          decision: 'APPROVE',
          rationale: ["The dataset's offer allows RESEARCH."],
          version: 'purpose-match/1',
        }}
      />,
    );
    expect(screen.getByText('Advises approval')).toBeTruthy();
    expect(screen.getByText("The dataset's offer allows Research.")).toBeTruthy();
    expect(screen.getByText(/Rules: purpose-match\/1/)).toBeTruthy();
  });

  it('shows a refusal advice in Chinese, naming the related purposes offered', async () => {
    await renderWithI18n(
      <Harness
        onSubmit={jest.fn()}
        advice={{
          decision: 'ABSTAIN',
          rationale: [
            "The dataset's offer does not include BENCHMARKING.",
            'It offers the related RESEARCH and MODEL_TRAINING; the steward may judge BENCHMARKING close enough.',
          ],
          version: 'purpose-match/1',
        }}
      />,
      'zh-CN',
    );
    expect(screen.getByText('需人工判断')).toBeTruthy();
    expect(screen.getByText('该数据集的授权用途不包含“基准测评”。')).toBeTruthy();
    expect(
      screen.getByText('该数据集提供相关用途“科学研究、模型训练”，数据管理员可判断“基准测评”是否足够接近。'),
    ).toBeTruthy();
  });
});
