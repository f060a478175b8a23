import { Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { toApiProblem } from '../../api/errors';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { ContractsAgreeDocument, ContractsSignDocument } from './operations';

/** Agree (freeze a version) or sign (the agreed hash): both show the exact content hash concerned. */
export function HashConfirmModal({
  kind,
  contractId,
  title,
  body,
  hash,
  version,
  onClose,
  onDone,
}: {
  kind: 'agree' | 'sign';
  contractId: string;
  title: string;
  body: string;
  hash: string;
  version: number;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation('contracts');
  const [agreeState, agree] = useMutation(ContractsAgreeDocument);
  const [signState, sign] = useMutation(ContractsSignDocument);
  const state = kind === 'agree' ? agreeState : signState;
  const submit = async () => {
    const result =
      kind === 'agree' ? await agree({ id: contractId, version }) : await sign({ id: contractId, hash });
    if (!result.error) onDone();
  };
  return (
    <Modal
      open
      title={title}
      okText={t(`actions.${kind}`)}
      onOk={() => void submit()}
      confirmLoading={state.fetching}
      onCancel={onClose}
      destroyOnHidden
    >
      <ApiErrorAlert problem={toApiProblem(state.error)} />
      <Typography.Paragraph>{body}</Typography.Paragraph>
      <Typography.Text strong>{t('actions.hashLabel')}</Typography.Text>
      <Typography.Paragraph>
        <Typography.Text code copyable style={{ wordBreak: 'break-all' }} data-testid="hash-to-confirm">
          {hash}
        </Typography.Text>
      </Typography.Paragraph>
    </Modal>
  );
}
