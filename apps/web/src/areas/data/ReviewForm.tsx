import { Alert, App, Button, Card, Form, Input, Radio, Typography, type FormInstance } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { toApiProblem, type ApiProblem } from '../../api/errors';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { applyFieldProblems } from '../../components/formErrors';
import { MatchTag } from './MatchVerdict';
import { OVERRIDE_REASON_MIN_LENGTH, REASON_MAX_LENGTH, reasonNeed, reasonProblem } from './review-reason';
import type { ContractLanguage } from '../../gql/graphql';
import { ReviewsReviewMutation } from './reviews.queries';

export interface PendingDataset {
  datasetId: string;
  name: string;
  /** The purpose matcher's advice: APPROVE, DENY or ABSTAIN. */
  advice: string;
}

export interface ReviewValues {
  decisions: { datasetId: string; approve?: boolean; reason?: string }[];
  /** The governing language of the contract an approval drafts. */
  contractLanguage: ContractLanguage;
}

/** The owner's steward decides each of its datasets; a refusal, or an approval against the matcher, needs a reason. */
export function ReviewForm({
  requestId,
  pending,
  onDone,
}: {
  requestId: string;
  pending: PendingDataset[];
  onDone: () => void;
}) {
  const { t } = useTranslation('data');
  const { message } = App.useApp();
  const [form] = Form.useForm<ReviewValues>();
  const [problem, setProblem] = useState<ApiProblem>();
  const [{ fetching }, review] = useMutation(ReviewsReviewMutation);

  const onSubmit = async (values: ReviewValues) => {
    setProblem(undefined);
    const decisions = values.decisions.map((d) => ({
      datasetId: d.datasetId,
      approve: d.approve === true,
      ...(d.reason?.trim() ? { reason: d.reason.trim() } : {}),
    }));
    const result = await review({
      input: { requestId, decisions, contractLanguage: values.contractLanguage },
    });
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
    <ReviewDecisionsForm
      form={form}
      pending={pending}
      onSubmit={(values) => void onSubmit(values)}
      submitting={fetching}
      problem={problem}
    />
  );
}

/** The form itself: one verdict and reason per dataset, checked as the API will check them. */
export function ReviewDecisionsForm({
  form,
  pending,
  onSubmit,
  submitting,
  problem,
}: {
  form: FormInstance<ReviewValues>;
  pending: PendingDataset[];
  onSubmit: (values: ReviewValues) => void;
  submitting: boolean;
  problem: ApiProblem | undefined;
}) {
  const { t } = useTranslation('data');
  return (
    <Card title={t('requestPage.review')} size="small" style={{ marginBottom: 16 }}>
      <Typography.Paragraph type="secondary">{t('requestPage.reviewHint')}</Typography.Paragraph>
      <Form<ReviewValues>
        form={form}
        layout="vertical"
        initialValues={{
          decisions: pending.map((p) => ({ datasetId: p.datasetId })),
          contractLanguage: 'ZH_CN' as ContractLanguage,
        }}
        onFinish={onSubmit}
      >
        {pending.map((item, index) => (
          <div key={item.datasetId}>
            <Form.Item name={['decisions', index, 'datasetId']} hidden>
              <Input />
            </Form.Item>
            <Form.Item
              name={['decisions', index, 'approve']}
              label={
                <>
                  {t('requestPage.decisionFor', { name: item.name })}&nbsp;
                  <MatchTag decision={item.advice} />
                </>
              }
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
                const approve = getFieldValue(['decisions', index, 'approve']) as boolean | undefined;
                const need = reasonNeed(item.advice, approve);
                return (
                  <>
                    {need === 'override' ? (
                      <Alert
                        type="warning"
                        showIcon
                        style={{ marginBottom: 12 }}
                        data-testid="override-notice"
                        title={t(`requestPage.override.title.${item.advice === 'DENY' ? 'DENY' : 'ABSTAIN'}`)}
                        description={t('requestPage.override.why', { min: OVERRIDE_REASON_MIN_LENGTH })}
                      />
                    ) : null}
                    <Form.Item
                      name={['decisions', index, 'reason']}
                      label={t(
                        need === 'override' ? 'requestPage.overrideReasonFor' : 'requestPage.reasonFor',
                        { name: item.name },
                      )}
                      required={need !== 'none'}
                      rules={[
                        {
                          validator: (_, value: string | undefined) => {
                            const found = reasonProblem(item.advice, approve, value);
                            return found
                              ? Promise.reject(
                                  new Error(
                                    t(`requestPage.reasonProblem.${found}`, {
                                      min: OVERRIDE_REASON_MIN_LENGTH,
                                      max: REASON_MAX_LENGTH,
                                    }),
                                  ),
                                )
                              : Promise.resolve();
                          },
                        },
                      ]}
                    >
                      <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={REASON_MAX_LENGTH} />
                    </Form.Item>
                  </>
                );
              }}
            </Form.Item>
          </div>
        ))}
        <Form.Item
          name="contractLanguage"
          label={t('requestPage.contractLanguage')}
          extra={t('requestPage.contractLanguageHint')}
        >
          <Radio.Group
            optionType="button"
            options={[
              { value: 'ZH_CN', label: t('requestPage.language.ZH_CN') },
              { value: 'EN', label: t('requestPage.language.EN') },
            ]}
          />
        </Form.Item>
        <ApiErrorAlert problem={problem} />
        <Button type="primary" htmlType="submit" loading={submitting}>
          {t('requestPage.submitReview')}
        </Button>
      </Form>
    </Card>
  );
}
