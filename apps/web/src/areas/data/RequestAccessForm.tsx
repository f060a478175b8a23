import { Button, Form, Input, InputNumber, Select, Spin, Typography, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApiProblem } from '../../api/errors';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { PURPOSES } from './enums';
import { MatchVerdict, type MatchAdvice } from './MatchVerdict';
import { MAX_DAYS, MIN_DAYS, validDuration, type RequestAccessValues } from './request-access';

/**
 * "Request access": purpose, outputs, duration and safeguards, with the purpose matcher's answer
 * shown as soon as purpose and duration are known — before anything is submitted.
 */
export function RequestAccessForm({
  form,
  initialValues,
  advice,
  matching,
  matchProblem,
  onValuesChange,
  onSubmit,
  submitting,
  problem,
}: {
  form: FormInstance<RequestAccessValues>;
  initialValues: RequestAccessValues;
  advice: MatchAdvice | undefined;
  matching: boolean;
  matchProblem: ApiProblem | undefined;
  onValuesChange: (values: RequestAccessValues) => void;
  onSubmit: (values: RequestAccessValues) => void;
  submitting: boolean;
  problem: ApiProblem | undefined;
}) {
  const { t } = useTranslation('data');
  return (
    <Form<RequestAccessValues>
      form={form}
      layout="vertical"
      initialValues={initialValues}
      onValuesChange={(_, all) => onValuesChange(all)}
      onFinish={onSubmit}
    >
      <Form.Item
        name="purpose"
        label={t('request.purpose')}
        rules={[{ required: true, message: t('request.purposeRequired') }]}
      >
        <Select
          placeholder={t('request.purposePlaceholder')}
          options={PURPOSES.map((p) => ({ value: p, label: t(`enums.Purpose.${p}`) }))}
        />
      </Form.Item>
      <Form.Item
        name="durationDays"
        label={t('request.durationDays')}
        rules={[
          {
            validator: (_, value: number | null) =>
              validDuration(value)
                ? Promise.resolve()
                : Promise.reject(new Error(t('request.durationRange'))),
          },
        ]}
      >
        <InputNumber min={MIN_DAYS} max={MAX_DAYS} precision={0} style={{ width: 160 }} />
      </Form.Item>
      <section aria-live="polite" aria-label={t('request.matcher')} style={{ marginBottom: 24 }}>
        <Typography.Title level={2} style={{ fontSize: 15 }}>
          {t('request.matcher')}
        </Typography.Title>
        <ApiErrorAlert problem={matchProblem} />
        {advice ? (
          <Spin spinning={matching}>
            <MatchVerdict advice={advice} />
          </Spin>
        ) : matching ? (
          <Typography.Text type="secondary">{t('request.matching')}</Typography.Text>
        ) : (
          <Typography.Text type="secondary">{t('request.matcherHint')}</Typography.Text>
        )}
      </section>
      <Form.Item
        name="intendedOutputs"
        label={t('request.intendedOutputs')}
        rules={[{ required: true, whitespace: true, message: t('request.outputsRequired') }]}
      >
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} placeholder={t('request.outputsPlaceholder')} />
      </Form.Item>
      <Form.Item
        name="securityMeasures"
        label={t('request.securityMeasures')}
        rules={[{ required: true, whitespace: true, message: t('request.securityRequired') }]}
      >
        <Input.TextArea
          autoSize={{ minRows: 2, maxRows: 6 }}
          placeholder={t('request.securityPlaceholder')}
        />
      </Form.Item>
      <ApiErrorAlert problem={problem} />
      <Button type="primary" htmlType="submit" loading={submitting}>
        {t('request.submit')}
      </Button>
    </Form>
  );
}
