import { Alert, App, Button, Card, Flex, Form, Input, Tabs, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useClient, useMutation, useQuery } from 'urql';
import { toApiProblem, type ApiProblem } from '../../api/errors';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { applyFieldProblems } from '../../components/formErrors';
import { Page } from '../../components/Page';
import { PageLoading } from '../../components/PageLoading';
import type { ContractChangesInput, ContractEditSide } from '../../gql/graphql';
import { useConsortiumId } from '../../layout/consortium';
import { ClauseEditor } from './ClauseEditor';
import { datasetNamer } from './contract-types';
import { contractChanges, hasChanges } from './edit-patch';
import { useEditorDraft, type EditorDraft } from './editor-draft';
import { EditorNotices } from './EditorNotices';
import { EditReview, type EditPreview } from './EditReview';
import { MyChangesView } from './MyChangesView';
import { ContractsEditDocument, ContractsLatestDocument, ContractsPreviewEditDocument } from './operations';
import { fromFormValues, toFormValues, validateTerms, type TermsFormValues } from './terms';
import { TermsForm } from './TermsForm';
import { useClauseComments } from './useClauseComments';

interface Values {
  terms: TermsFormValues;
  note: string;
}

interface Review {
  changes: ContractChangesInput;
  preview: EditPreview;
  /** The save found the result had changed since this review was shown, so it was reviewed again. */
  again: boolean;
}

/**
 * A new version from the version the person opened: what they change is sent as a patch, the
 * server merges it onto the latest version and shows the result (conflicts to decide, the diff
 * against the latest version), and the save carries the hash of exactly that reviewed result.
 */
