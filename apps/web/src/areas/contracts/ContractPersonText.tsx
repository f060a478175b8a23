import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { UserRole } from '../../gql/graphql';

export interface ContractPersonView {
  name: string;
  organizationName: string;
  roles: UserRole[];
  email?: string | null;
}

/** A person on a contract: name, roles at their organisation, the organisation, and (own organisation only) the e-mail. */
export function ContractPersonText({ person }: { person: ContractPersonView | null | undefined }) {
  const { t: tc } = useTranslation();
  const { t } = useTranslation('contracts');
  if (!person) return <>—</>;
  const roles = person.roles.map((role) => tc(`roles.${role}`)).join(t('person.roleSeparator'));
  return (
    <>
      {t('person.nameWithRoles', { name: person.name, roles })}
      <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
        {person.email ? `${person.organizationName} · ${person.email}` : person.organizationName}
      </Typography.Text>
    </>
  );
}
