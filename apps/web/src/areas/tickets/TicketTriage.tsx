import { App, Button, Card, Divider, Form, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, type CombinedError } from 'urql';
import { toApiProblem, type ApiProblem } from '../../api/errors';
import { useSession } from '../../auth/session';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { applyFieldProblems } from '../../components/formErrors';
import { graphql } from '../../gql';
import type { AssignTicketInput, TicketCategory, TicketSeverity, TriageTicketInput } from '../../gql/graphql';
import { useConsortiumId } from '../../layout/consortium';
import { CATEGORIES, SEVERITIES } from './ticket-meta';
import { useTicketOptions } from './useTicketOptions';

const TicketsTriageDocument = graphql(`
  mutation TicketsTriage($id: UUID!, $input: TriageTicketInput!) {
    triageTicket(id: $id, input: $input) {
      id
      version
      severity
      category
      labels
      responseDueAt
      resolutionDueAt
    }
  }
`);

const TicketsAssignDocument = graphql(`
  mutation TicketsAssign($id: UUID!, $input: AssignTicketInput!) {
    assignTicket(id: $id, input: $input) {
      id
      version
      assigneeOrganizationId
      assigneeUserId
    }
  }
`);

interface Triageable {
  id: string;
  version: number;
  severity: TicketSeverity;
  category: TicketCategory;
  labels: readonly string[];
  assigneeOrganizationId?: string | null;
  assigneeUserId?: string | null;
}

/** The ticket as it is now, from a refusal because someone else changed it since the forms were filled. */
function currentTicketOf(error: CombinedError | undefined): Omit<Triageable, 'id'> | undefined {
  const extensions = error?.graphQLErrors[0]?.extensions;
  if (extensions?.['code'] !== 'CONFLICT') return undefined;
  const current = extensions['current'] as Omit<Triageable, 'id'> | undefined;
  return typeof current?.version === 'number' ? current : undefined;
}

/**
 * Triage (severity, category, labels) and assignment (organisation, and a person of one's own).
 * Both send the version the forms were filled from: when someone else changed the ticket since,
 * nothing is saved, the forms show the ticket as it is now and the person makes the change again.
 */
export function TicketTriage({ ticket }: { ticket: Triageable }) {
  const { t } = useTranslation('tickets');
  const { message } = App.useApp();
  const me = useSession();
  const options = useTicketOptions(useConsortiumId());
  const [triageForm] = Form.useForm<TriageTicketInput>();
  const [assignForm] = Form.useForm<AssignTicketInput>();
  const [triageState, triage] = useMutation(TicketsTriageDocument);
  const [assignState, assign] = useMutation(TicketsAssignDocument);
  const [problems, setProblems] = useState<{ triage?: ApiProblem; assign?: ApiProblem }>({});
  const org = Form.useWatch('organizationId', assignForm) ?? ticket.assigneeOrganizationId;
  const [readVersion, setReadVersion] = useState(ticket.version);

  const refill = (error: CombinedError | undefined) => {
    const current = currentTicketOf(error);
    if (!current) return;
    setReadVersion(current.version);
    triageForm.setFieldsValue({
      severity: current.severity,
      category: current.category,
      labels: [...current.labels],
    });
    assignForm.setFieldsValue({
      organizationId: current.assigneeOrganizationId ?? undefined,
      userId: current.assigneeUserId ?? undefined,
    });
  };

  const saveTriage = async (input: TriageTicketInput) => {
    const result = await triage({
      id: ticket.id,
      input: {
        severity: input.severity,
        category: input.category,
        labels: input.labels ?? [],
        expectedVersion: readVersion,
      },
    });
    if (result.data) setReadVersion(result.data.triageTicket.version);
    refill(result.error);
    const problem = toApiProblem(result.error);
    setProblems((p) => ({ ...p, triage: problem }));
    applyFieldProblems(triageForm, problem, ['severity', 'category', 'labels']);
    if (!problem) void message.success(t('ticket.triaged'));
  };
  const saveAssign = async (input: AssignTicketInput) => {
    const userId = input.organizationId === me.organization?.id ? input.userId : undefined;
    const result = await assign({
      id: ticket.id,
      input: { organizationId: input.organizationId, userId: userId ?? null, expectedVersion: readVersion },
    });
    if (result.data) setReadVersion(result.data.assignTicket.version);
    refill(result.error);
    const problem = toApiProblem(result.error);
    setProblems((p) => ({ ...p, assign: problem }));
    applyFieldProblems(assignForm, problem, ['organizationId', 'userId']);
    if (!problem) void message.success(t('ticket.assigned'));
  };

  return (
    <Card size="small" title={t('ticket.triage')}>
      <Form
        form={triageForm}
        layout="vertical"
        initialValues={{ severity: ticket.severity, category: ticket.category, labels: [...ticket.labels] }}
        onFinish={(v) => void saveTriage(v)}
      >
        <Form.Item name="severity" label={t('fields.severity')}>
          <Select options={SEVERITIES.map((s) => ({ value: s, label: t(`severity.${s}`) }))} />
        </Form.Item>
        <Form.Item name="category" label={t('fields.category')}>
          <Select options={CATEGORIES.map((c) => ({ value: c, label: t(`category.${c}`) }))} />
        </Form.Item>
        <Form.Item name="labels" label={t('fields.labels')}>
          <Select mode="multiple" options={options.labels} />
        </Form.Item>
        <ApiErrorAlert problem={problems.triage} />
        <Button htmlType="submit" loading={triageState.fetching}>
          {t('ticket.triageSave')}
        </Button>
      </Form>
      <Divider style={{ margin: '16px 0' }} />
      <Form
        form={assignForm}
        layout="vertical"
        initialValues={{
          organizationId: ticket.assigneeOrganizationId ?? undefined,
          userId: ticket.assigneeUserId ?? undefined,
        }}
        onFinish={(v) => void saveAssign(v)}
      >
        <Form.Item
          name="organizationId"
          label={t('ticket.assigneeOrganization')}
          rules={[{ required: true, message: t('ticket.assigneeOrganization') }]}
        >
          <Select options={options.organizations} showSearch={{ optionFilterProp: 'label' }} />
        </Form.Item>
        {org && org === me.organization?.id ? (
          <Form.Item name="userId" label={t('ticket.assigneeUser')} extra={t('ticket.assigneeUserHelp')}>
            <Select allowClear options={options.people} showSearch={{ optionFilterProp: 'label' }} />
          </Form.Item>
        ) : null}
        <ApiErrorAlert problem={problems.assign} />
        <Button htmlType="submit" loading={assignState.fetching}>
          {t('ticket.assign')}
        </Button>
      </Form>
    </Card>
  );
}
