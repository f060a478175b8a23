import { Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Route, Routes, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { NotFoundPage } from '../../components/NotFoundPage';
import { Page } from '../../components/Page';
import { useConsortiumId } from '../../layout/consortium';
import { filtersFromSearchParams, filtersToSearchParams, type AuditFilters } from './auditFilters';
import { AuditFilterBar } from './AuditFilterBar';
import { AuditTable } from './AuditTable';
import { ChainVerification } from './ChainVerification';
import { AuditDirectoryDocument } from './queries';

function AuditPage() {
  const { t } = useTranslation('audit');
  const consortiumId = useConsortiumId();
  const [params, setParams] = useSearchParams();
  const filters = filtersFromSearchParams(params);
  // Names for ids: without them the trail still shows, so a failure here is not shown.
  const [{ data }] = useQuery({ query: AuditDirectoryDocument, variables: { consortiumId } });
  const people = useMemo(() => new Map((data?.users.nodes ?? []).map((u) => [u.id, u.name])), [data]);
  const organizations = useMemo(
    () => new Map((data?.memberships.nodes ?? []).map((m) => [m.organization.id, m.organization.name])),
    [data],
  );
  const onChange = (next: AuditFilters) => setParams(filtersToSearchParams(next, params));

  return (
    <Page title={t('title')}>
      <Typography.Paragraph type="secondary">{t('lead')}</Typography.Paragraph>
      <ChainVerification consortiumId={consortiumId} />
      <AuditFilterBar
        value={filters}
        onChange={onChange}
        actors={(data?.users.nodes ?? []).map((u) => ({ id: u.id, name: u.name }))}
      />
      <AuditTable
        consortiumId={consortiumId}
        filters={filters}
        people={people}
        organizations={organizations}
      />
    </Page>
  );
}

/** Mounted at /c/:consortiumId/audit/*. */
export function AuditArea() {
  return (
    <Routes>
      <Route index element={<AuditPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
