import { Descriptions, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AuditEntriesQuery } from '../../gql/graphql';
import { changedFields, type FieldChange } from './entryDiff';

export type AuditEntryRow = AuditEntriesQuery['auditEntries']['nodes'][number];

const CELL = { maxWidth: 360, wordBreak: 'break-all' } as const;

/** What one entry changed, field by field, with its place in the chain. */
export function EntryDetail({ entry }: { entry: AuditEntryRow }) {
  const { t } = useTranslation('audit');
  const changes = changedFields(entry.before, entry.after);
  return (
    <div>
      <Table<FieldChange>
        size="small"
        rowKey="field"
        pagination={false}
        scroll={{ x: 600 }}
        dataSource={changes}
        locale={{ emptyText: t('detail.noChanges') }}
        columns={[
          {
            title: t('detail.field'),
            dataIndex: 'field',
            width: 180,
            render: (f: string) => <code>{f}</code>,
          },
          {
            title: t('detail.before'),
            dataIndex: 'before',
            render: (v: string) => <div style={CELL}>{v}</div>,
          },
          {
            title: t('detail.after'),
            dataIndex: 'after',
            render: (v: string) => <div style={CELL}>{v}</div>,
          },
        ]}
      />
      <Descriptions
        size="small"
        column={1}
        style={{ marginTop: 8 }}
        items={[
          {
            key: 'id',
            label: t('detail.entryId'),
            children: <Typography.Text copyable>{entry.id}</Typography.Text>,
          },
          {
            key: 'subject',
            label: t('detail.subjectId'),
            children: <Typography.Text copyable>{entry.subjectId}</Typography.Text>,
          },
          {
            key: 'hash',
            label: t('detail.hash'),
            children: <code style={{ wordBreak: 'break-all' }}>{entry.hash}</code>,
          },
          {
            key: 'previous',
            label: t('detail.previousHash'),
            children: <code style={{ wordBreak: 'break-all' }}>{entry.previousHash}</code>,
          },
        ]}
      />
    </div>
  );
}
