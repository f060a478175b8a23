import { Alert, Form, Input, Modal } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import type { NoteRequest } from './useTicketMove';

/** Asks for the words a move needs (a resolution note, a reason to reopen) before making it. */
export function NoteModal({
  request,
  saving,
  onSubmit,
  onCancel,
}: {
  request: NoteRequest | null;
  saving: boolean;
  onSubmit: (text: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation('tickets');
  const [form] = Form.useForm<{ text: string }>();
  const id = request?.ticket.id;
  useEffect(() => {
    if (id) form.resetFields();
  }, [id, form]);
  if (!request) return null;
  const kind = request.kind;
  return (
    <Modal
      open
      title={t(kind === 'resolution' ? 'note.resolutionTitle' : 'note.reopenTitle', {
        number: request.ticket.number,
      })}
      okText={t('note.confirm')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onCancel}
      destroyOnHidden
    >
      {request.moved && request.problem ? (
        <Alert type="warning" showIcon title={t('note.movedButNote')} style={{ marginBottom: 12 }} />
      ) : null}
      <ApiErrorAlert problem={request.problem} />
      <Form form={form} layout="vertical" onFinish={(v) => onSubmit(v.text.trim())}>
        <Form.Item
          name="text"
          label={t(kind === 'resolution' ? 'note.resolution' : 'note.reopen')}
          extra={t(kind === 'resolution' ? 'note.resolutionHelp' : 'note.reopenHelp')}
          rules={[{ required: true, whitespace: true, message: t('note.required') }]}
        >
          <Input.TextArea rows={5} autoFocus maxLength={10_000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
