import { App, Card, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { toApiProblem, type ApiProblem } from '../../api/errors';
import { useSession } from '../../auth/session';
import { MilestonesProposeDocument, MilestonesUpdateSplitDocument } from './queries';
import { FINAL_STATUSES, splitMode, type BasisPointShare } from './split';
import { SplitEditor } from './SplitEditor';

export interface SplitCardProps {
  milestone: {
    id: string;
    status: string;
    currency: string;
    rewardPoolMinor: number;
    riskAmountMinor: number;
    shares: readonly BasisPointShare[];
  };
  members: readonly { id: string; name: string }[];
  onChanged: () => void;
}

export function SplitCard({ milestone, members, onChanged }: SplitCardProps) {
  const { t } = useTranslation('milestones');
  const { message } = App.useApp();
  const session = useSession();
  const mode = splitMode(milestone.status, session.roles);
  const [updating, update] = useMutation(MilestonesUpdateSplitDocument);
  const [proposing, propose] = useMutation(MilestonesProposeDocument);
  const [problem, setProblem] = useState<ApiProblem | undefined>();
  const [saved, setSaved] = useState(0);

  const hint = FINAL_STATUSES.includes(milestone.status)
    ? t('split.finalHint')
    : mode === 'readonly'
      ? t('split.readOnlyHint')
      : mode === 'direct'
        ? t('split.proposedHint')
        : t('split.committedHint');

  const submit = async (shares: BasisPointShare[], reason: string) => {
    setProblem(undefined);
    const result =
      mode === 'direct'
        ? await update({ milestoneId: milestone.id, shares })
        : await propose({
            milestoneId: milestone.id,
            kind: 'CHANGE_SPLIT',
            reason,
            shares,
          });
    const failure = toApiProblem(result.error);
    if (failure) {
      setProblem(failure);
      return;
    }
    void message.success(mode === 'direct' ? t('split.saved') : t('split.proposed'));
    setSaved((n) => n + 1);
    onChanged();
  };

  return (
    <Card title={t('split.title')} size="small">
      <Typography.Paragraph type="secondary">{hint}</Typography.Paragraph>
      <SplitEditor
        // A new split, member list or accepted save starts the editor afresh; a refusal keeps what was typed.
        key={JSON.stringify([milestone.shares, members.map((m) => m.id), saved])}
        members={members}
        shares={milestone.shares}
        mode={mode}
        rewardPoolMinor={milestone.rewardPoolMinor}
        riskAmountMinor={milestone.riskAmountMinor}
        currency={milestone.currency}
        saving={updating.fetching || proposing.fetching}
        problem={problem}
        onSubmit={(shares, reason) => void submit(shares, reason)}
      />
    </Card>
  );
}
