import { Card, Descriptions, Steps, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/i18n';
import { lifecycleStep } from './contract-rules';
import type { Contract } from './contract-types';
import { ContractPersonText } from './ContractPersonText';

type Party = Contract['parties'][number];

/** The lifecycle, the key facts, and each party with its signature of the agreed version. */
export function ContractOverview({ contract }: { contract: Contract }) {
  const { t } = useTranslation('contracts');
  const format = useFormat();
  const step = lifecycleStep(contract.status);
  const ended = contract.status === 'EXPIRED' || contract.status === 'TERMINATED';
  const signatureOf = (organizationId: string) =>
    contract.signatures.find(
      (signature) =>
        signature.organizationId === organizationId &&
        !signature.voidedAt &&
        signature.version === contract.agreedVersion,
    );
  const voidedOf = (organizationId: string) =>
    contract.signatures.filter(
      (signature) => signature.organizationId === organizationId && signature.voidedAt,
    );

  return (
    <Card title={t('contract.overview')} size="small">
      <Steps
        size="small"
        current={step.current}
        status={step.state}
        style={{ marginBottom: 16 }}
        items={[
          { title: t('steps.draft') },
          { title: t('steps.negotiation') },
          { title: t('steps.agreed') },
          { title: contract.status === 'SUSPENDED' ? t('status.SUSPENDED') : t('steps.active') },
          { title: ended ? t(`status.${contract.status}`) : t('steps.ended') },
        ]}
      />
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          {
            key: 'current',
            label: t('contract.currentVersion'),
            children: t('list.versionN', { n: contract.currentVersion }),
          },
          {
            key: 'agreed',
            label: t('contract.agreedVersion'),
            children: contract.agreedVersion ? t('list.versionN', { n: contract.agreedVersion }) : '—',
          },
          {
            key: 'language',
            label: t('language.governing'),
            children: t(`language.name.${contract.governingLanguage}`),
          },
          {
            key: 'period',
            label: t('contract.period'),
            children: `${format.date(contract.version.terms.startsOn)} – ${format.date(contract.version.terms.endsOn)}`,
          },
          {
            key: 'signedAt',
            label: t('contract.fullySignedAt'),
            children: format.dateTime(contract.fullySignedAt),
          },
          { key: 'created', label: t('contract.createdAt'), children: format.dateTime(contract.createdAt) },
          ...(contract.statusReason
            ? [{ key: 'reason', label: t('contract.statusReason'), children: contract.statusReason }]
            : []),
          ...(contract.agreedHash
            ? [
                {
                  key: 'hash',
                  label: t('contract.agreedHash'),
                  span: 'filled' as const,
                  children: (
                    <Typography.Text
                      code
                      copyable
                      style={{ wordBreak: 'break-all' }}
                      data-testid="agreed-hash"
                    >
                      {contract.agreedHash}
                    </Typography.Text>
                  ),
                },
              ]
            : []),
        ]}
      />
      <Typography.Title level={2} style={{ fontSize: 16, marginTop: 16 }}>
        {t('contract.parties')}
      </Typography.Title>
      <Table<Party>
        rowKey="organizationId"
        size="small"
        pagination={false}
        scroll={{ x: 640 }}
        dataSource={contract.parties}
        columns={[
          { title: t('contract.colParty'), dataIndex: 'name' },
          {
            title: t('contract.colRole'),
            dataIndex: 'role',
            render: (role: Party['role']) => t(`partyRole.${role}`),
          },
          {
            title: t('contract.colSignature'),
            key: 'signed',
            render: (_, party) => {
              const signature = signatureOf(party.organizationId);
              const voided = voidedOf(party.organizationId);
              return (
                <>
                  {signature ? (
                    <Tag color="success">{t('contract.signedVersion', { n: signature.version })}</Tag>
                  ) : (
                    <Tag>{t('contract.notSigned')}</Tag>
                  )}
                  {voided.map((old) => (
                    <Typography.Text key={old.id} type="secondary" delete style={{ display: 'block' }}>
                      {t('contract.voided', { reason: old.voidReason ?? '' })}
                    </Typography.Text>
                  ))}
                </>
              );
            },
          },
          {
            title: t('contract.colSignedBy'),
            key: 'signedBy',
            render: (_, party) => <ContractPersonText person={signatureOf(party.organizationId)?.signedBy} />,
          },
          {
            title: t('contract.colSignedAt'),
            key: 'signedAt',
            render: (_, party) => format.dateTime(signatureOf(party.organizationId)?.signedAt),
          },
          {
            title: t('contract.colHash'),
            key: 'hash',
            render: (_, party) => {
              const hash = signatureOf(party.organizationId)?.hash;
              return hash ? (
                <Typography.Text code style={{ whiteSpace: 'nowrap' }}>
                  {`${hash.slice(0, 12)}…`}
                </Typography.Text>
              ) : (
                '—'
              );
            },
          },
        ]}
      />
    </Card>
  );
}
