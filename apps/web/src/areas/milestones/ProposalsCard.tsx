import { App, Button, Card, Flex, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { toApiProblem, type ApiProblem } from '../../api/errors';
import { useSession } from '../../auth/session';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import type { MilestonesMilestoneQuery } from '../../gql/graphql';
import { useFormat } from '../../i18n/i18n';
import { MilestonesApproveDocument } from './queries';
import { BINDING_ROLES, TOTAL_BASIS_POINTS } from './split';
import { StateTag } from './tags';
import type { Directory } from './useDirectory';
import { WaiverButton } from './WaiverButton';

type Proposal = MilestonesMilestoneQuery['milestone']['proposals'][number];

/**
 * Changes of committed terms: who proposed what, which bound parties approved, who still has to
 * (every party the current terms bind, and any the new split would).
 */
export function ProposalsCard({
  milestoneId,
  proposals,
  boundParties,
  directory,
  decided,
  onChanged,
}: {
  milestoneId: string;
  proposals: readonly Proposal[];
  boundParties: readonly string[];
  directory: Directory;
  /** A decided milestone changes no more: its open proposals can no longer be approved. */
  decided: boolean;
  onChanged: () => void;
}) {
  const { t } = useTranslation('milestones');
  const format = useFormat();
  const { message } = App.useApp();
  const session = useSession();
  const myOrganization = session.organization?.id;
  const binds = session.roles.some((role) => BINDING_ROLES.includes(role));
  const [approval, approve] = useMutation(MilestonesApproveDocument);
  const partyRank = (id: string) => {
    const index = directory.members.findIndex((m) => m.id === id);
    return index === -1 ? directory.members.length : index;
  };
  const [failed, setFailed] = useState<{ id: string; problem: ApiProblem } | undefined>();

  const run = async (id: string) => {
    setFailed(undefined);
    const result = await approve({ id });
    const problem = toApiProblem(result.error);
    if (problem) setFailed({ id, problem });
    else {
      void message.success(t('proposals.approved'));
      onChanged();
    }
  };

  // One open waiver at a time: the others approve it rather than propose it again.
  const canWaive =
    binds &&
    Boolean(myOrganization && boundParties.includes(myOrganization)) &&
    !decided &&
    !proposals.some((p) => p.kind === 'WAIVE' && p.status === 'OPEN');

  return (
    <Card
      title={t('proposals.title')}
      size="small"
      extra={canWaive ? <WaiverButton milestoneId={milestoneId} onProposed={onChanged} /> : null}
    >
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={[...proposals]}
        scroll={{ x: 820 }}
        locale={{ emptyText: t('proposals.none') }}
        columns={[
          {
            title: t('proposals.kind'),
            dataIndex: 'kind',
            width: 160,
            render: (kind: Proposal['kind'], p) => (
              <Flex vertical gap={4}>
                <span>{t(`proposalKind.${kind}`)}</span>
                {p.shares ? (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {[...p.shares]
                      .sort((a, b) => partyRank(a.organizationId) - partyRank(b.organizationId))
                      .map(
                        (s) =>
                          `${directory.orgName(s.organizationId)} ${format.percent(s.basisPoints / TOTAL_BASIS_POINTS)}`,
                      )
                      .join(t('separator'))}
                  </Typography.Text>
                ) : null}
              </Flex>
            ),
          },
          { title: t('proposals.reason'), dataIndex: 'reason' },
          {
            title: t('proposals.createdAt'),
            dataIndex: 'createdAt',
            render: (d: string) => format.dateTime(d),
          },
          {
            title: t('proposals.status'),
            dataIndex: 'status',
            render: (s: string) => <StateTag kind="proposalStatus" value={s} />,
          },
          {
            title: t('proposals.approvals'),
            key: 'approvals',
            render: (_: unknown, p) => {
              const bound = new Set([...boundParties, ...(p.shares ?? []).map((s) => s.organizationId)]);
              const waiting = directory.members.filter(
                (m) => bound.has(m.id) && !p.approvedByOrganizationIds.includes(m.id),
              );
              return (
                <Flex vertical gap={4}>
                  <div>
                    {p.approvedByOrganizationIds.map((id) => (
                      <Tag key={id} color="green">
                        {directory.orgName(id)}
                      </Tag>
                    ))}
                  </div>
                  {!decided && p.status === 'OPEN' && waiting.length > 0 ? (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t('proposals.pending', { names: waiting.map((m) => m.name).join(t('separator')) })}
                    </Typography.Text>
                  ) : null}
                </Flex>
              );
            },
          },
          {
            title: t('reports.actions'),
            key: 'actions',
            width: 96,
            render: (_: unknown, p) =>
              p.status === 'OPEN' &&
              !decided &&
              binds &&
              myOrganization &&
              !p.approvedByOrganizationIds.includes(myOrganization) ? (
                <Flex vertical gap={4}>
                  <Button
                    size="small"
                    type="primary"
                    loading={approval.fetching}
                    onClick={() => void run(p.id)}
                  >
                    {t('proposals.approve')}
                  </Button>
                  {failed?.id === p.id ? <ApiErrorAlert problem={failed.problem} /> : null}
                </Flex>
              ) : null,
          },
        ]}
      />
    </Card>
  );
}
