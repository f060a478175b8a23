import { Alert, Card, Collapse, Space, Switch, Tag, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Markdown } from '../../components/Markdown';
import type { Contract } from './contract-types';
import { languageOfUi, showsTranslationToggle } from './contract-language';

/**
 * The legal text of a version, one panel per clause, in the contract's governing language. When
 * the reader's language is the other one and the clauses carry translations, a switch shows the
 * convenience translation instead, marked 参考译文 on every clause so it is never taken for the
 * text that governs.
 */
export function ClausesView({
  version,
  governingLanguage,
  clauseExtra,
  extra,
}: {
  version: Contract['version'];
  governingLanguage: Contract['governingLanguage'];
  /** What each clause shows beside its title (its comments). */
  clauseExtra?: (clause: { key: string; title: string }) => ReactNode;
  extra?: ReactNode;
}) {
  const { t, i18n } = useTranslation('contracts');
  const [translated, setTranslated] = useState(false);
  const offer = showsTranslationToggle(governingLanguage, languageOfUi(i18n.language), version.clauses);
  const showing = offer && translated;
  return (
    <Card
      title={t('contract.clauses', { n: version.number })}
      size="small"
      extra={
        <Space size={8}>
          {offer ? (
            <>
              <Typography.Text>{t('language.showTranslation')}</Typography.Text>
              <Switch
                size="small"
                checked={translated}
                onChange={setTranslated}
                aria-label={t('language.showTranslation')}
              />
            </>
          ) : null}
          {extra}
        </Space>
      }
    >
      {showing ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="translation-notice"
          title={t('language.translationNotice', { language: t(`language.name.${governingLanguage}`) })}
        />
      ) : null}
      <Collapse
        size="small"
        items={version.clauses.map((clause, index) => {
          const shown = showing && clause.translation ? clause.translation : clause;
          return {
            key: clause.key,
            label: (
              <>
                {`${index + 1}. ${shown.title}`}
                {showing && clause.translation ? (
                  <Tag color="blue" style={{ marginInlineStart: 8 }}>
                    {t('language.translationTag')}
                  </Tag>
                ) : null}
              </>
            ),
            extra: clauseExtra?.(clause),
            children: <Markdown>{shown.text}</Markdown>,
          };
        })}
      />
    </Card>
  );
}
