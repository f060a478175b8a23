import { createContext, useContext, type ReactNode } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../gql';
import type { SessionQuery } from '../gql/graphql';
import { ApiErrorAlert } from '../components/ApiErrorAlert';
import { PageLoading } from '../components/PageLoading';
import { toApiProblem } from '../api/errors';
import { SignInPage } from './SignInPage';

const SessionDocument = graphql(`
  query Session {
    me {
      id
      name
      email
      roles
      platformAdmin
      organization {
        id
        name
        kind
      }
      consortia(first: 100) {
        nodes {
          id
          name
          status
        }
      }
    }
  }
`);

export type SessionUser = SessionQuery['me'];

const SessionContext = createContext<SessionUser | null>(null);
const RefreshContext = createContext<() => void>(() => undefined);

/** Re-reads the session (after joining a consortium, say). */
export function useRefreshSession(): () => void {
  return useContext(RefreshContext);
}

/** The signed-in person; only rendered inside SessionGate. */
export function useSession(): SessionUser {
  const user = useContext(SessionContext);
  if (!user) throw new Error('useSession outside SessionGate');
  return user;
}

/** Shows sign-in until there is a session, then the app with the person in context. */
export function SessionGate({ children }: { children: ReactNode }) {
  const [{ data, error, fetching }, refetch] = useQuery({
    query: SessionDocument,
    requestPolicy: 'network-only',
  });
  const problem = toApiProblem(error);
  if (problem?.code === 'UNAUTHENTICATED') return <SignInPage />;
  if (problem)
    return <ApiErrorAlert problem={problem} onRetry={() => refetch({ requestPolicy: 'network-only' })} />;
  if (fetching || !data) return <PageLoading />;
  return (
    <RefreshContext.Provider value={() => refetch({ requestPolicy: 'network-only' })}>
      <SessionContext.Provider value={data.me}>{children}</SessionContext.Provider>
    </RefreshContext.Provider>
  );
}
