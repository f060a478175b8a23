import { Flex, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../auth/session';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { useConnection } from '../../components/useConnection';
import { useFormat } from '../../i18n/i18n';
import { auditVariables, type AuditFilters } from './auditFilters';
import { SUBJECT_TYPES } from './AuditFilterBar';
import { EntryDetail, type AuditEntryRow } from './EntryDetail';
import { AuditEntriesDocument } from './queries';
import { ListFooter } from '../../components/ListFooter';

function isKnownType(type: string): type is (typeof SUBJECT_TYPES)[number] {
  return (SUBJECT_TYPES as readonly string[]).includes(type);
}

/** The consortium's trail, newest first, a page at a time; a row opens to what it changed. */
export function AuditTable({
  consortiumId,
  filters,
  people,
  organizations,
}: {
  consortiumId: string;
  filters: AuditFilters;
  people: ReadonlyMap<string, string>;
  organizations: ReadonlyMap<string, string>;
}) {
  const { t } = useTranslation('audit');
  const format = useFormat();
  const session = useSession();
  const list = useConnection(
    AuditEntriesDocument,
    auditVariables(consortiumId, filters),
    (data) => data.auditEntries,
  );

  const actorName = (entry: AuditEntryRow) => {
    if (!entry.actorUserId) return t('actor.platform');
    if (entry.actorUserId === session.id) return t('actor.you');
    return people.get(entry.actorUserId) ?? t('actor.unknown');
  };

  return (
    <>
      <ApiErrorAlert problem={list.problem} onRetry={list.refetch} />
      <Table<AuditEntryRow>
        rowKey="id"
        size="small"
        loading={list.fetching}
        pagination={false}
        scroll={{ x: 900 }}
        dataSource={list.nodes}
        locale={{ emptyText: t('empty') }}
        expandable={{ expandedRowRender: (entry) => <EntryDetail entry={entry} /> }}
        columns={[
          { title: t('columns.seq'), dataIndex: 'seq', width: 80 },
          {
            title: t('columns.occurredAt'),
            dataIndex: 'occurredAt',
            width: 170,
            render: (value: string) => format.dateTime(value),
          },
          {
            title: t('columns.action'),
            dataIndex: 'action',
            render: (action: string) => <Typography.Text code>{action}</Typography.Text>,
          },
          {
            title: t('columns.actor'),
            key: 'actor',
            render: (_, entry) => (
              <Flex vertical>
                <span>{actorName(entry)}</span>
                {entry.actorOrganizationId ? (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {organizations.get(entry.actorOrganizationId) ?? ''}
                  </Typography.Text>
                ) : null}
              </Flex>
            ),
          },
          {
            title: t('columns.subject'),
            key: 'subject',
            render: (_, entry) => (
              <Flex gap={4} align="center" wrap>
                <Tag>
                  {isKnownType(entry.subjectType) ? t(`subjectType.${entry.subjectType}`) : entry.subjectType}
                </Tag>
                <Typography.Text type="secondary" style={{ fontSize: 12 }} title={entry.subjectId}>
                  {entry.subjectId.slice(0, 8)}
                </Typography.Text>
              </Flex>
            ),
          },
        ]}
      />
      <ListFooter list={list} />
    </>
  );
}
