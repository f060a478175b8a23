import { App, Button, Card, Flex, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useSession } from '../../auth/session';
import type { ContractAction } from './contract-rules';
import type { Contract } from './contract-types';
import { HashConfirmModal } from './HashConfirmModal';
import { ReasonModal } from './ReasonModal';

type ReasonAction = 'reopen' | 'suspend' | 'resume' | 'terminate';
const REASON_ACTIONS: readonly ReasonAction[] = ['reopen', 'suspend', 'resume', 'terminate'];

/** The buttons the caller's roles allow at this stage; each opens a confirmation. */
export function ContractActions({
  contract,
  allowed,
  onChanged,
}: {
  contract: Contract;
  allowed: Set<ContractAction>;
  onChanged: () => void;
}) {
  const { t } = useTranslation('contracts');
  const navigate = useNavigate();
  const session = useSession();
  const { message } = App.useApp();
  const [open, setOpen] = useState<ContractAction | null>(null);
  const done = () => {
    setOpen(null);
    void message.success(t('actions.done'));
    onChanged();
  };
  const visible = (['edit', 'agree', 'sign', ...REASON_ACTIONS] as const).filter((action) =>
    allowed.has(action),
  );

  return (
    <Card title={t('actions.title')} size="small">
      {visible.length === 0 ? (
        <Typography.Text type="secondary">{t('actions.none')}</Typography.Text>
      ) : (
        <Flex gap={8} wrap>
          {visible.map((action) => (
            <Button
              key={action}
              type={action === 'agree' || action === 'sign' ? 'primary' : 'default'}
              danger={action === 'terminate'}
              onClick={() => (action === 'edit' ? void navigate('edit') : setOpen(action))}
            >
              {t(`actions.${action}`)}
            </Button>
          ))}
        </Flex>
      )}
      {open === 'agree' ? (
        <HashConfirmModal
          kind="agree"
          contractId={contract.id}
          title={t('actions.agreeTitle', { n: contract.version.number })}
          body={t('actions.agreeBody')}
          hash={contract.version.contentHash}
          version={contract.version.number}
          onClose={() => setOpen(null)}
          onDone={done}
        />
      ) : null}
      {open === 'sign' && contract.agreedHash && contract.agreedVersion ? (
        <HashConfirmModal
          kind="sign"
          contractId={contract.id}
          title={t('actions.signTitle', { organization: session.organization?.name ?? '' })}
          body={t('actions.signBody', { n: contract.agreedVersion })}
          hash={contract.agreedHash}
          version={contract.agreedVersion}
          onClose={() => setOpen(null)}
          onDone={done}
        />
      ) : null}
      {open && (REASON_ACTIONS as readonly string[]).includes(open) ? (
        <ReasonModal
          action={open as ReasonAction}
          contractId={contract.id}
          onClose={() => setOpen(null)}
          onDone={done}
        />
      ) : null}
    </Card>
  );
}
