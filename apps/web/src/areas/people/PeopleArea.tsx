import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../../components/NotFoundPage';
import { PeoplePage } from './PeoplePage';

/** /people/* : the caller's organisation, its members, roles and invitations. */
export function PeopleArea() {
  return (
    <Routes>
      <Route index element={<PeoplePage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
