import { Flex, Form, Select, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { useConnection } from '../../components/useConnection';
import type { MilestoneStatus } from '../../gql/graphql';
import { useFormat } from '../../i18n/i18n';
import { useConsortiumId } from '../../layout/consortium';
import { MilestonesListDocument } from './queries';
import { StateTag } from './tags';
import { useDirectory } from './useDirectory';
import { ListFooter } from '../../components/ListFooter';

const STATUSES: MilestoneStatus[] = ['PROPOSED', 'COMMITTED', 'ACHIEVED', 'MISSED', 'WAIVED'];

/** Milestones of the consortium by due date, filtered by state and scenario through the API. */
export function MilestonesListPage() {
  const { t } = useTranslation('milestones');
  const format = useFormat();
  const consortiumId = useConsortiumId();
  const directory = useDirectory(consortiumId);
  const [status, setStatus] = useState<MilestoneStatus | undefined>();
  const [scenarioId, setScenarioId] = useState<string | undefined>();
  const list = useConnection(
    MilestonesListDocument,
    { consortiumId, status: status ?? null, scenarioId: scenarioId ?? null, first: 20 },
    (data) => data.milestones,
  );
  return (
    <>
      <Form layout="inline" style={{ marginBottom: 16, rowGap: 8 }}>
        <Form.Item label={t('list.filterStatus')} htmlFor="milestones-status">
          <Select
            id="milestones-status"
            style={{ width: 160 }}
            allowClear
            placeholder={t('list.allStatuses')}
            value={status}
            onChange={setStatus}
            options={STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
          />
        </Form.Item>
        <Form.Item label={t('list.filterScenario')} htmlFor="milestones-scenario">
          <Select
            id="milestones-scenario"
            style={{ width: 280 }}
            allowClear
            placeholder={t('list.allScenarios')}
            value={scenarioId}
            onChange={setScenarioId}
            options={directory.scenarios.map((s) => ({ value: s.id, label: s.name }))}
          />
        </Form.Item>
      </Form>
      <ApiErrorAlert problem={list.problem ?? directory.problem} onRetry={list.refetch} />
      <Table
        rowKey="id"
        loading={list.fetching}
        dataSource={list.nodes}
        pagination={false}
        scroll={{ x: 900 }}
        locale={{ emptyText: t('list.empty') }}
        columns={[
          {
            title: t('list.name'),
            dataIndex: 'name',
            render: (name: string, m) => <Link to={m.id}>{name}</Link>,
          },
          {
            title: t('list.scenario'),
            dataIndex: 'scenarioId',
            render: (id: string) => directory.scenarioName(id),
          },
          {
            title: t('list.status'),
            dataIndex: 'status',
            render: (s: string, m) => (
              <Flex vertical gap={2} align="start">
                <StateTag kind="status" value={s} />
                {s === 'PROPOSED' && m.awaitingAcceptanceFrom.length > 0 ? (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('list.awaiting', {
                      names: m.awaitingAcceptanceFrom.map((party) => party.name).join(t('separator')),
                    })}
                  </Typography.Text>
                ) : null}
              </Flex>
            ),
          },
          {
            title: t('list.outcome'),
            key: 'outcome',
            render: (_: unknown, m) => <StateTag kind="outcome" value={m.evaluation.outcome} />,
          },
          { title: t('list.dueAt'), dataIndex: 'dueAt', render: (d: string) => format.date(d) },
          {
            title: t('list.rewardPool'),
            dataIndex: 'rewardPoolMinor',
            align: 'right',
            render: (v: number, m) => format.money(v, m.currency),
          },
          {
            title: t('list.riskAmount'),
            dataIndex: 'riskAmountMinor',
            align: 'right',
            render: (v: number, m) => format.money(v, m.currency),
          },
        ]}
      />
      <ListFooter list={list} />
    </>
  );
}
