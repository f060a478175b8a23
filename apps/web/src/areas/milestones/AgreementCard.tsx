import { CheckCircleFilled, ClockCircleOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Flex, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { toApiProblem, type ApiProblem } from '../../api/errors';
import { useSession } from '../../auth/session';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import type { MilestonesMilestoneQuery } from '../../gql/graphql';
import { useFormat } from '../../i18n/i18n';
import { acceptRefusal, canAccept, canAmend, shortHash } from './agreement';
import { AmendTermsButton } from './AmendTermsButton';
import { MilestonesAcceptTermsDocument } from './queries';
import { TOTAL_BASIS_POINTS } from './split';
import type { Directory } from './useDirectory';

type Milestone = MilestonesMilestoneQuery['milestone'];
type Party = Milestone['parties'][number];

/**
 * The terms as an agreement: their version and hash, every bound party with its share, whether it
 * funds the reward or receives the risk and whether it accepted, who must act next, and the
 * accept (and amend) actions for the signed-in person when they may take them.
 */
export function AgreementCard({
  milestone,
  directory,
  onChanged,
}: {
  milestone: Milestone;
  directory: Directory;
  onChanged: () => void;
}) {
  const { t } = useTranslation('milestones');
  const format = useFormat();
  const { message } = App.useApp();
  const session = useSession();
  const organizationId = session.organization?.id;
  const [acceptance, accept] = useMutation(MilestonesAcceptTermsDocument);
  const [problem, setProblem] = useState<ApiProblem | undefined>();
  const proposed = milestone.status === 'PROPOSED';
  const mayAccept = canAccept(milestone, organizationId, session.roles);
  const refusal = acceptRefusal(problem);

  const run = async () => {
    setProblem(undefined);
    // Exactly the terms shown: if they changed meanwhile, the API refuses and nothing is accepted.
    const result = await accept({ milestoneId: milestone.id, termsHash: milestone.termsHash });
    const failure = toApiProblem(result.error);
    if (failure) {
      setProblem(failure);
      return;
    }
    void message.success(
      result.data?.acceptMilestoneTerms.status === 'COMMITTED'
        ? t('agreement.committedNow')
        : t('agreement.accepted'),
    );
    onChanged();
  };

  const marks = (party: Party) => (
    <Flex gap={4} wrap>
      {party.fundsReward ? <Tag color="green">{t('agreement.funds')}</Tag> : null}
      {party.receivesRisk ? <Tag color="volcano">{t('agreement.receivesRisk')}</Tag> : null}
      {party.organizationId === milestone.proposedByOrganizationId ? (
        <Tag>{t('agreement.proposer')}</Tag>
      ) : null}
    </Flex>
  );

  return (
    <Card
      title={t('agreement.title')}
      size="small"
      data-testid="agreement"
      extra={
        canAmend(milestone.status, organizationId, session.roles) ? (
          <AmendTermsButton milestone={milestone} directory={directory} onAmended={onChanged} />
        ) : null
      }
    >
      <Flex vertical gap={12}>
        {proposed ? (
          <Alert type="warning" showIcon title={t('agreement.proposedLead')} />
        ) : milestone.committedAt ? (
          <Alert
            type="success"
            showIcon
            title={t('agreement.committedLead', { date: format.dateTime(milestone.committedAt) })}
          />
        ) : null}
        <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }}>
          <Descriptions.Item label={t('agreement.version')}>
            {t('agreement.versionN', { n: milestone.termsVersion })}
          </Descriptions.Item>
          <Descriptions.Item label={t('agreement.hash')}>
            <Tooltip title={milestone.termsHash}>
              <Typography.Text code data-testid="terms-hash">
                {shortHash(milestone.termsHash)}
              </Typography.Text>
            </Tooltip>
          </Descriptions.Item>
          <Descriptions.Item label={t('agreement.funder')}>
            {directory.orgName(milestone.rewardFunderOrganizationId)}
          </Descriptions.Item>
          <Descriptions.Item label={t('agreement.beneficiary')}>
            {directory.orgName(milestone.riskBeneficiaryOrganizationId)}
          </Descriptions.Item>
          {milestone.committedTermsHash && milestone.committedTermsHash !== milestone.termsHash ? (
            <Descriptions.Item label={t('agreement.committedHash')}>
              <Typography.Text code>{shortHash(milestone.committedTermsHash)}</Typography.Text>
            </Descriptions.Item>
          ) : null}
        </Descriptions>
        <Table
          rowKey="organizationId"
          size="small"
          pagination={false}
          dataSource={[...milestone.parties]}
          scroll={{ x: 640 }}
          columns={[
            { title: t('agreement.party'), dataIndex: 'name' },
            {
              title: t('agreement.share'),
              dataIndex: 'basisPoints',
              align: 'right',
              render: (bp: number) => format.percent(bp / TOTAL_BASIS_POINTS),
            },
            { title: t('agreement.role'), key: 'role', render: (_: unknown, party) => marks(party) },
            {
              title: t('agreement.acceptance'),
              dataIndex: 'acceptedAt',
              render: (acceptedAt: string | null | undefined) =>
                acceptedAt ? (
                  <Tag color="success" icon={<CheckCircleFilled />}>
                    {t('agreement.acceptedAt', { date: format.dateTime(acceptedAt) })}
                  </Tag>
                ) : (
                  <Tag color="warning" icon={<ClockCircleOutlined />}>
                    {t('agreement.notYet')}
                  </Tag>
                ),
            },
          ]}
        />
        {proposed && milestone.awaitingAcceptanceFrom.length > 0 ? (
          <div data-testid="must-act">
            <Typography.Text strong>{t('agreement.mustAct')}</Typography.Text>
            <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
              {milestone.awaitingAcceptanceFrom.map((party) => {
                const people = milestone.parties.find((p) => p.organizationId === party.id)?.people ?? [];
                return (
                  <li key={party.id}>
                    {t('agreement.mustActParty', { name: party.name })}
                    {people.length > 0
                      ? t('agreement.mustActPeople', { people: people.join(t('separator')) })
                      : null}
                  </li>
                );
              })}
            </ul>
          </div>
        ) : null}
        {mayAccept ? (
          <Flex vertical gap={8} align="start">
            <Typography.Text type="secondary">
              {t('agreement.acceptHint', {
                organization: session.organization?.name ?? '',
                n: milestone.termsVersion,
                hash: shortHash(milestone.termsHash),
              })}
            </Typography.Text>
            <Button type="primary" loading={acceptance.fetching} onClick={() => void run()}>
              {t('agreement.accept', { n: milestone.termsVersion })}
            </Button>
          </Flex>
        ) : null}
        {refusal ? (
          <Alert
            type="error"
            showIcon
            title={t(`agreement.refusal.${refusal}`)}
            action={
              refusal === 'stale' || refusal === 'alreadyAccepted' || refusal === 'notProposed' ? (
                <Button size="small" onClick={onChanged}>
                  {t('agreement.reload')}
                </Button>
              ) : undefined
            }
          />
        ) : null}
        <ApiErrorAlert problem={problem} />
      </Flex>
    </Card>
  );
}
