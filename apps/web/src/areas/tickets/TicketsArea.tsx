import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../../components/NotFoundPage';
import { useConsortiumId } from '../../layout/consortium';
import { RaiseTicketPage } from './RaiseTicketPage';
import { TicketPage } from './TicketPage';
import { TicketsHome } from './TicketsHome';
import { useTicketsLive } from './useTicketsLive';

/** Pain-point tickets: board (default), list, raise, one ticket. Live for as long as the area is open. */
export function TicketsArea() {
  const consortiumId = useConsortiumId();
  const { live } = useTicketsLive(consortiumId);
  return (
    <Routes>
      <Route index element={<TicketsHome view="board" live={live} />} />
      <Route path="list" element={<TicketsHome view="list" live={live} />} />
      <Route path="new" element={<RaiseTicketPage />} />
      <Route path=":ticketId" element={<TicketPage live={live} />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
