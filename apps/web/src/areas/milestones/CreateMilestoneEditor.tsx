import { Alert, Button, Flex, Form } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiProblem } from '../../api/errors';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { applyFieldProblems } from '../../components/formErrors';
import {
  changedFieldNames,
  createInput,
  createProblems,
  formProblem,
  MAX_TARGETS,
  type CreateMilestoneInputValues,
  type CreateValues,
  type FieldProblem,
} from './createMilestone';
import {
  CreateMilestoneForm,
  fieldsFromValues,
  valuesFromFields,
  type CreateFields,
} from './CreateMilestoneForm';
import { readDraft, writeDraft } from '../../components/draft';
import type { Directory } from './useDirectory';

const KNOWN = [
  'scenarioId',
  'name',
  'description',
  'windowStart',
  'windowEnd',
  'dueAt',
  'currency',
  'rewardPoolYuan',
  'riskAmountYuan',
  'targets',
  'split',
  'rewardFunderOrganizationId',
  'riskBeneficiaryOrganizationId',
];

/** Problems on the same field read as one message each. */
function byField(problems: FieldProblem[], text: (p: FieldProblem) => string) {
  const fields = new Map<string, { name: (string | number)[]; errors: string[] }>();
  for (const problem of problems) {
    const key = problem.name.join('.');
    const entry = fields.get(key) ?? { name: problem.name, errors: [] };
    entry.errors.push(text(problem));
    fields.set(key, entry);
  }
  return [...fields.values()];
}

export interface CreateMilestoneEditorProps {
  directory: Directory;
  /** Where what is typed is kept (sessionStorage) until the milestone is created. */
  draftKey: string;
  saving: boolean;
  /** Sends the input; resolves to the API's refusal, or nothing once created. */
  onCreate: (input: CreateMilestoneInputValues) => Promise<ApiProblem | undefined>;
  onCancel: () => void;
  /** Amending proposed terms: these values when there is no draft, the scenario fixed. */
  amend?: { values: CreateValues; submitLabel: string };
}

/**
 * The form with its checks: the browser's own first (each on its field), then the API's refusal,
 * its field problems on the fields. Nothing typed is cleared by a refusal.
 */
export function CreateMilestoneEditor({
  directory,
  draftKey,
  saving,
  onCreate,
  onCancel,
  amend,
}: CreateMilestoneEditorProps) {
  const { t } = useTranslation('milestones');
  // Untyped: problems name nested fields by path (['targets', 0, 'value']).
  const [form] = Form.useForm();
  const initial = useMemo(
    () => fieldsFromValues(readDraft<CreateValues>(draftKey) ?? amend?.values),
    // The values an amendment starts from are read once, as the terms were when it opened.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [draftKey],
  );
  const [problem, setProblem] = useState<ApiProblem | undefined>();
  const [unmatched, setUnmatched] = useState<string[]>([]);

  const submit = async () => {
    setProblem(undefined);
    setUnmatched([]);
    const values = valuesFromFields(form.getFieldsValue(true) as CreateFields);
    const kpis = values.scenarioId ? directory.kpisOf(values.scenarioId) : [];
    const problems = createProblems(values, kpis, directory.members);
    // What was refused before is cleared (nested target fields too); what is wrong now is marked.
    form.setFields(form.getFieldsError().map(({ name }) => ({ name, errors: [] })));
    if (problems.length > 0) {
      form.setFields(byField(problems, (p) => t(`create.problem.${p.key}`, { max: MAX_TARGETS })));
      form.scrollToField(problems[0]!.name, { block: 'center' });
      return;
    }
    const failure = await onCreate(createInput(values, kpis, directory.members));
    if (failure) {
      setProblem(failure);
      setUnmatched(applyFieldProblems(form, formProblem(failure), KNOWN));
    }
  };

  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={initial}
      onFinish={() => void submit()}
      onValuesChange={(changed: Record<string, unknown>, all: CreateFields) => {
        writeDraft(draftKey, valuesFromFields(all));
        // The fields carry no rules of their own: a corrected field loses its old refusal here.
        form.setFields(changedFieldNames(changed).map((name) => ({ name, errors: [] })));
      }}
      style={{ maxWidth: 1080 }}
    >
      <CreateMilestoneForm form={form} directory={directory} amending={Boolean(amend)} />
      <Flex vertical gap={8} style={{ marginTop: 16 }}>
        <ApiErrorAlert problem={problem} />
        {unmatched.length > 0 ? <Alert type="error" title={unmatched.join(' ')} /> : null}
        <Flex gap={8}>
          <Button type="primary" htmlType="submit" loading={saving}>
            {amend?.submitLabel ?? t('create.submit')}
          </Button>
          <Button onClick={onCancel}>{t('create.cancel')}</Button>
        </Flex>
      </Flex>
    </Form>
  );
}
