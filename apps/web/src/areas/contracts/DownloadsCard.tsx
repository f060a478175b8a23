import { Button, Card, Flex, Segmented, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient } from 'urql';
import { toApiProblem, type ApiProblem } from '../../api/errors';
import { saveFileDownload } from '../../api/file-download';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import type { ContractDocumentFormat, ContractLanguage } from '../../gql/graphql';
import { fileName, saveFile, type Contract } from './contract-types';
import { ContractsDocumentFileDocument, ContractsOdrlDocument } from './operations';

/** The document in the contract's governing language, or in the other one as a convenience translation. */
type LanguageChoice = 'GOVERNING' | ContractLanguage;

const FORMATS = [
  { format: 'DOCX', label: 'contract.downloadWord' },
  { format: 'PDF', label: 'contract.downloadPdf' },
  { format: 'MARKDOWN', label: 'contract.downloadDocument' },
] as const satisfies readonly { format: ContractDocumentFormat; label: string }[];

/** The agreement as Word, PDF or Markdown (the agreed version, else the latest) and its ODRL 2.2 export. */
export function DownloadsCard({ contract }: { contract: Contract }) {
  const { t } = useTranslation('contracts');
  const client = useClient();
  const [language, setLanguage] = useState<LanguageChoice>('GOVERNING');
  const [busy, setBusy] = useState<ContractDocumentFormat | 'ODRL' | null>(null);
  const [problem, setProblem] = useState<ApiProblem | undefined>();
  const version = contract.agreedVersion ?? contract.currentVersion;

  const run = async (
    kind: ContractDocumentFormat | 'ODRL',
    download: () => Promise<ApiProblem | undefined>,
  ) => {
    setBusy(kind);
    setProblem(undefined);
    try {
      setProblem(await download());
    } finally {
      setBusy(null);
    }
  };

  const document = (format: ContractDocumentFormat) =>
    run(format, async () => {
      const result = await client
        .query(
          ContractsDocumentFileDocument,
          { id: contract.id, format, language: language === 'GOVERNING' ? null : language },
          { requestPolicy: 'network-only' },
        )
        .toPromise();
      if (result.error || !result.data) return toApiProblem(result.error);
      saveFileDownload(result.data.contractDocumentFile);
    });

  const odrl = () =>
    run('ODRL', async () => {
      const result = await client
        .query(ContractsOdrlDocument, { id: contract.id }, { requestPolicy: 'network-only' })
        .toPromise();
      if (result.error || !result.data) return toApiProblem(result.error);
      saveFile(
        fileName(contract.title, `-v${version}.odrl.jsonld`),
        JSON.stringify(result.data.contractOdrl, null, 2),
        'application/ld+json',
      );
    });

  return (
    <Card title={t('contract.downloads')} size="small">
      <ApiErrorAlert problem={problem} />
      <Flex vertical gap={8}>
        <Typography.Text type="secondary" id="contract-document-language">
          {t('contract.documentLanguage')}
        </Typography.Text>
        <Segmented<LanguageChoice>
          block
          size="small"
          aria-labelledby="contract-document-language"
          value={language}
          onChange={setLanguage}
          options={[
            { value: 'GOVERNING', label: t('contract.languageGoverning') },
            { value: 'ZH_CN', label: t('contract.languageZh') },
            { value: 'EN', label: t('contract.languageEn') },
          ]}
        />
        {language !== 'GOVERNING' && (
          <Typography.Text type="secondary">{t('contract.translationNote')}</Typography.Text>
        )}
        {FORMATS.map(({ format, label }) => (
          <Button key={format} block loading={busy === format} onClick={() => void document(format)}>
            {t(label)}
          </Button>
        ))}
        <Button block loading={busy === 'ODRL'} onClick={() => void odrl()}>
          {t('contract.downloadOdrl')}
        </Button>
      </Flex>
    </Card>
  );
}
