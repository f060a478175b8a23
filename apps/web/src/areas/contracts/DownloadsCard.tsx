import { Button, Card, Flex } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient } from 'urql';
import { toApiProblem, type ApiProblem } from '../../api/errors';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { fileName, saveFile, type Contract } from './contract-types';
import { ContractsDocumentDocument, ContractsOdrlDocument } from './operations';

/** The readable document (Markdown) and the ODRL 2.2 export (JSON-LD), as files. */
export function DownloadsCard({ contract }: { contract: Contract }) {
  const { t } = useTranslation('contracts');
  const client = useClient();
  const [busy, setBusy] = useState<'document' | 'odrl' | null>(null);
  const [problem, setProblem] = useState<ApiProblem | undefined>();
  const version = contract.agreedVersion ?? contract.currentVersion;

  const download = async (kind: 'document' | 'odrl') => {
    setBusy(kind);
    setProblem(undefined);
    try {
      if (kind === 'document') {
        const result = await client
          .query(ContractsDocumentDocument, { id: contract.id }, { requestPolicy: 'network-only' })
          .toPromise();
        if (result.error || !result.data) return setProblem(toApiProblem(result.error));
        saveFile(fileName(contract.title, `-v${version}.md`), result.data.contractDocument, 'text/markdown');
      } else {
        const result = await client
          .query(ContractsOdrlDocument, { id: contract.id }, { requestPolicy: 'network-only' })
          .toPromise();
        if (result.error || !result.data) return setProblem(toApiProblem(result.error));
        saveFile(
          fileName(contract.title, `-v${version}.odrl.jsonld`),
          JSON.stringify(result.data.contractOdrl, null, 2),
          'application/ld+json',
        );
      }
    } finally {
      setBusy(null);
    }
  };

  return (
    <Card title={t('contract.downloads')} size="small">
      <ApiErrorAlert problem={problem} />
      <Flex vertical gap={8}>
        <Button block loading={busy === 'document'} onClick={() => void download('document')}>
          {t('contract.downloadDocument')}
        </Button>
        <Button block loading={busy === 'odrl'} onClick={() => void download('odrl')}>
          {t('contract.downloadOdrl')}
        </Button>
      </Flex>
    </Card>
  );
}
