import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ReapplyNote } from './clause-editing';

/** The editor's notices: a restored draft, a stale-edit conflict, and the result of reapplying. */
export function EditorNotices({
  restoredVersion,
  onDiscard,
  conflict,
  reloading,
  onReapply,
  reapplied,
}: {
  restoredVersion: number | null;
  onDiscard: () => void;
  conflict: { current: number; base: number } | null;
  reloading: boolean;
  onReapply: () => void;
  reapplied: { version: number; notes: ReapplyNote[] } | null;
}) {
  const { t } = useTranslation('contracts');
  return (
    <>
      {restoredVersion !== null && !reapplied && !conflict ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('editor.draftRestored', { n: restoredVersion })}
          action={
            <Button size="small" onClick={onDiscard}>
              {t('editor.discardDraft')}
            </Button>
          }
        />
      ) : null}
      {conflict ? (
        <Alert
          type="warning"
          showIcon
          role="alert"
          style={{ marginBottom: 16 }}
          title={t('conflict.title', { n: conflict.current })}
          description={t('conflict.body', { base: conflict.base })}
          action={
            <Button type="primary" loading={reloading} onClick={onReapply}>
              {t('conflict.reload')}
            </Button>
          }
        />
      ) : null}
      {reapplied ? (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('conflict.reapplied', { n: reapplied.version })}
          description={
            reapplied.notes.length > 0 ? (
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {reapplied.notes.map((note) => (
                  <li key={`${note.kind}-${note.key}`}>
                    {t(`conflict.note.${note.kind}`, { key: note.key })}
                  </li>
                ))}
              </ul>
            ) : undefined
          }
        />
      ) : null}
    </>
  );
}
