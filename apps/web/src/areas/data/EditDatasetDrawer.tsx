import { App, Drawer, Form } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { toApiProblem, type ApiProblem } from '../../api/errors';
import { applyFieldProblems } from '../../components/formErrors';
import { DataUpdateMutation } from './data.queries';
import { toDatasetFields, toFormValues, type DatasetFormValues } from './dataset-form';
import type { DatasetData } from './DatasetDetails';
import { DatasetForm } from './DatasetForm';
import { DATASET_FIELDS } from './RegisterDatasetPage';

/** The owner's data steward edits a dataset (each save is a new version). */
export function EditDatasetDrawer({
  dataset,
  open,
  onClose,
  onSaved,
}: {
  dataset: DatasetData;
  open: boolean;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation('data');
  const { message } = App.useApp();
  const [form] = Form.useForm<DatasetFormValues>();
  const initialValues = useMemo(() => toFormValues(dataset), [dataset]);
  const [problem, setProblem] = useState<ApiProblem>();
  const [{ fetching }, update] = useMutation(DataUpdateMutation);

  const onFinish = async (values: DatasetFormValues) => {
    setProblem(undefined);
    const result = await update({ id: dataset.id, input: toDatasetFields(values, dataset.metadata) });
    const failure = toApiProblem(result.error);
    if (failure) {
      setProblem(failure);
      applyFieldProblems(form, failure, DATASET_FIELDS);
      return;
    }
    void message.success(t('form.updated'));
    onSaved();
  };

  return (
    <Drawer title={t('form.editTitle')} open={open} onClose={onClose} size={880} destroyOnHidden>
      <DatasetForm
        form={form}
        initialValues={initialValues}
        onFinish={(values) => void onFinish(values)}
        submitting={fetching}
        problem={problem}
        submitLabel={t('form.editTitle')}
      />
    </Drawer>
  );
}
