import { App, Button, Flex, Select, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { toApiProblem } from '../../api/errors';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { ConsortiumUpdateDocument } from './queries';

/** IANA names the browser knows; the API checks the name again. */
function timeZones(): string[] {
  const intl = Intl as typeof Intl & { supportedValuesOf?: (key: 'timeZone') => string[] };
  return intl.supportedValuesOf?.('timeZone') ?? ['Asia/Shanghai', 'UTC'];
}

/** The consortium's time zone in words, and for an admin of a member, a way to change it. */
export function TimeZoneSetting({
  consortiumId,
  timeZone,
  canUpdate,
}: {
  consortiumId: string;
  timeZone: string;
  canUpdate: boolean;
}) {
  const { t } = useTranslation('consortium');
  const { message } = App.useApp();
  const [editing, setEditing] = useState(false);
  const [choice, setChoice] = useState(timeZone);
  const [{ fetching, error }, update] = useMutation(ConsortiumUpdateDocument);
  const options = useMemo(() => timeZones().map((zone) => ({ value: zone, label: zone })), []);
  const shown =
    timeZone === 'Asia/Shanghai'
      ? t('timeZone.named', { name: t('timeZone.beijing'), zone: timeZone })
      : timeZone;

  const onSave = async () => {
    const result = await update({ input: { id: consortiumId, timeZone: choice } });
    if (result.error) return;
    void message.success(t('timeZone.saved'));
    setEditing(false);
  };

  if (!editing) {
    return (
      <Flex gap={8} align="baseline" wrap>
        <Typography.Text>{shown}</Typography.Text>
        {canUpdate ? (
          <Button size="small" type="link" onClick={() => setEditing(true)}>
            {t('timeZone.change')}
          </Button>
        ) : null}
      </Flex>
    );
  }
  return (
    <Flex vertical gap={8}>
      <Typography.Text type="secondary">{t('timeZone.hint')}</Typography.Text>
      <Flex gap={8} wrap>
        <Select
          showSearch
          aria-label={t('timeZone.choose')}
          style={{ minWidth: 220 }}
          value={choice}
          options={options}
          onChange={setChoice}
        />
        <Button type="primary" size="small" loading={fetching} onClick={() => void onSave()}>
          {t('timeZone.save')}
        </Button>
        <Button size="small" onClick={() => setEditing(false)}>
          {t('timeZone.cancel')}
        </Button>
      </Flex>
      <ApiErrorAlert problem={toApiProblem(error)} />
    </Flex>
  );
}
