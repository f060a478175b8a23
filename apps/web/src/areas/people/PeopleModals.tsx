import { App, Checkbox, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, type CombinedError } from 'urql';
import type { UserRole } from '../../gql/graphql';
import { PeopleInviteDocument, PeopleUpdateRolesDocument } from './operations';
import { roleChangeRefusal, ROLES, sortRoles, type Person } from './people';
import { RefusalAlert } from './RefusalAlert';

/** The roles as checkboxes; Form.Item passes it value and onChange. */
function RoleChoices(props: { value?: UserRole[]; onChange?: (roles: UserRole[]) => void }) {
  const { t } = useTranslation();
  return (
    <Checkbox.Group {...props} options={ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))} />
  );
}

/** Replaces a member's roles; says before saving when that would leave the organisation without an admin. */
export function RolesModal({
  person,
  people,
  onClose,
  onSaved,
}: {
  person: Person & { name: string };
  people: readonly Person[];
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation('people');
  const { message } = App.useApp();
  const [form] = Form.useForm<{ roles: UserRole[] }>();
  const roles = Form.useWatch('roles', form) ?? person.roles;
  const foreseen = roleChangeRefusal(person, roles, people);
  const [{ fetching, error }, update] = useMutation(PeopleUpdateRolesDocument);

  const save = async ({ roles: chosen }: { roles: UserRole[] }) => {
    const result = await update({ input: { userId: person.id, roles: sortRoles(chosen) } });
    if (result.error) return;
    void message.success(t('done.roles', { name: person.name }));
    onSaved();
  };

  return (
    <Modal
      open
      title={t('rolesModal.title', { name: person.name })}
      okText={t('rolesModal.ok')}
      onOk={() => form.submit()}
      okButtonProps={{ loading: fetching, disabled: foreseen !== null }}
      onCancel={onClose}
      destroyOnHidden
    >
      <RefusalAlert error={error} refusal={foreseen} />
      <Form
        form={form}
        layout="vertical"
        initialValues={{ roles: [...person.roles] }}
        onFinish={(values) => void save(values)}
      >
        <Form.Item name="roles" label={t('colRoles')} extra={t('rolesModal.hint')}>
          <RoleChoices />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface InviteValues {
  email: string;
  roles: UserRole[];
}

/** Invites an email into the organisation with roles; a refusal says what to do instead. */
export function InviteModal({
  organization,
  onClose,
  onInvited,
}: {
  organization: string;
  onClose: () => void;
  onInvited: () => void;
}) {
  const { t } = useTranslation('people');
  const { message } = App.useApp();
  const [form] = Form.useForm<InviteValues>();
  const [{ fetching }, invite] = useMutation(PeopleInviteDocument);
  const [error, setError] = useState<CombinedError | undefined>();

  const send = async (values: InviteValues) => {
    const email = values.email.trim();
    const result = await invite({ input: { email, roles: sortRoles(values.roles) } });
    setError(result.error);
    if (result.error) return;
    void message.success(t('done.invited', { email: result.data?.inviteUser.email ?? email }));
    onInvited();
  };

  return (
    <Modal
      open
      title={t('inviteModal.title', { organization })}
      okText={t('inviteModal.ok')}
      onOk={() => form.submit()}
      okButtonProps={{ loading: fetching }}
      onCancel={onClose}
      destroyOnHidden
    >
      <RefusalAlert error={error} />
      <Form form={form} layout="vertical" onFinish={(values) => void send(values)}>
        <Form.Item
          name="email"
          label={t('inviteModal.email')}
          extra={<Typography.Text type="secondary">{t('inviteModal.emailHint')}</Typography.Text>}
          rules={[
            { required: true, message: t('inviteModal.emailRequired') },
            { type: 'email', message: t('inviteModal.emailInvalid') },
          ]}
        >
          <Input type="email" autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="roles"
          label={t('inviteModal.roles')}
          rules={[{ required: true, type: 'array', min: 1, message: t('inviteModal.rolesRequired') }]}
        >
          <RoleChoices />
        </Form.Item>
      </Form>
    </Modal>
  );
}
