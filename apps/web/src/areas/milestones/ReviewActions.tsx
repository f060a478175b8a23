import { App, Button, Flex, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { toApiProblem, type ApiProblem } from '../../api/errors';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { applyFieldProblems } from '../../components/formErrors';
import { MilestonesDisputeReportDocument, MilestonesVerifyReportDocument } from './queries';

type Decision = 'verify' | 'dispute';

/**
 * Verify or dispute another party's report, with a remark (required to dispute). `resolve`: the
 * report is disputed by the caller's organisation, which may only verify it after all.
 */
export function ReviewActions({
  reportId,
  onReviewed,
  resolve = false,
}: {
  reportId: string;
  onReviewed: () => void;
  resolve?: boolean;
}) {
  const { t } = useTranslation('milestones');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason?: string }>();
  const [decision, setDecision] = useState<Decision | undefined>();
  const [problem, setProblem] = useState<ApiProblem | undefined>();
  const [verification, verify] = useMutation(MilestonesVerifyReportDocument);
  const [dispute, disputeReport] = useMutation(MilestonesDisputeReportDocument);

  const submit = async ({ reason }: { reason?: string }) => {
    setProblem(undefined);
    const variables = { id: reportId, reason: reason?.trim() || null };
    const result = decision === 'dispute' ? await disputeReport(variables) : await verify(variables);
    const failure = toApiProblem(result.error);
    if (failure) {
      setProblem(failure);
      applyFieldProblems(form, failure, ['reason']);
      return;
    }
    void message.success(decision === 'dispute' ? t('reports.disputed') : t('reports.verified'));
    setDecision(undefined);
    form.resetFields();
    onReviewed();
  };

  return (
    <>
      <Flex gap={8} wrap>
        <Button size="small" type="primary" onClick={() => setDecision('verify')}>
          {resolve ? t('reports.verifyAfterAll') : t('reports.verify')}
        </Button>
        {resolve ? null : (
          <Button size="small" danger onClick={() => setDecision('dispute')}>
            {t('reports.dispute')}
          </Button>
        )}
      </Flex>
      <Modal
        open={decision !== undefined}
        title={
          decision === 'dispute'
            ? t('reports.dispute')
            : resolve
              ? t('reports.verifyAfterAll')
              : t('reports.verify')
        }
        okText={decision === 'dispute' ? t('reports.dispute') : t('reports.verify')}
        okButtonProps={{ danger: decision === 'dispute', loading: verification.fetching || dispute.fetching }}
        cancelText={tc('actions.cancel')}
        onOk={() => form.submit()}
        onCancel={() => setDecision(undefined)}
        destroyOnHidden={false}
      >
        <ApiErrorAlert problem={problem} />
        <Form form={form} layout="vertical" onFinish={(values) => void submit(values)}>
          <Form.Item
            name="reason"
            label={decision === 'dispute' ? t('reports.disputeReason') : t('reports.remark')}
            rules={
              decision === 'dispute'
                ? [{ required: true, whitespace: true, message: t('reports.disputeReasonRequired') }]
                : []
            }
          >
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
