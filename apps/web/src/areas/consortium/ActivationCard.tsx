import { CheckCircleFilled, ClockCircleOutlined, CloseCircleOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Popconfirm, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { toApiProblem } from '../../api/errors';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { activationChecklist, type ChecklistItem, type MemberLike } from './activation';
import { ConsortiumActivateDocument } from './queries';
import { SectionTitle } from './SectionTitle';

function ItemIcon({ item }: { item: ChecklistItem }) {
  if (item.done) return <CheckCircleFilled aria-hidden style={{ color: '#52c41a' }} />;
  if (item.invited.length) return <ClockCircleOutlined aria-hidden style={{ color: '#faad14' }} />;
  return <CloseCircleOutlined aria-hidden style={{ color: '#ff4d4f' }} />;
}

/** What a FORMING consortium still needs before it can be activated, and the button to do it. */
export function ActivationCard({
  consortiumId,
  members,
  canActivate,
}: {
  consortiumId: string;
  members: readonly MemberLike[];
  canActivate: boolean;
}) {
  const { t } = useTranslation('consortium');
  const { message } = App.useApp();
  const [{ fetching, error }, activate] = useMutation(ConsortiumActivateDocument);
  const checklist = activationChecklist(members);
  const missing = checklist.filter((item) => !item.done);
  const sep = t('activation.separator');

  const onActivate = async () => {
    const result = await activate({ id: consortiumId });
    if (!result.error) void message.success(t('activation.done'));
  };

  return (
    <Card title={<SectionTitle>{t('activation.title')}</SectionTitle>} size="small">
      <Typography.Paragraph type="secondary">{t('activation.lead')}</Typography.Paragraph>
      <ul aria-label={t('activation.title')} style={{ listStyle: 'none', padding: 0, margin: '0 0 12px' }}>
        {checklist.map((item) => (
          <li key={item.kind} style={{ padding: '4px 0' }}>
            <Flex gap={8} align="baseline" wrap>
              <ItemIcon item={item} />
              <Typography.Text strong>{t(`partyKind.${item.kind}`)}</Typography.Text>
              <Typography.Text type={item.done ? undefined : 'secondary'}>
                {item.done
                  ? t('activation.present', { names: item.active.join(sep) })
                  : item.invited.length
                    ? t('activation.pending', { names: item.invited.join(sep) })
                    : t('activation.none')}
              </Typography.Text>
            </Flex>
          </li>
        ))}
      </ul>
      <Alert
        type={missing.length ? 'warning' : 'success'}
        showIcon
        style={{ marginBottom: 12 }}
        title={
          missing.length
            ? t('activation.missing', { kinds: missing.map((item) => t(`partyKind.${item.kind}`)).join(sep) })
            : t('activation.ready')
        }
      />
      <ApiErrorAlert problem={toApiProblem(error)} />
      {canActivate ? (
        <Popconfirm
          title={t('activation.confirm')}
          onConfirm={() => void onActivate()}
          disabled={missing.length > 0}
        >
          <Button type="primary" loading={fetching} disabled={missing.length > 0}>
            {t('activation.button')}
          </Button>
        </Popconfirm>
      ) : (
        <Typography.Text type="secondary">{t('activation.adminOnly')}</Typography.Text>
      )}
    </Card>
  );
}
