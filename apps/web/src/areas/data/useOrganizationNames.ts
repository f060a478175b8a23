import { useMemo } from 'react';
import { useQuery } from 'urql';
import { DataMembersQuery } from './data.queries';

/** Organisation id → name for the members of a consortium (requests carry only ids). */
export function useOrganizationNames(consortiumId: string): (id: string) => string {
  const [{ data }] = useQuery({ query: DataMembersQuery, variables: { consortiumId } });
  return useMemo(() => {
    const names = new Map(
      (data?.memberships.nodes ?? []).map((m) => [m.organization.id, m.organization.name]),
    );
    return (id: string) => names.get(id) ?? id.slice(0, 8);
  }, [data]);
}
