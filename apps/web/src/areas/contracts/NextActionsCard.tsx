import { Button, Card, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../../auth/session';
import { useFormat } from '../../i18n/i18n';
import type { Contract } from './contract-types';
import { nextActionLine, nextActionLink, type NextAction } from './next-actions';

/** Who must act next, by party, role and name, with a link to where the viewer acts. */
export function NextActionsCard({ contract }: { contract: Contract }) {
  const { t } = useTranslation('contracts');
  const { t: tc } = useTranslation();
  const format = useFormat();
  const session = useSession();
  const viewer = { organizationId: session.organization?.id ?? null, roles: session.roles };
  const isParty = contract.parties.some((party) => party.organizationId === viewer.organizationId);
  const key = (action: NextAction) =>
    `${action.organizationId}:${action.action}:${action.obligationId ?? ''}`;

  return (
    <Card title={t('next.title')} size="small" data-testid="next-actions">
      {contract.nextActions.length === 0 ? (
        <Typography.Text type="secondary">{t('next.none')}</Typography.Text>
      ) : (
        <Flex vertical gap={8}>
          {contract.nextActions.map((action) => {
            const link = nextActionLink(action, viewer);
            return (
              <Flex key={key(action)} gap={8} align="center" wrap>
                {link?.kind === 'take' ? <Tag color="processing">{t('next.yourTurn')}</Tag> : null}
                <Typography.Text>{nextActionLine(t, tc, format, action, isParty)}</Typography.Text>
                {link ? (
                  link.to.startsWith('#') ? (
                    <Button size="small" type="link" href={link.to}>
                      {t(`next.go.${action.action}`)}
                    </Button>
                  ) : (
                    <Link to={link.to}>
                      <Button size="small" type="link">
                        {link.kind === 'take' ? t(`next.go.${action.action}`) : t('next.assign')}
                      </Button>
                    </Link>
                  )
                ) : null}
              </Flex>
            );
          })}
        </Flex>
      )}
    </Card>
  );
}
