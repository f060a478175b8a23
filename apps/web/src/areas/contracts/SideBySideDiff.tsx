import { Table, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DiffRow, DiffSide, RowKind } from './clause-diff';

const KIND_COLORS: Record<RowKind, string> = {
  ADDED: 'success',
  REMOVED: 'error',
  CHANGED: 'warning',
  UNCHANGED: 'default',
};

function SideText({ side, absent }: { side: DiffSide | null; absent: string }) {
  if (!side) return <Typography.Text type="secondary">{absent}</Typography.Text>;
  return (
    <div>
      <Typography.Text strong style={{ display: 'block', marginBottom: 4 }}>
        {side.title}
      </Typography.Text>
      <div className="contracts-diff-text" style={{ whiteSpace: 'pre-wrap', lineHeight: 1.7 }}>
        {side.segments.map((segment, index) =>
          segment.kind === 'REMOVED' ? (
            <del key={index} style={{ background: '#ffebe9', color: '#a8071a' }}>
              {segment.text}
            </del>
          ) : segment.kind === 'ADDED' ? (
            <ins key={index} style={{ background: '#e6ffec', color: '#135200', textDecoration: 'none' }}>
              {segment.text}
            </ins>
          ) : (
            <span key={index}>{segment.text}</span>
          ),
        )}
      </div>
    </div>
  );
}

/** Clause by clause, the older text on the left and the newer on the right, changes highlighted. */
export function SideBySideDiff({
  rows,
  leftLabel,
  rightLabel,
  commentsFor,
}: {
  rows: readonly DiffRow[];
  leftLabel: string;
  rightLabel: string;
  /** When given, a column beside each clause with the comments on it. */
  commentsFor?: (key: string) => ReactNode;
}) {
  const { t } = useTranslation('contracts');
  const absent = t('diff.absent');
  return (
    <Table<DiffRow>
      rowKey="key"
      size="small"
      pagination={false}
      bordered
      scroll={{ x: commentsFor ? 1000 : 760 }}
      dataSource={[...rows]}
      rowClassName={(row) => `contracts-diff-row-${row.kind.toLowerCase()}`}
      columns={[
        {
          title: t('diff.colClause'),
          key: 'kind',
          width: 96,
          onCell: () => ({ style: { verticalAlign: 'top' } }),
          render: (_, row) => (
            <>
              <Tag color={KIND_COLORS[row.kind]}>{t(`diff.kind.${row.kind}`)}</Tag>
              {row.titleChanged ? (
                <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                  {t('diff.titleChanged')}
                </Typography.Text>
              ) : null}
            </>
          ),
        },
        {
          title: leftLabel,
          key: 'left',
          width: '45%',
          onCell: (row) => ({
            style: { verticalAlign: 'top', ...(row.kind === 'REMOVED' ? { background: '#fff7f6' } : {}) },
          }),
          render: (_, row) => <SideText side={row.left} absent={absent} />,
        },
        {
          title: rightLabel,
          key: 'right',
          width: '45%',
          onCell: (row) => ({
            style: { verticalAlign: 'top', ...(row.kind === 'ADDED' ? { background: '#f6fff8' } : {}) },
          }),
          render: (_, row) => <SideText side={row.right} absent={absent} />,
        },
        ...(commentsFor
          ? [
              {
                title: t('comments.diffColumn'),
                key: 'comments',
                width: 240,
                onCell: () => ({ style: { verticalAlign: 'top' as const } }),
                render: (_: unknown, row: DiffRow) => commentsFor(row.key),
              },
            ]
          : []),
      ]}
    />
  );
}
