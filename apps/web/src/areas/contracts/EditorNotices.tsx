import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';

/** A draft restored from an earlier visit, with a way to discard it and start from the latest version. */
export function EditorNotices({
  restoredVersion,
  onDiscard,
}: {
  restoredVersion: number | null;
  onDiscard: () => void;
}) {
  const { t } = useTranslation('contracts');
  if (restoredVersion === null) return null;
  return (
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
  );
}
