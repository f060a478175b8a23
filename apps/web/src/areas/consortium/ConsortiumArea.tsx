import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../../components/NotFoundPage';
import { OverviewPage } from './OverviewPage';
import { ScenarioPage } from './ScenarioPage';

/** Mounted at /c/:consortiumId/overview/*. */
export function ConsortiumArea() {
  return (
    <Routes>
      <Route index element={<OverviewPage />} />
      <Route path="scenarios/:scenarioId" element={<ScenarioPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
