import { App, Button, Card, Form, Input, Modal, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { toApiProblem } from '../../api/errors';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { applyFieldProblems } from '../../components/formErrors';
import { useFormat } from '../../i18n/i18n';
import type { Contract } from './contract-types';
import { ContractsFulfilDocument } from './operations';

type Obligation = Contract['obligations'][number];

/** The duties turned obligations: due, overdue (the grant is suspended), or met with evidence. */
export function ObligationsCard({ contract, canFulfil }: { contract: Contract; canFulfil: boolean }) {
  const { t } = useTranslation('contracts');
  const format = useFormat();
  const [fulfilling, setFulfilling] = useState<Obligation | null>(null);
  return (
    <Card title={t('contract.obligations')} size="small">
      <Table<Obligation>
        rowKey="id"
        size="small"
        pagination={false}
        scroll={{ x: 640 }}
        dataSource={contract.obligations}
        locale={{ emptyText: t('contract.noObligations') }}
        columns={[
          {
            title: t('contract.colDuty'),
            dataIndex: 'duty',
            render: (duty: Obligation['duty']) => t(`duty.${duty}`),
          },
          {
            title: t('contract.colDue'),
            dataIndex: 'dueAt',
            render: (dueAt: string | null) => (dueAt ? format.date(dueAt) : t('contract.standing')),
          },
          {
            title: t('contract.colObligationStatus'),
            key: 'state',
            render: (_, row) =>
              row.metAt ? (
                <Tag color="success">{t('contract.met')}</Tag>
              ) : row.overdue ? (
                <Tag color="error">{t('contract.overdue')}</Tag>
              ) : (
                <Tag>{t('contract.pending')}</Tag>
              ),
          },
          {
            title: t('contract.colEvidence'),
            dataIndex: 'evidence',
            render: (value: string) => value || '—',
          },
          ...(canFulfil
            ? [
                {
                  title: t('actions.title'),
                  key: 'action',
                  render: (_: unknown, row: Obligation) =>
                    row.metAt ? null : (
                      <Button size="small" onClick={() => setFulfilling(row)}>
                        {t('contract.fulfil')}
                      </Button>
                    ),
                },
              ]
            : []),
        ]}
      />
      {fulfilling ? <FulfilModal obligation={fulfilling} onClose={() => setFulfilling(null)} /> : null}
    </Card>
  );
}

function FulfilModal({ obligation, onClose }: { obligation: Obligation; onClose: () => void }) {
  const { t } = useTranslation('contracts');
  const { message } = App.useApp();
  const [form] = Form.useForm<{ evidence: string }>();
  const [state, fulfil] = useMutation(ContractsFulfilDocument);
  const submit = async () => {
    const { evidence } = await form.validateFields();
    const result = await fulfil({ id: obligation.id, evidence });
    if (result.error) {
      applyFieldProblems(form, toApiProblem(result.error), ['evidence']);
      return;
    }
    void message.success(t('actions.done'));
    onClose();
  };
  return (
    <Modal
      open
      title={t('actions.fulfilTitle', { duty: t(`duty.${obligation.duty}`) })}
      okText={t('contract.fulfil')}
      confirmLoading={state.fetching}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      destroyOnHidden
    >
      <ApiErrorAlert problem={toApiProblem(state.error)} />
      <Form form={form} layout="vertical">
        <Form.Item
          name="evidence"
          label={t('actions.evidenceLabel')}
          extra={t('actions.evidenceHelp')}
          rules={[{ required: true, whitespace: true, message: t('actions.evidenceRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
