import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Segmented } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { Page } from '../../components/Page';
import { useConsortiumId } from '../../layout/consortium';
import type { TicketStatus } from '../../gql/graphql';
import { LiveIndicator } from './LiveIndicator';
import { TicketBoard } from './TicketBoard';
import { TicketFilterBar } from './TicketFilterBar';
import { TicketList } from './TicketList';
import { toSearchParams, toTicketFilter } from './ticket-filter';
import { useFilterParams } from './useFilterParams';
import { useTicketOptions } from './useTicketOptions';

/** Board and list share one filter, kept in the URL, so switching views keeps what was chosen. */
export function TicketsHome({ view, live }: { view: 'board' | 'list'; live: boolean }) {
  const { t } = useTranslation('tickets');
  const navigate = useNavigate();
  const consortiumId = useConsortiumId();
  const options = useTicketOptions(consortiumId);
  const [values, setValues, params] = useFilterParams();
  const filter = useMemo(() => toTicketFilter(values, consortiumId), [values, consortiumId]);
  const base = `/c/${consortiumId}/tickets`;
  const query = params.toString();
  const listLink = (status: TicketStatus) =>
    `${base}/list?${toSearchParams({ ...values, statuses: [status] }).toString()}`;
  return (
    <Page
      title={t('title')}
      extra={
        <>
          <LiveIndicator live={live} />
          <Segmented
            aria-label={t('title')}
            value={view}
            onChange={(v) =>
              void navigate(`${base}${v === 'list' ? '/list' : ''}${query ? `?${query}` : ''}`)
            }
            options={[
              { value: 'board', label: t('views.board') },
              { value: 'list', label: t('views.list') },
            ]}
          />
          <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate(`${base}/new`)}>
            {t('raise')}
          </Button>
        </>
      }
    >
      <Card size="small" style={{ marginBottom: 12 }} styles={{ body: { paddingBottom: 0 } }}>
        <ApiErrorAlert problem={options.problem} />
        <TicketFilterBar
          values={values}
          onChange={setValues}
          options={options}
          hideStatuses={view === 'board'}
        />
      </Card>
      {view === 'board' ? (
        <TicketBoard filter={filter} listLink={listLink} />
      ) : (
        <TicketList filter={filter} />
      )}
    </Page>
  );
}
