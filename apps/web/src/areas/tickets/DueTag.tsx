import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/i18n';
import { DUE_MARK_COLOR, nextDue, type DueFields } from './overdue';

/** The next service-level date of a ticket, marked overdue / soon, or nothing once resolved. */
export function DueTag({ ticket, now = new Date() }: { ticket: DueFields; now?: Date }) {
  const { t } = useTranslation('tickets');
  const format = useFormat();
  const due = nextDue(ticket, now);
  if (!due) return null;
  const what = t(`due.${due.kind}`);
  const label =
    due.mark === 'overdue'
      ? t('due.overdueWhat', { what })
      : t('due.dueIn', { what, when: format.relative(due.at, now) });
  return (
    <Tooltip
      title={`${t(due.kind === 'response' ? 'fields.responseDueAt' : 'fields.resolutionDueAt')}: ${format.dateTime(due.at)} · ${t(`due.${due.mark}`)}`}
    >
      <Tag color={DUE_MARK_COLOR[due.mark]} style={{ marginInlineEnd: 0 }}>
        {label}
      </Tag>
    </Tooltip>
  );
}
