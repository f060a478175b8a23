import { Button, Flex, Form, Select, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../auth/session';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { useConnection } from '../../components/useConnection';
import type { KpiReportStatus, MilestonesKpiReportsQuery } from '../../gql/graphql';
import { useFormat } from '../../i18n/i18n';
import { useConsortiumId } from '../../layout/consortium';
import { formatKpiValue } from './evaluation';
import { MilestonesKpiReportsDocument } from './queries';
import { ReviewActions } from './ReviewActions';
import { SubmitReportDrawer } from './SubmitReportDrawer';
import { StateTag } from './tags';
import { useDirectory } from './useDirectory';
import { WithdrawReportButton } from './WithdrawReportButton';
import { ListFooter } from '../../components/ListFooter';

type Report = MilestonesKpiReportsQuery['kpiReports']['nodes'][number];
const STATUSES: KpiReportStatus[] = ['SUBMITTED', 'VERIFIED', 'DISPUTED', 'WITHDRAWN'];

/**
 * KPI reports: the scenario user submits, another party verifies or disputes. A dispute is
 * resolved by the submitter withdrawing the report or the disputing party verifying it after all.
 */
export function KpiReportsPage() {
  const { t } = useTranslation('milestones');
  const format = useFormat();
  const consortiumId = useConsortiumId();
  const session = useSession();
  const directory = useDirectory(consortiumId);
  const [status, setStatus] = useState<KpiReportStatus | undefined>();
  const [drawer, setDrawer] = useState(false);
  const list = useConnection(
    MilestonesKpiReportsDocument,
    { consortiumId, status: status ?? null, first: 20 },
    (data) => data.kpiReports,
  );
  const myOrg = session.organization?.id;
  const reporter = session.roles.some((role) => role === 'ORG_ADMIN' || role === 'ENGINEER');
  const scenarioUser = directory.members.some((m) => m.id === myOrg && m.partyRole === 'SCENARIO_USER');
  const kpiValues = (report: Report) =>
    report.values.map((v) => {
      const kpi = directory.kpisOf(report.scenarioId).find((k) => k.key === v.kpiKey);
      return `${kpi?.name ?? v.kpiKey}: ${formatKpiValue(v.value, kpi?.unit, format)}`;
    });

  /** What the caller's organisation may do with a report, by its state and who submitted or disputed it. */
  const actionsFor = (r: Report) => {
    const own = r.submittedByOrganizationId === myOrg;
    const live = r.status === 'SUBMITTED' || r.status === 'DISPUTED';
    if (!reporter || !live) return null;
    if (own)
      return (
        <Flex vertical gap={4} align="start">
          <Typography.Text type="secondary">
            {r.status === 'DISPUTED' ? t('reports.awaitingResolution') : t('reports.ownReport')}
          </Typography.Text>
          <WithdrawReportButton reportId={r.id} onWithdrawn={list.refetch} />
        </Flex>
      );
    if (r.status === 'SUBMITTED') return <ReviewActions reportId={r.id} onReviewed={list.refetch} />;
    if (r.reviewedByOrganizationId !== myOrg)
      return <Typography.Text type="secondary">{t('reports.awaitingResolution')}</Typography.Text>;
    return (
      <Flex vertical gap={4} align="start">
        <Typography.Text type="secondary">{t('reports.disputedByYou')}</Typography.Text>
        <ReviewActions reportId={r.id} onReviewed={list.refetch} resolve />
      </Flex>
    );
  };

  return (
    <>
      <Flex justify="space-between" wrap gap={8} style={{ marginBottom: 16 }}>
        <Form layout="inline">
          <Form.Item label={t('reports.filterStatus')} htmlFor="reports-status">
            <Select
              id="reports-status"
              style={{ width: 160 }}
              allowClear
              placeholder={t('reports.allStatuses')}
              value={status}
              onChange={setStatus}
              options={STATUSES.map((s) => ({ value: s, label: t(`reportStatus.${s}`) }))}
            />
          </Form.Item>
        </Form>
        {reporter && scenarioUser ? (
          <Button type="primary" onClick={() => setDrawer(true)}>
            {t('reports.submit')}
          </Button>
        ) : null}
      </Flex>
      <ApiErrorAlert problem={list.problem ?? directory.problem} onRetry={list.refetch} />
      <Table
        rowKey="id"
        size="small"
        loading={list.fetching}
        dataSource={list.nodes}
        pagination={false}
        scroll={{ x: 1100 }}
        locale={{ emptyText: t('reports.empty') }}
        columns={[
          {
            title: t('reports.period'),
            key: 'period',
            render: (_: unknown, r) =>
              t('reports.periodRange', { start: format.date(r.periodStart), end: format.date(r.periodEnd) }),
          },
          {
            title: t('reports.scenario'),
            dataIndex: 'scenarioId',
            render: (id: string) => directory.scenarioName(id),
          },
          {
            title: t('reports.status'),
            dataIndex: 'status',
            render: (s: string) => <StateTag kind="reportStatus" value={s} />,
          },
          {
            title: t('reports.operatingHours'),
            dataIndex: 'operatingHours',
            align: 'right',
            render: (h: number) => format.number(h, 1),
          },
          {
            title: t('reports.unitsProcessed'),
            dataIndex: 'unitsProcessed',
            align: 'right',
            render: (n: number) => format.number(n, 0),
          },
          { title: t('reports.robotsInService'), dataIndex: 'robotsInService', align: 'right' },
          {
            title: t('reports.values'),
            key: 'values',
            render: (_: unknown, r) => (
              <Flex vertical>
                {kpiValues(r).map((line) => (
                  <span key={line}>{line}</span>
                ))}
              </Flex>
            ),
          },
          {
            title: t('reports.submittedBy'),
            dataIndex: 'submittedByOrganizationId',
            render: (id: string) => directory.orgName(id),
          },
          {
            title: t('reports.review'),
            key: 'review',
            render: (_: unknown, r) => (
              <Flex vertical>
                {r.reviewedByOrganizationId ? (
                  <span>{directory.orgName(r.reviewedByOrganizationId)}</span>
                ) : null}
                {r.reviewReason ? <Typography.Text type="secondary">{r.reviewReason}</Typography.Text> : null}
                {r.withdrawalReason ? (
                  <Typography.Text type="secondary">
                    {t('reports.withdrawalReason', { reason: r.withdrawalReason })}
                  </Typography.Text>
                ) : null}
                {!r.reviewedByOrganizationId && !r.withdrawalReason ? '—' : null}
              </Flex>
            ),
          },
          {
            title: t('reports.actions'),
            key: 'actions',
            render: (_: unknown, r) => actionsFor(r),
          },
        ]}
      />
      <ListFooter list={list} />
      <SubmitReportDrawer
        directory={directory}
        open={drawer}
        onClose={() => setDrawer(false)}
        onSubmitted={() => {
          setDrawer(false);
          list.refetch();
        }}
      />
    </>
  );
}
