import { Input, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { Markdown } from '../../components/Markdown';

/** A Markdown text area with a preview tab; used as a Form.Item child (value/onChange). */
export function MarkdownField({
  id,
  value,
  onChange,
  placeholder,
  rows = 8,
}: {
  id?: string;
  value?: string;
  onChange?: (value: string) => void;
  placeholder?: string;
  rows?: number;
}) {
  const { t } = useTranslation('tickets');
  return (
    <Tabs
      size="small"
      items={[
        {
          key: 'write',
          label: t('raiseForm.write'),
          children: (
            <Input.TextArea
              id={id}
              rows={rows}
              value={value}
              placeholder={placeholder}
              maxLength={20_000}
              onChange={(e) => onChange?.(e.target.value)}
            />
          ),
        },
        {
          key: 'preview',
          label: t('raiseForm.preview'),
          children: (
            <div style={{ minHeight: rows * 22, padding: 8, border: '1px solid #f0f0f0', borderRadius: 6 }}>
              <Markdown>{value ?? ''}</Markdown>
            </div>
          ),
        },
      ]}
    />
  );
}
