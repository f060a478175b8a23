import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../../components/NotFoundPage';
import { CatalogPage } from './CatalogPage';
import { DatasetPage } from './DatasetPage';
import { RegisterDatasetPage } from './RegisterDatasetPage';

/** /c/:consortiumId/data/*: the catalog, registering a dataset, one dataset. */
export function DataArea() {
  return (
    <Routes>
      <Route index element={<CatalogPage />} />
      <Route path="new" element={<RegisterDatasetPage />} />
      <Route path=":datasetId" element={<DatasetPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
