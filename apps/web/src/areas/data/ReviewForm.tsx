import { App, Button, Card, Form, Input, Radio, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { toApiProblem, type ApiProblem } from '../../api/errors';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { applyFieldProblems } from '../../components/formErrors';
import { ReviewsReviewMutation } from './reviews.queries';

interface Pending {
  datasetId: string;
  name: string;
}

interface Values {
  decisions: { datasetId: string; approve?: boolean; reason?: string }[];
}

/** The owner's steward decides each of its datasets; a refusal needs a reason. */
export function ReviewForm({
  requestId,
  pending,
  onDone,
}: {
  requestId: string;
  pending: Pending[];
  onDone: () => void;
}) {
  const { t } = useTranslation('data');
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [problem, setProblem] = useState<ApiProblem>();
  const [{ fetching }, review] = useMutation(ReviewsReviewMutation);

  const onFinish = async (values: Values) => {
    setProblem(undefined);
    const decisions = values.decisions.map((d) => ({
      datasetId: d.datasetId,
      approve: d.approve === true,
      ...(d.reason?.trim() ? { reason: d.reason.trim() } : {}),
    }));
    const result = await review({ input: { requestId, decisions } });
    const failure = toApiProblem(result.error);
    if (failure) {
      setProblem(failure);
      applyFieldProblems(form, failure, ['decisions']);
      return;
    }
    void message.success(t('requestPage.reviewed'));
    onDone();
  };

  return (
    <Card title={t('requestPage.review')} size="small" style={{ marginBottom: 16 }}>
      <Typography.Paragraph type="secondary">{t('requestPage.reviewHint')}</Typography.Paragraph>
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ decisions: pending.map((p) => ({ datasetId: p.datasetId })) }}
        onFinish={(values) => void onFinish(values)}
      >
        {pending.map((item, index) => (
          <div key={item.datasetId}>
            <Form.Item name={['decisions', index, 'datasetId']} hidden>
              <Input />
            </Form.Item>
            <Form.Item
              name={['decisions', index, 'approve']}
              label={t('requestPage.decisionFor', { name: item.name })}
              rules={[{ required: true, message: t('form.required', { field: t('requestPage.decision') }) }]}
            >
              <Radio.Group
                optionType="button"
                buttonStyle="solid"
                options={[
                  { value: true, label: t('requestPage.approve') },
                  { value: false, label: t('requestPage.reject') },
                ]}
              />
            </Form.Item>
            <Form.Item noStyle dependencies={[['decisions', index, 'approve']]}>
              {({ getFieldValue }) => {
                const rejecting = getFieldValue(['decisions', index, 'approve']) === false;
                return (
                  <Form.Item
                    name={['decisions', index, 'reason']}
                    label={t('requestPage.reasonFor', { name: item.name })}
                    rules={[
                      { required: rejecting, whitespace: true, message: t('requestPage.reasonRequired') },
                    ]}
                  >
                    <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
                  </Form.Item>
                );
              }}
            </Form.Item>
          </div>
        ))}
        <ApiErrorAlert problem={problem} />
        <Button type="primary" htmlType="submit" loading={fetching}>
          {t('requestPage.submitReview')}
        </Button>
      </Form>
    </Card>
  );
}
