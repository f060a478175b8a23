import { App, Button, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { toApiProblem, type ApiProblem } from '../../api/errors';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { applyFieldProblems } from '../../components/formErrors';
import { MilestonesProposeDocument } from './queries';

/**
 * A member admin proposes to waive the milestone, with a reason; it is waived once every member
 * organisation's admin approves (the proposer's organisation approves by proposing).
 */
export function WaiverButton({ milestoneId, onProposed }: { milestoneId: string; onProposed: () => void }) {
  const { t } = useTranslation('milestones');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();
  const [proposal, propose] = useMutation(MilestonesProposeDocument);
  const [problem, setProblem] = useState<ApiProblem | undefined>();

  const finish = async ({ reason }: { reason: string }) => {
    setProblem(undefined);
    const result = await propose({ milestoneId, kind: 'WAIVE', reason: reason.trim(), shares: null });
    const failure = toApiProblem(result.error);
    if (failure) {
      setProblem(failure);
      applyFieldProblems(form, failure, ['reason']);
      return;
    }
    void message.success(t('proposals.waiveProposed'));
    form.resetFields();
    setOpen(false);
    onProposed();
  };

  return (
    <>
      <Button size="small" onClick={() => setOpen(true)}>
        {t('proposals.waive')}
      </Button>
      <Modal
        open={open}
        title={t('proposals.waiveTitle')}
        onCancel={() => setOpen(false)}
        okText={t('proposals.waiveSubmit')}
        cancelText={tc('actions.cancel')}
        okButtonProps={{ loading: proposal.fetching, htmlType: 'submit', form: 'milestone-waiver' }}
        forceRender
      >
        <Typography.Paragraph type="secondary">{t('proposals.waiveHint')}</Typography.Paragraph>
        <Form id="milestone-waiver" form={form} layout="vertical" onFinish={(values) => void finish(values)}>
          <Form.Item
            name="reason"
            label={t('proposals.waiveReason')}
            rules={[
              { required: true, whitespace: true, message: t('proposals.waiveReasonRequired') },
              { min: 3, max: 2000, message: t('proposals.waiveReasonLength') },
            ]}
          >
            <Input.TextArea rows={3} maxLength={2000} showCount />
          </Form.Item>
        </Form>
        <ApiErrorAlert problem={problem} />
      </Modal>
    </>
  );
}
