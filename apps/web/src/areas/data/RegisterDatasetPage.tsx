import { App, Alert, Form, Select } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { toApiProblem, type ApiProblem } from '../../api/errors';
import { useSession } from '../../auth/session';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { applyFieldProblems } from '../../components/formErrors';
import { Page } from '../../components/Page';
import { PageLoading } from '../../components/PageLoading';
import { useConsortiumId } from '../../layout/consortium';
import { DataRegisterMutation, DataScenariosQuery } from './data.queries';
import { EMPTY_DATASET, toDatasetFields, type DatasetFormValues } from './dataset-form';
import { DatasetForm } from './DatasetForm';
import { clearDraft, loadDraft, saveDraft } from './drafts';

export const DATASET_FIELDS = [...Object.keys(EMPTY_DATASET), 'scenarioId', 'metadata'];

/** A data steward registers a dataset of their organisation, in a scenario of this consortium. */
export function RegisterDatasetPage() {
  const { t } = useTranslation('data');
  const { message } = App.useApp();
  const session = useSession();
  const consortiumId = useConsortiumId();
  const navigate = useNavigate();
  const draftKey = `tetrad.data.register.${consortiumId}`;
  const initialValues = useMemo(() => loadDraft<DatasetFormValues>(draftKey, EMPTY_DATASET), [draftKey]);
  const [form] = Form.useForm<DatasetFormValues>();
  const [problem, setProblem] = useState<ApiProblem>();
  const [scenarios] = useQuery({ query: DataScenariosQuery, variables: { consortiumId } });
  const [{ fetching }, register] = useMutation(DataRegisterMutation);

  if (!session.roles.includes('DATA_STEWARD'))
    return (
      <Page title={t('form.registerTitle')}>
        <Alert type="info" showIcon title={t('form.notAllowed')} />
      </Page>
    );

  const onFinish = async (values: DatasetFormValues) => {
    setProblem(undefined);
    const result = await register({ input: { ...toDatasetFields(values), scenarioId: values.scenarioId! } });
    const failure = toApiProblem(result.error);
    if (failure || !result.data) {
      setProblem(failure);
      applyFieldProblems(form, failure, DATASET_FIELDS);
      return;
    }
    clearDraft(draftKey);
    void message.success(t('form.registered'));
    void navigate(`../${result.data.registerDataset.id}`, { relative: 'path' });
  };

  const scenarioOptions = (scenarios.data?.scenarios.nodes ?? []).map((s) => ({
    value: s.id,
    label: `${s.name} · ${s.site}`,
  }));

  return (
    <Page title={t('form.registerTitle')} extra={<Link to="..">{t('dataset.back')}</Link>}>
      <ApiErrorAlert problem={toApiProblem(scenarios.error)} />
      {scenarios.fetching && !scenarios.data ? (
        <PageLoading />
      ) : (
        <>
          {scenarios.data && scenarioOptions.length === 0 ? (
            <Alert type="warning" showIcon title={t('form.noScenario')} style={{ marginBottom: 16 }} />
          ) : null}
          <DatasetForm
            form={form}
            initialValues={initialValues}
            onFinish={(values) => void onFinish(values)}
            onValuesChange={() => saveDraft(draftKey, form.getFieldsValue(true))}
            submitting={fetching}
            problem={problem}
            submitLabel={t('form.registerTitle')}
            scenarioField={
              <Form.Item
                name="scenarioId"
                label={t('form.scenario')}
                rules={[{ required: true, message: t('form.required', { field: t('form.scenario') }) }]}
              >
                <Select placeholder={t('form.scenarioPlaceholder')} options={scenarioOptions} />
              </Form.Item>
            }
          />
        </>
      )}
    </Page>
  );
}
