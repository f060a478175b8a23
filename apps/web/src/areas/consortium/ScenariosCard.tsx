import { Button, Card, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { toApiProblem } from '../../api/errors';
import { useSession } from '../../auth/session';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import type { ConsortiumScenariosQuery } from '../../gql/graphql';
import { useFormat } from '../../i18n/i18n';
import { CreateScenarioDrawer } from './CreateScenarioDrawer';
import { ConsortiumScenariosDocument } from './queries';
import { SectionTitle } from './SectionTitle';

type Scenario = ConsortiumScenariosQuery['scenarios']['nodes'][number];

/** The consortium's scenarios; its scenario users' admins and engineers add new ones. */
export function ScenariosCard({ consortiumId }: { consortiumId: string }) {
  const { t } = useTranslation('consortium');
  const format = useFormat();
  const session = useSession();
  const [creating, setCreating] = useState(false);
  const [{ data, error, fetching }, refetch] = useQuery({
    query: ConsortiumScenariosDocument,
    variables: { consortiumId },
  });
  const canCreate =
    session.organization?.kind === 'SCENARIO_USER' &&
    session.roles.some((role) => role === 'ORG_ADMIN' || role === 'ENGINEER');

  return (
    <Card
      size="small"
      title={<SectionTitle>{t('scenarios.title')}</SectionTitle>}
      extra={canCreate ? <Button onClick={() => setCreating(true)}>{t('create.button')}</Button> : null}
    >
      <ApiErrorAlert
        problem={toApiProblem(error)}
        onRetry={() => refetch({ requestPolicy: 'network-only' })}
      />
      <Table<Scenario>
        rowKey="id"
        size="small"
        loading={fetching}
        pagination={false}
        scroll={{ x: 720 }}
        dataSource={data?.scenarios.nodes ?? []}
        locale={{ emptyText: t('scenarios.empty') }}
        columns={[
          {
            title: t('scenarios.name'),
            dataIndex: 'name',
            render: (name: string, s) => <Link to={`scenarios/${s.id}`}>{name}</Link>,
          },
          {
            title: t('scenarios.sector'),
            dataIndex: 'sector',
            render: (v: string) => t(`sector.${v}` as 'sector.LOGISTICS'),
          },
          { title: t('scenarios.site'), dataIndex: 'site' },
          {
            title: t('scenarios.units'),
            key: 'units',
            align: 'right',
            render: (_, s) => `${format.number(s.unitsDeployed, 0)} / ${format.number(s.targetUnits, 0)}`,
          },
          {
            title: t('scenarios.kpis'),
            key: 'kpis',
            render: (_, s) => s.kpis.map((k) => <Tag key={k.key}>{k.name}</Tag>),
          },
        ]}
      />
      {creating ? (
        <CreateScenarioDrawer
          consortiumId={consortiumId}
          onClose={() => setCreating(false)}
          onCreated={() => refetch({ requestPolicy: 'network-only' })}
        />
      ) : null}
    </Card>
  );
}
