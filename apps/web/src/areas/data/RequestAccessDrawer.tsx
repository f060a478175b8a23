import { Button, Drawer, Form, Result } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { toApiProblem, type ApiProblem } from '../../api/errors';
import { applyFieldProblems } from '../../components/formErrors';
import { useConsortiumId } from '../../layout/consortium';
import { DataPurposeMatchQuery, DataSubmitRequestMutation } from './data.queries';
import { clearDraft, loadDraft, saveDraft } from './drafts';
import { MatchVerdict } from './MatchVerdict';
import { EMPTY_REQUEST, previewVariables, toSubmitInput, type RequestAccessValues } from './request-access';
import { RequestAccessForm } from './RequestAccessForm';
import { useDebounced } from './useDebounced';

const FIELDS = ['purpose', 'durationDays', 'intendedOutputs', 'securityMeasures', 'datasetIds'];

/** The request-access drawer of one dataset: the matcher's preview (purposeMatch), then submit. */
export function RequestAccessDrawer({
  dataset,
  open,
  onClose,
}: {
  dataset: { id: string; name: string };
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation('data');
  const consortiumId = useConsortiumId();
  const draftKey = `tetrad.data.request.${dataset.id}`;
  const initialValues = useMemo(() => loadDraft<RequestAccessValues>(draftKey, EMPTY_REQUEST), [draftKey]);
  const [form] = Form.useForm<RequestAccessValues>();
  const [values, setValues] = useState<RequestAccessValues>(initialValues);
  const preview = useDebounced(previewVariables(values, [dataset.id]));
  const [match] = useQuery({
    query: DataPurposeMatchQuery,
    variables: preview ?? { datasetIds: [], purpose: 'RESEARCH', durationDays: 1 },
    pause: !preview || !open,
  });
  const [{ fetching }, submit] = useMutation(DataSubmitRequestMutation);
  const [problem, setProblem] = useState<ApiProblem>();
  const [submitted, setSubmitted] = useState<{ id: string; advice?: (typeof adviceList)[number] }>();
  const adviceList = match.data?.purposeMatch ?? [];
  const advice = preview ? adviceList.find((m) => m.datasetId === dataset.id) : undefined;

  const onSubmit = async (all: RequestAccessValues) => {
    setProblem(undefined);
    const result = await submit({ input: toSubmitInput(all, [dataset.id]) });
    const failure = toApiProblem(result.error);
    if (failure || !result.data) {
      setProblem(failure);
      applyFieldProblems(form, failure, FIELDS);
      return;
    }
    clearDraft(draftKey);
    const request = result.data.submitDataAccessRequest;
    setSubmitted({
      id: request.id,
      advice: request.items.find((i) => i.datasetId === dataset.id)?.purposeMatch,
    });
  };

  return (
    <Drawer
      title={t('request.title', { name: dataset.name })}
      open={open}
      onClose={onClose}
      size={560}
      destroyOnHidden
    >
      {submitted ? (
        <Result
          status="success"
          title={t('request.submitted')}
          extra={
            <Link to={`/c/${consortiumId}/reviews/${submitted.id}`}>
              <Button type="primary">{t('request.viewRequest')}</Button>
            </Link>
          }
        >
          {submitted.advice ? <MatchVerdict advice={submitted.advice} /> : null}
        </Result>
      ) : (
        <RequestAccessForm
          form={form}
          initialValues={initialValues}
          advice={advice}
          matching={match.fetching}
          matchProblem={preview ? toApiProblem(match.error) : undefined}
          onValuesChange={(all) => {
            setValues(all);
            saveDraft(draftKey, all);
          }}
          onSubmit={(all) => void onSubmit(all)}
          submitting={fetching}
          problem={problem}
        />
      )}
    </Drawer>
  );
}
