import { useParams } from 'react-router';
import { useSession } from '../auth/session';

const LAST_CONSORTIUM_KEY = 'tetrad.consortium';

/** The consortium in the URL (/c/:consortiumId/...), if the person is in it. */
export function useCurrentConsortium(): { id: string; name: string } | undefined {
  const { consortiumId } = useParams();
  const session = useSession();
  const found = session.consortia.nodes.find((c) => c.id === consortiumId);
  if (found) {
    try {
      window.localStorage.setItem(LAST_CONSORTIUM_KEY, found.id);
    } catch {
      // Private mode: no memory of the last consortium.
    }
  }
  return found;
}

/** The consortium to open by default: the last one visited, else the first. */
export function defaultConsortiumId(consortia: readonly { id: string }[]): string | undefined {
  let last: string | null = null;
  try {
    last = window.localStorage.getItem(LAST_CONSORTIUM_KEY);
  } catch {
    last = null;
  }
  return consortia.find((c) => c.id === last)?.id ?? consortia[0]?.id;
}

/** Must be inside a /c/:consortiumId route that ConsortiumRoute has checked. */
export function useConsortiumId(): string {
  const { consortiumId } = useParams();
  if (!consortiumId) throw new Error('useConsortiumId outside a consortium route');
  return consortiumId;
}
