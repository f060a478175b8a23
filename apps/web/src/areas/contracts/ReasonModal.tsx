import { Alert, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { toApiProblem } from '../../api/errors';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { applyFieldProblems } from '../../components/formErrors';
import {
  ContractsReopenDocument,
  ContractsResumeDocument,
  ContractsSuspendDocument,
  ContractsTerminateDocument,
} from './operations';

type ReasonAction = 'reopen' | 'suspend' | 'resume' | 'terminate';

/** Reopen, suspend, resume or terminate: each needs a reason every party will read. */
export function ReasonModal({
  action,
  contractId,
  onClose,
  onDone,
}: {
  action: ReasonAction;
  contractId: string;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation('contracts');
  const [form] = Form.useForm<{ reason: string }>();
  const [reopenState, reopen] = useMutation(ContractsReopenDocument);
  const [suspendState, suspend] = useMutation(ContractsSuspendDocument);
  const [resumeState, resume] = useMutation(ContractsResumeDocument);
  const [terminateState, terminate] = useMutation(ContractsTerminateDocument);
  const run = { reopen, suspend, resume, terminate }[action];
  const state = {
    reopen: reopenState,
    suspend: suspendState,
    resume: resumeState,
    terminate: terminateState,
  }[action];
  const submit = async () => {
    const { reason } = await form.validateFields();
    const result = await run({ id: contractId, reason });
    if (result.error) applyFieldProblems(form, toApiProblem(result.error), ['reason']);
    else onDone();
  };
  return (
    <Modal
      open
      title={t(`actions.${action}Title`)}
      okText={t(`actions.${action}`)}
      okButtonProps={{ danger: action === 'terminate' }}
      onOk={() => void submit().catch(() => undefined)}
      confirmLoading={state.fetching}
      onCancel={onClose}
      destroyOnHidden
    >
      <ApiErrorAlert problem={toApiProblem(state.error)} />
      {action === 'terminate' ? (
        <Alert type="warning" showIcon title={t('actions.terminateWarning')} style={{ marginBottom: 16 }} />
      ) : null}
      <Form form={form} layout="vertical">
        <Form.Item
          name="reason"
          label={t('actions.reasonLabel')}
          extra={t('actions.reasonHelp')}
          rules={[{ required: true, min: 3, whitespace: true, message: t('actions.reasonRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
