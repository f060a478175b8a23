import { App, Button, Drawer } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { toApiProblem } from '../../api/errors';
import { clearDraft } from '../../components/draft';
import type { MilestonesMilestoneQuery } from '../../gql/graphql';
import { termsChanges, valuesFromTerms } from './agreement';
import type { CreateMilestoneInputValues } from './createMilestone';
import { CreateMilestoneEditor } from './CreateMilestoneEditor';
import { MilestonesAmendTermsDocument } from './queries';
import type { Directory } from './useDirectory';

type Milestone = MilestonesMilestoneQuery['milestone'];

/**
 * A member admin changes proposed terms in the create form, against the terms hash read; every
 * acceptance so far is void (the admin's own organisation accepts the new terms as it amends).
 */
export function AmendTermsButton({
  milestone,
  directory,
  onAmended,
}: {
  milestone: Milestone;
  directory: Directory;
  onAmended: () => void;
}) {
  const { t } = useTranslation('milestones');
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [amendment, amend] = useMutation(MilestonesAmendTermsDocument);
  const draftKey = `tetrad.milestones.amend.${milestone.id}.${milestone.termsHash}`;

  const onSubmit = async (input: CreateMilestoneInputValues) => {
    const result = await amend({
      milestoneId: milestone.id,
      baseTermsHash: milestone.termsHash,
      changes: termsChanges(input),
    });
    const failure = toApiProblem(result.error);
    if (failure) return failure;
    clearDraft(draftKey);
    void message.success(t('agreement.amended'));
    setOpen(false);
    onAmended();
    return undefined;
  };

  return (
    <>
      <Button size="small" onClick={() => setOpen(true)}>
        {t('agreement.amend')}
      </Button>
      <Drawer
        open={open}
        title={t('agreement.amendTitle', { n: milestone.termsVersion })}
        size={960}
        onClose={() => setOpen(false)}
        destroyOnHidden
      >
        <CreateMilestoneEditor
          directory={directory}
          draftKey={draftKey}
          saving={amendment.fetching}
          onCreate={onSubmit}
          onCancel={() => setOpen(false)}
          amend={{
            values: valuesFromTerms(milestone, directory.kpisOf(milestone.scenarioId)),
            submitLabel: t('agreement.amendSubmit'),
          }}
        />
      </Drawer>
    </>
  );
}
