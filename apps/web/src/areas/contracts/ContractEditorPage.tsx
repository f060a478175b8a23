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
import { useConsortiumId } from '../../layout/consortium';
import { ClauseEditor } from './ClauseEditor';
import { reapplyEdits, type ReapplyNote } from './clause-editing';
import { datasetNamer } from './contract-types';
import { useEditorDraft } from './editor-draft';
import { EditorNotices } from './EditorNotices';
import { MyChangesView } from './MyChangesView';
import { ContractsEditDocument, ContractsLatestDocument } from './operations';
import { fromFormValues, toFormValues, validateTerms, type TermsFormValues } from './terms';
import { TermsForm } from './TermsForm';
import { useClauseComments } from './useClauseComments';

interface Values {
  terms: TermsFormValues;
  note: string;
}

/** A new version from the latest one; a stale save answers CONFLICT and offers to reapply. */
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
  const { draft, setDraft, restored, clear } = useEditorDraft(contractId);
  const [showRestored, setShowRestored] = useState(restored);
  const [formKey, setFormKey] = useState(0);
  const [tab, setTab] = useState('clauses');
  const [conflict, setConflict] = useState<number | null>(null);
  const [reapplied, setReapplied] = useState<{ version: number; notes: ReapplyNote[] } | null>(null);
  const [reloading, setReloading] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | undefined>();
  const [saveState, save] = useMutation(ContractsEditDocument);
  const contract = data?.dataSharingContract;
  const comments = useClauseComments(contractId, draft?.baseVersion);

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

  const onValuesChange = () => {
    const all = form.getFieldsValue(true) as Values;
    setDraft({ ...draft, terms: fromFormValues(all.terms), note: all.note ?? '' });
  };

  const submit = async () => {
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
    const result = await save({
      input: {
        contractId,
        baseVersion: draft.baseVersion,
        clauses: draft.clauses.map(({ key, title, text }) => ({ key, title, text })),
        terms: fromFormValues(values.terms),
        note: values.note ?? '',
      },
    });
    const failure = toApiProblem(result.error);
    if (failure?.code === 'CONFLICT') {
      const current = result.error?.graphQLErrors[0]?.extensions?.['currentVersion'];
      return setConflict(typeof current === 'number' ? current : draft.baseVersion + 1);
    }
    if (failure) {
      applyFieldProblems(form, failure, ['terms', 'note']);
      return setProblem(failure);
    }
    clear();
    void message.success(t('editor.saved', { n: result.data?.editContract.number ?? '' }));
    void navigate(`../${contractId}`);
  };

  const reapply = async () => {
    setReloading(true);
    const result = await client
      .query(ContractsLatestDocument, { id: contractId, consortiumId }, { requestPolicy: 'network-only' })
      .toPromise();
    setReloading(false);
    const latest = result.data?.dataSharingContract.version;
    if (!latest) return setProblem(toApiProblem(result.error));
    const theirs = { clauses: latest.clauses, terms: latest.terms };
    const merged = reapplyEdits(draft.base, { clauses: draft.clauses, terms: draft.terms }, theirs);
    setDraft({ ...draft, baseVersion: latest.number, base: theirs, ...merged.content });
    setFormKey((key) => key + 1);
    setConflict(null);
    setReapplied({ version: latest.number, notes: merged.notes });
    setTab('changes');
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
          clear();
          setShowRestored(false);
          setFormKey((key) => key + 1);
        }}
        conflict={conflict ? { current: conflict, base: draft.baseVersion } : null}
        reloading={reloading}
        onReapply={() => void reapply()}
        reapplied={reapplied}
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
                  onChange={(clauses) => setDraft({ ...draft, clauses })}
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
          ]}
        />
        <Card size="small" style={{ marginTop: 16 }}>
          <Form.Item name="note" label={t('editor.note')}>
            <Input.TextArea rows={2} maxLength={2000} placeholder={t('editor.notePlaceholder')} />
          </Form.Item>
          <Flex justify="end">
            <Button
              type="primary"
              loading={saveState.fetching}
              disabled={!editable}
              onClick={() => void submit()}
            >
              {t('editor.save')}
            </Button>
          </Flex>
        </Card>
      </Form>
      {comments.drawer}
    </Page>
  );
}
