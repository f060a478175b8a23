import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Collapse, Flex, Form, Input, Tag } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { addClause, moveClause, removeClause, updateClause, type Clause } from './clause-editing';

/** Clauses as panels: edit title and text, reorder with the arrows, add and remove. */
export function ClauseEditor({
  clauses,
  base,
  onChange,
  clauseExtra,
}: {
  clauses: Clause[];
  base: readonly Clause[];
  onChange: (next: Clause[]) => void;
  /** Shown before a clause's buttons (its comments), for clauses of the base version. */
  clauseExtra?: (clause: { key: string; title: string }) => ReactNode;
}) {
  const { t } = useTranslation('contracts');
  const [open, setOpen] = useState<string[]>([]);
  const baseByKey = new Map(base.map((clause) => [clause.key, clause]));
  const add = () => {
    const next = addClause(clauses, t('editor.newClauseTitle'));
    onChange(next);
    setOpen([...open, next[next.length - 1]!.key]);
  };

  return (
    <Flex vertical gap={12}>
      <Collapse
        activeKey={open}
        onChange={(keys) => setOpen(keys)}
        items={clauses.map((clause, index) => {
          const original = baseByKey.get(clause.key);
          const marker = !original ? (
            <Tag color="success">{t('editor.added')}</Tag>
          ) : original.title !== clause.title || original.text !== clause.text ? (
            <Tag color="warning">{t('editor.changed')}</Tag>
          ) : null;
          const title = clause.title || clause.key;
          return {
            key: clause.key,
            label: (
              <span>
                {`${index + 1}. ${title}`} {marker}
              </span>
            ),
            extra: (
              <Flex gap={4} onClick={(event) => event.stopPropagation()}>
                {original ? clauseExtra?.({ key: clause.key, title }) : null}
                <Button
                  size="small"
                  icon={<ArrowUpOutlined />}
                  aria-label={t('editor.moveUp', { title })}
                  disabled={index === 0}
                  onClick={() => onChange(moveClause(clauses, index, -1))}
                />
                <Button
                  size="small"
                  icon={<ArrowDownOutlined />}
                  aria-label={t('editor.moveDown', { title })}
                  disabled={index === clauses.length - 1}
                  onClick={() => onChange(moveClause(clauses, index, 1))}
                />
                <Button
                  size="small"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={t('editor.remove', { title })}
                  onClick={() => onChange(removeClause(clauses, clause.key))}
                />
              </Flex>
            ),
            children: (
              <Form layout="vertical" component="div">
                <Form.Item label={t('editor.clauseTitle')} htmlFor={`clause-${clause.key}-title`}>
                  <Input
                    id={`clause-${clause.key}-title`}
                    value={clause.title}
                    maxLength={200}
                    status={clause.title.trim() ? undefined : 'error'}
                    onChange={(event) =>
                      onChange(updateClause(clauses, clause.key, { title: event.target.value }))
                    }
                  />
                </Form.Item>
                <Form.Item
                  label={t('editor.clauseText')}
                  htmlFor={`clause-${clause.key}-text`}
                  style={{ marginBottom: 0 }}
                >
                  <Input.TextArea
                    id={`clause-${clause.key}-text`}
                    value={clause.text}
                    autoSize={{ minRows: 4, maxRows: 16 }}
                    maxLength={20000}
                    status={clause.text.trim() ? undefined : 'error'}
                    onChange={(event) =>
                      onChange(updateClause(clauses, clause.key, { text: event.target.value }))
                    }
                  />
                </Form.Item>
              </Form>
            ),
          };
        })}
      />
      <div>
        <Button icon={<PlusOutlined />} onClick={add}>
          {t('editor.addClause')}
        </Button>
      </div>
    </Flex>
  );
}
