import { Alert, Button, Card, Col, Form, Input, Row, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useMutation } from 'urql';
import { toApiProblem, type ApiProblem } from '../../api/errors';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { applyFieldProblems } from '../../components/formErrors';
import { Page } from '../../components/Page';
import { graphql } from '../../gql';
import type { RaiseTicketInput } from '../../gql/graphql';
import { useConsortiumId } from '../../layout/consortium';
import { clearDraft, readDraft, writeDraft } from '../../components/draft';
import { MarkdownField } from './MarkdownField';
import { CATEGORIES, SEVERITIES } from './ticket-meta';
import { useTicketOptions } from './useTicketOptions';

const TicketsRaiseDocument = graphql(`
  mutation TicketsRaise($input: RaiseTicketInput!) {
    raiseTicket(input: $input) {
      id
      number
      status
    }
  }
`);

const FIELDS = ['scenarioId', 'title', 'description', 'category', 'severity', 'labels'];

/** Raise a pain point: the form keeps every word through a failed save and a reload. */
export function RaiseTicketPage() {
  const { t } = useTranslation('tickets');
  const { t: tc } = useTranslation();
  const navigate = useNavigate();
  const consortiumId = useConsortiumId();
  const options = useTicketOptions(consortiumId);
  const draftKey = `tetrad.tickets.raise.${consortiumId}`;
  const [form] = Form.useForm<RaiseTicketInput>();
  const [{ fetching }, raise] = useMutation(TicketsRaiseDocument);
  const [problem, setProblem] = useState<ApiProblem>();
  const initial: Partial<RaiseTicketInput> = {
    category: 'OTHER',
    severity: 'MEDIUM',
    labels: [],
    ...readDraft<RaiseTicketInput>(draftKey),
  };

  const submit = async (input: RaiseTicketInput) => {
    setProblem(undefined);
    const result = await raise({
      input: { ...input, title: input.title.trim(), labels: input.labels ?? [] },
    });
    const failed = toApiProblem(result.error);
    if (failed || !result.data) {
      setProblem(failed);
      applyFieldProblems(form, failed, FIELDS);
      return;
    }
    clearDraft(draftKey);
    void navigate(`/c/${consortiumId}/tickets/${result.data.raiseTicket.id}`);
  };

  return (
    <Page
      title={t('raiseForm.title')}
      extra={
        <Button onClick={() => void navigate(`/c/${consortiumId}/tickets`)}>{tc('actions.cancel')}</Button>
      }
    >
      <Card>
        <ApiErrorAlert problem={options.problem} />
        {!options.fetching && options.scenarios.length === 0 ? (
          <Alert type="info" showIcon title={t('raiseForm.noScenarios')} style={{ marginBottom: 16 }} />
        ) : null}
        <Form<RaiseTicketInput>
          form={form}
          layout="vertical"
          initialValues={initial}
          onValuesChange={(_, all) => writeDraft(draftKey, all)}
          onFinish={(v) => void submit(v)}
          style={{ maxWidth: 880 }}
        >
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item
                name="scenarioId"
                label={t('raiseForm.scenario')}
                rules={[{ required: true, message: t('raiseForm.scenarioRequired') }]}
              >
                <Select
                  showSearch={{ optionFilterProp: 'label' }}
                  options={options.scenarios}
                  loading={options.fetching}
                />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name="category" label={t('fields.category')}>
                <Select options={CATEGORIES.map((c) => ({ value: c, label: t(`category.${c}`) }))} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name="severity" label={t('fields.severity')}>
                <Select options={SEVERITIES.map((s) => ({ value: s, label: t(`severity.${s}`) }))} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item
            name="title"
            label={t('fields.title')}
            rules={[{ required: true, whitespace: true, message: t('raiseForm.titleRequired') }]}
          >
            <Input maxLength={200} placeholder={t('raiseForm.titlePlaceholder')} />
          </Form.Item>
          <Form.Item name="labels" label={t('fields.labels')} extra={t('raiseForm.labelsHelp')}>
            <Select mode="multiple" options={options.labels} />
          </Form.Item>
          <Form.Item
            name="description"
            label={t('raiseForm.description')}
            extra={t('raiseForm.draftKept')}
            rules={[{ required: true, whitespace: true, message: t('raiseForm.descriptionRequired') }]}
          >
            <MarkdownField placeholder={t('raiseForm.descriptionPlaceholder')} />
          </Form.Item>
          <ApiErrorAlert problem={problem} />
          <Button type="primary" htmlType="submit" loading={fetching}>
            {t('raiseForm.submit')}
          </Button>
        </Form>
      </Card>
    </Page>
  );
}
