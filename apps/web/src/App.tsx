import { lazy } from 'react';
import { Navigate, Outlet, Route, Routes } from 'react-router';
import { useSession } from './auth/session';
import { NotFoundPage } from './components/NotFoundPage';
import { AppLayout } from './layout/AppLayout';
import { useCurrentConsortium } from './layout/consortium';

// One chunk per area: a person opening "my work" downloads none of the contract editor.
const MyWorkPage = lazy(() => import('./areas/mywork/MyWorkPage').then((m) => ({ default: m.MyWorkPage })));
const ConsortiumArea = lazy(() =>
  import('./areas/consortium/ConsortiumArea').then((m) => ({ default: m.ConsortiumArea })),
);
const TicketsArea = lazy(() =>
  import('./areas/tickets/TicketsArea').then((m) => ({ default: m.TicketsArea })),
);
const DataArea = lazy(() => import('./areas/data/DataArea').then((m) => ({ default: m.DataArea })));
const ReviewsArea = lazy(() => import('./areas/data/ReviewsArea').then((m) => ({ default: m.ReviewsArea })));
const ContractsArea = lazy(() =>
  import('./areas/contracts/ContractsArea').then((m) => ({ default: m.ContractsArea })),
);
const MilestonesArea = lazy(() =>
  import('./areas/milestones/MilestonesArea').then((m) => ({ default: m.MilestonesArea })),
);
const PortfolioArea = lazy(() =>
  import('./areas/milestones/PortfolioArea').then((m) => ({ default: m.PortfolioArea })),
);
const AuditArea = lazy(() => import('./areas/audit/AuditArea').then((m) => ({ default: m.AuditArea })));
const PeopleArea = lazy(() => import('./areas/people/PeopleArea').then((m) => ({ default: m.PeopleArea })));

/** A consortium the person is not in answers "not found", as the API does. */
function ConsortiumRoute() {
  const current = useCurrentConsortium();
  return current ? <Outlet /> : <NotFoundPage />;
}

function ConsortiumHome() {
  const session = useSession();
  const first = session.consortia.nodes[0];
  return first ? <Navigate to={`/c/${first.id}/overview`} replace /> : <NotFoundPage />;
}

export function App() {
  return (
    <Routes>
      <Route element={<AppLayout />}>
        <Route index element={<MyWorkPage />} />
        <Route path="c" element={<ConsortiumHome />} />
        <Route path="people/*" element={<PeopleArea />} />
        <Route path="c/:consortiumId" element={<ConsortiumRoute />}>
          <Route index element={<Navigate to="overview" replace />} />
          <Route path="overview/*" element={<ConsortiumArea />} />
          <Route path="tickets/*" element={<TicketsArea />} />
          <Route path="data/*" element={<DataArea />} />
          <Route path="reviews/*" element={<ReviewsArea />} />
          <Route path="contracts/*" element={<ContractsArea />} />
          <Route path="milestones/*" element={<MilestonesArea />} />
          <Route path="portfolio/*" element={<PortfolioArea />} />
          <Route path="audit/*" element={<AuditArea />} />
        </Route>
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