export function ContractEditorPage() {
  const { t } = useTranslation('contracts');
  const { contractId = '' } = useParams();
  const consortiumId = useConsortiumId();
  const navigate = useNavigate();
  const client = useClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [{ data, error }, refetch] = useQuery({
    query: ContractsLatestDocument,
    variables: { id: contractId, consortiumId },
    requestPolicy: 'network-only',
  });
  const { draft, setDraft, restored, clear, reset } = useEditorDraft(contractId);
  const [showRestored, setShowRestored] = useState(restored);
  const [formKey, setFormKey] = useState(0);
  const [tab, setTab] = useState('clauses');
  const [review, setReview] = useState<Review | null>(null);
  const [resolutions, setResolutions] = useState<Record<string, ContractEditSide>>({});
  const [reviewing, setReviewing] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | undefined>();
  const [saveState, save] = useMutation(ContractsEditDocument);
  const contract = data?.dataSharingContract;
  const comments = useClauseComments(contractId, draft?.baseVersion);

  const fromLatest = (): EditorDraft | null => {
    if (!contract) return null;
    const content = { clauses: contract.version.clauses, terms: contract.version.terms };
    return { baseVersion: contract.version.number, base: content, ...content, note: '' };
  };

  useEffect(() => {
    if (draft || !contract) return;
    const content = { clauses: contract.version.clauses, terms: contract.version.terms };
    setDraft({ baseVersion: contract.version.number, base: content, ...content, note: '' });
  }, [contract, draft, setDraft]);

  if (!contract || !draft) {
    const loadProblem = toApiProblem(error);
    return loadProblem ? (
      <ApiErrorAlert problem={loadProblem} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
    ) : (
      <PageLoading />
    );
  }
  const providerDatasets = (data?.datasets.nodes ?? []).filter((dataset) =>
    contract.providerOrganizationIds.includes(dataset.ownerOrganizationId),
  );
  const nameOf = datasetNamer(data?.datasets.nodes ?? []);
  const editable = contract.status === 'DRAFT' || contract.status === 'IN_NEGOTIATION';

  const changed = (next: EditorDraft) => {
    setDraft(next);
    setReview(null);
  };

  const onValuesChange = () => {
    const all = form.getFieldsValue(true) as Values;
    changed({ ...draft, terms: fromFormValues(all.terms), note: all.note ?? '' });
  };

  /** Asks the server what saving would store, with the sides chosen so far. */
  const requestReview = async (chosen: Record<string, ContractEditSide>, again = false) => {
    setProblem(undefined);
    const values = form.getFieldsValue(true) as Values;
    const termProblems = validateTerms(values.terms);
    form.setFields(
      termProblems.map(({ name, problem: key }) => ({
        name: ['terms', ...name] as never,
        errors: [t(`editor.problems.${key}`)],
      })),
    );
    if (termProblems.length > 0) return setTab('terms');
    if (draft.clauses.some((clause) => !clause.title.trim() || !clause.text.trim())) {
      setTab('clauses');
      return void message.error(t('editor.clauseTitleRequired'));
    }
    const changes = contractChanges(draft.base, {
      clauses: draft.clauses,
      terms: fromFormValues(values.terms),
    });
    if (!hasChanges(changes)) return void message.info(t('review.nothingChanged'));
    setReviewing(true);
    const result = await client
      .query(
        ContractsPreviewEditDocument,
        {
          input: {
            contractId,
            baseVersion: draft.baseVersion,
            changes,
            resolutions: Object.entries(chosen).map(([path, keep]) => ({ path, keep })),
          },
        },
        { requestPolicy: 'network-only' },
      )
      .toPromise();
    setReviewing(false);
    const failure = toApiProblem(result.error);
    if (failure || !result.data) {
      applyFieldProblems(form, failure, ['terms', 'note']);
      return setProblem(failure);
    }
    setReview({ changes, preview: result.data.previewContractEdit, again });
    setTab('review');
  };

  const resolve = (path: string, side: ContractEditSide) => {
    const chosen = { ...resolutions, [path]: side };
    setResolutions(chosen);
    void requestReview(chosen);
  };

  const submit = async () => {
    if (!review?.preview.contentHash) return;
    setProblem(undefined);
    const values = form.getFieldsValue(true) as Values;
    const result = await save({
      input: {
        contractId,
        baseVersion: draft.baseVersion,
        changes: review.changes,
        resolutions: Object.entries(resolutions).map(([path, keep]) => ({ path, keep })),
        reviewedHash: review.preview.contentHash,
        note: values.note ?? '',
      },
    });
    const failure = toApiProblem(result.error);
    // Someone saved since the review: nothing was stored; show the new merge for a fresh review.
    if (failure?.code === 'CONFLICT') return void requestReview(resolutions, true);
    if (failure) {
      applyFieldProblems(form, failure, ['terms', 'note']);
      return setProblem(failure);
    }
    clear();
    void message.success(t('editor.saved', { n: result.data?.editContract.number ?? '' }));
    void navigate(`../${contractId}`);
  };

  return (
    <Page
      title={t('editor.title', { title: contract.title })}
      extra={
        <>
          <Tag color="blue" style={{ alignSelf: 'center' }}>
            {t('editor.baseVersion', { n: draft.baseVersion })}
          </Tag>
          <Link to={`../${contractId}`}>
            <Button>{t('editor.cancel')}</Button>
          </Link>
        </>
      }
    >
      {!editable ? (
        <Alert
          type="warning"
          showIcon
          title={t('editor.notEditable', { status: t(`status.${contract.status}`) })}
          style={{ marginBottom: 16 }}
        />
      ) : null}
      <EditorNotices
        restoredVersion={showRestored ? draft.baseVersion : null}
        onDiscard={() => {
          const latest = fromLatest();
          if (latest) reset(latest);
          setShowRestored(false);
          setReview(null);
          setResolutions({});
          setFormKey((key) => key + 1);
        }}
      />
      <ApiErrorAlert problem={problem} />
      <Form<Values>
        key={formKey}
        form={form}
        layout="vertical"
        initialValues={{ terms: toFormValues(draft.terms), note: draft.note }}
        onValuesChange={onValuesChange}
        disabled={!editable}
      >
        <Tabs
          activeKey={tab}
          onChange={setTab}
          items={[
            {
              key: 'clauses',
              label: t('editor.clausesTab'),
              children: (
                <ClauseEditor
                  clauses={draft.clauses}
                  base={draft.base.clauses}
                  onChange={(clauses) => changed({ ...draft, clauses })}
                  clauseExtra={comments.clauseExtra}
                />
              ),
            },
            {
              key: 'terms',
              label: t('editor.termsTab'),
              forceRender: true,
              children: <TermsForm datasets={providerDatasets} />,
            },
            {
              key: 'changes',
              label: t('editor.changesTab', { n: draft.baseVersion }),
              children: (
                <MyChangesView
                  base={draft.base}
                  baseVersion={draft.baseVersion}
                  mine={draft}
                  datasetName={nameOf}
                />
              ),
            },
            ...(review
              ? [
                  {
                    key: 'review',
                    label: t('review.tab', { n: review.preview.newVersion }),
                    children: (
                      <EditReview
                        preview={review.preview}
                        datasetName={nameOf}
                        resolutions={resolutions}
                        onResolve={resolve}
                        onSave={() => void submit()}
                        saving={saveState.fetching || reviewing}
                        reviewedAgain={review.again}
                      />
                    ),
                  },
                ]
              : []),
          ]}
        />
        <Card size="small" style={{ marginTop: 16 }}>
          <Form.Item name="note" label={t('editor.note')}>
            <Input.TextArea rows={2} maxLength={2000} placeholder={t('editor.notePlaceholder')} />
          </Form.Item>
          <Flex justify="end">
            <Button
              type={review ? 'default' : 'primary'}
              loading={reviewing}
              disabled={!editable}
              onClick={() => void requestReview(resolutions)}
            >
              {t('review.start')}
            </Button>
          </Flex>
        </Card>
      </Form>
      {comments.drawer}
    </Page>
  );
}
