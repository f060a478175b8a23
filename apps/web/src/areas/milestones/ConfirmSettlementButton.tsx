import { App, Button, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { toApiProblem, type ApiProblem } from '../../api/errors';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { applyFieldProblems } from '../../components/formErrors';
import { useFormat } from '../../i18n/i18n';
import { MilestonesConfirmSettlementDocument } from './queries';

/** The payee's admin confirms it received a payment, with its own reference (a transfer number). */
export function ConfirmSettlementButton({
  entry,
  payerName,
  onConfirmed,
}: {
  entry: { id: string; amountMinor: number; currency: string };
  payerName: string;
  onConfirmed: () => void;
}) {
  const { t } = useTranslation('milestones');
  const { t: tc } = useTranslation();
  const format = useFormat();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ reference: string }>();
  const [confirmation, confirm] = useMutation(MilestonesConfirmSettlementDocument);
  const [problem, setProblem] = useState<ApiProblem | undefined>();
  const formId = `settle-${entry.id}`;

  const finish = async ({ reference }: { reference: string }) => {
    setProblem(undefined);
    const result = await confirm({ entryId: entry.id, reference: reference.trim() });
    const failure = toApiProblem(result.error);
    if (failure) {
      setProblem(failure);
      applyFieldProblems(form, failure, ['reference']);
      return;
    }
    void message.success(t('ledger.settledNow'));
    setOpen(false);
    onConfirmed();
  };

  return (
    <>
      <Button size="small" type="primary" onClick={() => setOpen(true)}>
        {t('ledger.confirm')}
      </Button>
      <Modal
        open={open}
        title={t('ledger.confirmTitle')}
        onCancel={() => setOpen(false)}
        okText={t('ledger.confirmSubmit')}
        cancelText={tc('actions.cancel')}
        okButtonProps={{ loading: confirmation.fetching, htmlType: 'submit', form: formId }}
        destroyOnHidden
      >
        <Typography.Paragraph>
          {t('ledger.confirmHint', {
            amount: format.money(entry.amountMinor, entry.currency),
            payer: payerName,
          })}
        </Typography.Paragraph>
        <Form id={formId} form={form} layout="vertical" onFinish={(values) => void finish(values)}>
          <Form.Item
            name="reference"
            label={t('ledger.reference')}
            rules={[{ required: true, whitespace: true, message: t('ledger.referenceRequired') }]}
          >
            <Input maxLength={200} />
          </Form.Item>
        </Form>
        <ApiErrorAlert problem={problem} />
      </Modal>
    </>
  );
}
