import { App, Form, Modal, Select, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { toApiProblem } from '../../api/errors';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { applyFieldProblems } from '../../components/formErrors';
import type { OrganizationKind } from '../../gql/graphql';
import { PARTY_KINDS } from './activation';
import { ConsortiumInviteDocument, ConsortiumOrganizationsDocument } from './queries';

interface Values {
  kind: OrganizationKind | 'ALL';
  organizationId?: string;
}

/** Finds an organisation in the directory (by kind, name or credit code) and invites it. */
export function InviteModal({
  consortiumId,
  suggestedKinds,
  excludeOrganizationIds,
  onClose,
}: {
  consortiumId: string;
  suggestedKinds: readonly OrganizationKind[];
  excludeOrganizationIds: readonly string[];
  onClose: () => void;
}) {
  const { t } = useTranslation('consortium');
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [search, setSearch] = useState('');
  const kind = Form.useWatch('kind', form) ?? suggestedKinds[0] ?? 'ALL';
  const [{ data, fetching: searching }] = useQuery({
    query: ConsortiumOrganizationsDocument,
    variables: { search: search.trim() || null, kinds: kind === 'ALL' ? null : [kind] },
  });
  const [{ fetching, error }, invite] = useMutation(ConsortiumInviteDocument);
  const organizations = (data?.organizations.nodes ?? []).filter(
    (o) => !excludeOrganizationIds.includes(o.id),
  );

  const onFinish = async (values: Values) => {
    const organization = organizations.find((o) => o.id === values.organizationId);
    const result = await invite({
      input: {
        consortiumId,
        organizationId: values.organizationId ?? '',
        partyRole: organization?.kind ?? null,
      },
    });
    if (result.error) {
      applyFieldProblems(form, toApiProblem(result.error), ['organizationId', 'partyRole']);
      return;
    }
    void message.success(t('invite.sent', { name: organization?.name ?? '' }));
    onClose();
  };

  return (
    <Modal
      open
      title={t('invite.title')}
      okText={t('invite.submit')}
      onOk={() => form.submit()}
      okButtonProps={{ loading: fetching }}
      onCancel={onClose}
      destroyOnHidden
    >
      <ApiErrorAlert problem={toApiProblem(error)} />
      <Form
        form={form}
        layout="vertical"
        onFinish={(values) => void onFinish(values)}
        initialValues={{ kind: suggestedKinds[0] ?? 'ALL' }}
      >
        <Form.Item name="kind" label={t('invite.kind')} extra={t('invite.kindHint')}>
          <Select
            options={[
              { value: 'ALL', label: t('invite.kindAll') },
              ...PARTY_KINDS.map((k) => ({ value: k, label: t(`partyKind.${k}`) })),
            ]}
            onChange={() => form.setFieldValue('organizationId', undefined)}
          />
        </Form.Item>
        <Form.Item
          name="organizationId"
          label={t('invite.organization')}
          rules={[{ required: true, message: t('invite.required') }]}
        >
          <Select
            showSearch={{ filterOption: false, onSearch: setSearch }}
            loading={searching}
            placeholder={t('invite.organizationPlaceholder')}
            options={organizations.map((o) => ({
              value: o.id,
              label: (
                <span>
                  {o.name} <Tag style={{ marginInlineStart: 4 }}>{t(`partyKind.${o.kind}`)}</Tag>
                  <span style={{ color: 'rgba(0,0,0,0.45)' }}>{o.region}</span>
                </span>
              ),
            }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
