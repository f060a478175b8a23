import { App, Button, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { toApiProblem, type ApiProblem } from '../../api/errors';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { applyFieldProblems } from '../../components/formErrors';
import { MilestonesWithdrawReportDocument } from './queries';

/** The submitting organisation takes its submitted or disputed report back, saying why. */
export function WithdrawReportButton({
  reportId,
  onWithdrawn,
}: {
  reportId: string;
  onWithdrawn: () => void;
}) {
  const { t } = useTranslation('milestones');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const [open, setOpen] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | undefined>();
  const [withdrawal, withdraw] = useMutation(MilestonesWithdrawReportDocument);

  const submit = async ({ reason }: { reason: string }) => {
    setProblem(undefined);
    const failure = toApiProblem((await withdraw({ id: reportId, reason: reason.trim() })).error);
    if (failure) {
      setProblem(failure);
      applyFieldProblems(form, failure, ['reason']);
      return;
    }
    void message.success(t('reports.withdrawn'));
    setOpen(false);
    form.resetFields();
    onWithdrawn();
  };

  return (
    <>
      <Button size="small" onClick={() => setOpen(true)}>
        {t('reports.withdraw')}
      </Button>
      <Modal
        open={open}
        title={t('reports.withdrawTitle')}
        okText={t('reports.withdraw')}
        okButtonProps={{ danger: true, loading: withdrawal.fetching }}
        cancelText={tc('actions.cancel')}
        onOk={() => form.submit()}
        onCancel={() => setOpen(false)}
      >
        <Typography.Paragraph>{t('reports.withdrawHelp')}</Typography.Paragraph>
        <ApiErrorAlert problem={problem} />
        <Form form={form} layout="vertical" onFinish={(values) => void submit(values)}>
          <Form.Item
            name="reason"
            label={t('reports.withdrawReason')}
            rules={[
              { required: true, whitespace: true, min: 3, message: t('reports.withdrawReasonRequired') },
            ]}
          >
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
