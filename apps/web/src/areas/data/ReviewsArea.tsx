import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../../components/NotFoundPage';
import { RequestPage } from './RequestPage';
import { ReviewQueuePage } from './ReviewQueuePage';

/** /c/:consortiumId/reviews/*: the review queue (and my requests), one request. */
export function ReviewsArea() {
  return (
    <Routes>
      <Route index element={<ReviewQueuePage />} />
      <Route path=":requestId" element={<RequestPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
