import { CommentOutlined } from '@ant-design/icons';
import { Badge, Button, Drawer } from 'antd';
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { toApiProblem, type ApiProblem } from '../../api/errors';
import { useSession } from '../../auth/session';
import { ClauseCommentsPanel } from './ClauseCommentsPanel';
import { mayComment, openCountsByClause, type CommentScope } from './clause-comments';
import {
  ContractsClauseCommentsDocument,
  ContractsCommentOnClauseDocument,
  ContractsReopenClauseCommentDocument,
  ContractsResolveClauseCommentDocument,
} from './operations';

export interface ClauseCommentsUi {
  /** The button beside a clause: its open count, opening the comments on it. */
  clauseExtra: (clause: { key: string; title: string }) => ReactNode;
  /** The button opening every thread of the contract (and comments on the version as a whole). */
  allButton: ReactNode;
  /** The drawer the buttons open; render it once on the page. */
  drawer: ReactNode;
}

/** Comments on the clauses of a contract, read and written while `version` is the one on screen. */
export function useClauseComments(contractId: string, version: number | undefined): ClauseCommentsUi {
  const { t } = useTranslation('contracts');
  const session = useSession();
  const context = useMemo(() => ({ additionalTypenames: ['ClauseComment'] }), []);
  const [{ data }, refetch] = useQuery({
    query: ContractsClauseCommentsDocument,
    variables: { id: contractId },
    pause: !contractId,
    context,
  });
  const [, comment] = useMutation(ContractsCommentOnClauseDocument);
  const [, resolve] = useMutation(ContractsResolveClauseCommentDocument);
  const [, reopen] = useMutation(ContractsReopenClauseCommentDocument);
  const [scope, setScope] = useState<CommentScope | null>(null);
  const [problem, setProblem] = useState<ApiProblem>();
  const contract = data?.dataSharingContract;
  const threads = useMemo(() => contract?.clauseComments.nodes ?? [], [contract]);
  const counts = useMemo(() => openCountsByClause(threads), [threads]);
  const canComment = contract
    ? mayComment({
        status: contract.status,
        fullySigned: Boolean(contract.fullySignedAt),
        roles: session.roles,
        organizationId: session.organization?.id,
        partyOrganizationIds: [...contract.providerOrganizationIds, contract.recipientOrganizationId],
      })
    : false;
  const settle = (error: Parameters<typeof toApiProblem>[0]): boolean => {
    const failed = toApiProblem(error);
    setProblem(failed);
    if (!failed) refetch({ requestPolicy: 'network-only' });
    return !failed;
  };
  const shownVersion = version ?? contract?.currentVersion ?? 1;

  const open = (next: CommentScope) => {
    setProblem(undefined);
    setScope(next);
  };
  const clauseExtra = ({ key, title }: { key: string; title: string }) => {
    const count = counts.get(key) ?? 0;
    return (
      <Button
        size="small"
        icon={<CommentOutlined />}
        aria-label={`${title} · ${count ? t('comments.buttonOpen', { count }) : t('comments.button')}`}
        onClick={(event) => {
          event.stopPropagation();
          open({ kind: 'clause', key, title });
        }}
      >
        {count ? t('comments.openCount', { count }) : null}
      </Button>
    );
  };
  const allButton = (
    <Badge count={contract?.openCommentCount ?? 0} size="small">
      <Button size="small" icon={<CommentOutlined />} onClick={() => open({ kind: 'all' })}>
        {t('comments.all')}
      </Button>
    </Badge>
  );
  const drawer = (
    <Drawer
      open={scope !== null}
      onClose={() => setScope(null)}
      size="large"
      title={
        scope?.kind === 'clause' ? t('comments.titleClause', { title: scope.title }) : t('comments.titleAll')
      }
    >
      {scope ? (
        <ClauseCommentsPanel
          threads={threads}
          scope={scope}
          version={shownVersion}
          canComment={canComment}
          closed={Boolean(contract?.fullySignedAt)}
          problem={problem}
          onAdd={async ({ body, quote }) =>
            settle(
              (
                await comment({
                  input: {
                    contractId,
                    version: shownVersion,
                    clauseKey: scope.kind === 'clause' ? scope.key : null,
                    quote,
                    body,
                  },
                })
              ).error,
            )
          }
          onReply={async (thread, body) =>
            settle(
              (
                await comment({
                  input: {
                    contractId,
                    version: thread.version,
                    clauseKey: thread.clauseKey,
                    replyTo: thread.id,
                    body,
                  },
                })
              ).error,
            )
          }
          onResolve={(thread) => void resolve({ id: thread.id }).then((result) => settle(result.error))}
          onReopen={(thread) => void reopen({ id: thread.id }).then((result) => settle(result.error))}
        />
      ) : null}
    </Drawer>
  );
  return { clauseExtra, allButton, drawer };
}
