import { PlusOutlined } from '@ant-design/icons';
import { Button, Tabs } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Route, Routes, useNavigate } from 'react-router';
import { useSession } from '../../auth/session';
import { NotFoundPage } from '../../components/NotFoundPage';
import { Page } from '../../components/Page';
import { useConsortiumId } from '../../layout/consortium';
import { CreateMilestonePage } from './CreateMilestonePage';
import { KpiReportsPage } from './KpiReportsPage';
import { LedgerPage } from './LedgerPage';
import { MilestonePage } from './MilestonePage';
import { MilestonesListPage } from './MilestonesListPage';

type Section = 'list' | 'reports' | 'ledger';

/** The area's page (one h1) with tabs between its three lists; a milestone has its own page. */
function AreaShell({ section, children }: { section: Section; children: ReactNode }) {
  const { t } = useTranslation('milestones');
  const consortiumId = useConsortiumId();
  const navigate = useNavigate();
  const session = useSession();
  // Only a member organisation's admin may create one (the API refuses anyone else).
  const create =
    section === 'list' && session.roles.includes('ORG_ADMIN') ? (
      <Button
        type="primary"
        icon={<PlusOutlined />}
        onClick={() => void navigate(`/c/${consortiumId}/milestones/new`)}
      >
        {t('create.title')}
      </Button>
    ) : undefined;
  return (
    <Page title={t('title')} extra={create}>
      <Tabs
        activeKey={section}
        onChange={(key) => void navigate(`/c/${consortiumId}/milestones${key === 'list' ? '' : `/${key}`}`)}
        items={[
          { key: 'list', label: t('nav.list') },
          { key: 'reports', label: t('nav.reports') },
          { key: 'ledger', label: t('nav.ledger') },
        ]}
      />
      {children}
    </Page>
  );
}

export function MilestonesArea() {
  return (
    <Routes>
      <Route
        index
        element={
          <AreaShell section="list">
            <MilestonesListPage />
          </AreaShell>
        }
      />
      <Route
        path="reports"
        element={
          <AreaShell section="reports">
            <KpiReportsPage />
          </AreaShell>
        }
      />
      <Route
        path="ledger"
        element={
          <AreaShell section="ledger">
            <LedgerPage />
          </AreaShell>
        }
      />
      <Route path="new" element={<CreateMilestonePage />} />
      <Route path=":milestoneId" element={<MilestonePage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
