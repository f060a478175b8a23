import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, App, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useMutation } from 'urql';
import { toApiProblem } from '../../api/errors';
import { useSession } from '../../auth/session';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { Page } from '../../components/Page';
import { useConsortiumId } from '../../layout/consortium';
import type { CreateMilestoneInputValues } from './createMilestone';
import { CreateMilestoneEditor } from './CreateMilestoneEditor';
import { clearDraft } from '../../components/draft';
import { MilestonesCreateDocument } from './queries';
import { useDirectory } from './useDirectory';

/** "新建里程碑": a member organisation's admin sets targets, window, amounts and the split. */
export function CreateMilestonePage() {
  const { t } = useTranslation('milestones');
  const { message } = App.useApp();
  const navigate = useNavigate();
  const consortiumId = useConsortiumId();
  const session = useSession();
  // The API lets only a member organisation's admin create milestones.
  const allowed = session.roles.includes('ORG_ADMIN') && Boolean(session.organization);
  const directory = useDirectory(consortiumId);
  const draftKey = `tetrad.milestones.create.${consortiumId}`;
  const [creation, create] = useMutation(MilestonesCreateDocument);
  const list = `/c/${consortiumId}/milestones`;

  const onCreate = async (input: CreateMilestoneInputValues) => {
    const result = await create({ input });
    const failure = toApiProblem(result.error);
    if (failure || !result.data) return failure;
    clearDraft(draftKey);
    void message.success(t('create.created'));
    void navigate(`${list}/${result.data.createMilestone.id}`);
    return undefined;
  };

  const back = (
    <Link to={list}>
      <Button icon={<ArrowLeftOutlined />}>{t('milestone.back')}</Button>
    </Link>
  );
  return (
    <Page title={t('create.title')} extra={back}>
      {allowed ? (
        <>
          <ApiErrorAlert problem={directory.problem} onRetry={() => directory.refetch()} />
          <CreateMilestoneEditor
            directory={directory}
            draftKey={draftKey}
            saving={creation.fetching}
            onCreate={onCreate}
            onCancel={() => void navigate(list)}
          />
        </>
      ) : (
        <Alert type="info" showIcon title={t('create.notAllowed')} />
      )}
    </Page>
  );
}
