import { CloseOutlined } from '@ant-design/icons';
import { Button, Card, Divider, Flex, Form, List, Select, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { toApiProblem, type ApiProblem } from '../../api/errors';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { graphql } from '../../gql';
import type { TicketLinkKind } from '../../gql/graphql';
import { useConsortiumId } from '../../layout/consortium';
import { STATUS_COLOR } from './ticket-meta';

const TicketsLinkChoicesDocument = graphql(`
  query TicketsLinkChoices($consortiumId: UUID!, $search: String) {
    tickets(filter: { consortiumId: $consortiumId, search: $search }, first: 20) {
      nodes {
        id
        number
        title
        status
      }
    }
    datasets(consortiumId: $consortiumId, first: 50) {
      nodes {
        id
        name
      }
    }
  }
`);

const TicketsLinkDocument = graphql(`
  mutation TicketsLink($from: UUID!, $to: UUID!, $kind: TicketLinkKind!) {
    linkTickets(fromTicketId: $from, toTicketId: $to, kind: $kind) {
      fromTicketId
      toTicketId
      kind
    }
  }
`);

const TicketsDatasetLinkDocument = graphql(`
  mutation TicketsDatasetLink($ticketId: UUID!, $datasetId: UUID!) {
    linkTicketToDataset(ticketId: $ticketId, datasetId: $datasetId) {
      id
      datasets {
        id
        name
      }
    }
  }
`);

const TicketsDatasetUnlinkDocument = graphql(`
  mutation TicketsDatasetUnlink($ticketId: UUID!, $datasetId: UUID!) {
    unlinkTicketFromDataset(ticketId: $ticketId, datasetId: $datasetId) {
      id
      datasets {
        id
        name
      }
    }
  }
`);

interface Linked {
  id: string;
  links: readonly { kind: TicketLinkKind; fromTicketId: string; toTicketId: string }[];
  datasets: readonly { id: string; name: string }[];
}

const KINDS: readonly TicketLinkKind[] = ['RELATES_TO', 'BLOCKS', 'DUPLICATES'];

/** Links to other tickets of the consortium and to the datasets the problem concerns. */
export function TicketLinks({ ticket }: { ticket: Linked }) {
  const { t } = useTranslation('tickets');
  const consortiumId = useConsortiumId();
  const [search, setSearch] = useState('');
  const [choices] = useQuery({
    query: TicketsLinkChoicesDocument,
    variables: { consortiumId, search: search || null },
  });
  const [linkState, link] = useMutation(TicketsLinkDocument);
  const [dsState, linkDataset] = useMutation(TicketsDatasetLinkDocument);
  const [, unlinkDataset] = useMutation(TicketsDatasetUnlinkDocument);
  const [problem, setProblem] = useState<ApiProblem>();
  const [form] = Form.useForm<{ kind: TicketLinkKind; to: string }>();
  const [dataset, setDataset] = useState<string>();
  const known = new Map((choices.data?.tickets.nodes ?? []).map((n) => [n.id, n]));

  const done = (error: Parameters<typeof toApiProblem>[0]) => {
    setProblem(toApiProblem(error));
    return !error;
  };
  return (
    <Card size="small" title={t('ticket.links')}>
      <List
        size="small"
        locale={{ emptyText: t('ticket.noLinks') }}
        dataSource={[...ticket.links]}
        renderItem={(l) => {
          const outgoing = l.fromTicketId === ticket.id;
          const other = outgoing ? l.toTicketId : l.fromTicketId;
          const found = known.get(other);
          return (
            <List.Item>
              <Flex gap={6} align="center" wrap>
                <Tag>{t(`linkKind.${l.kind}`)}</Tag>
                {outgoing ? null : <Typography.Text type="secondary">←</Typography.Text>}
                <Link to={`/c/${consortiumId}/tickets/${other}`}>
                  {found ? `#${found.number} ${found.title}` : other.slice(0, 8)}
                </Link>
                {found ? <Tag color={STATUS_COLOR[found.status]}>{t(`status.${found.status}`)}</Tag> : null}
              </Flex>
            </List.Item>
          );
        }}
      />
      <Form
        form={form}
        layout="vertical"
        initialValues={{ kind: 'RELATES_TO' }}
        style={{ marginTop: 8 }}
        onFinish={(v) =>
          void link({ from: ticket.id, to: v.to, kind: v.kind }).then((r) => {
            if (done(r.error)) form.resetFields(['to']);
          })
        }
      >
        <Flex gap={8} wrap align="end">
          <Form.Item name="kind" label={t('ticket.linkKind')} style={{ marginBottom: 8, width: 110 }}>
            <Select options={KINDS.map((k) => ({ value: k, label: t(`linkKind.${k}`) }))} />
          </Form.Item>
          <Form.Item
            name="to"
            label={t('ticket.linkTarget')}
            rules={[{ required: true, message: t('ticket.linkTarget') }]}
            style={{ marginBottom: 8, flex: 1, minWidth: 160 }}
          >
            <Select
              showSearch={{ filterOption: false, onSearch: setSearch }}
              placeholder={t('ticket.linkTargetPlaceholder')}
              options={(choices.data?.tickets.nodes ?? [])
                .filter((n) => n.id !== ticket.id)
                .map((n) => ({ value: n.id, label: `#${n.number} ${n.title}` }))}
            />
          </Form.Item>
          <Button htmlType="submit" loading={linkState.fetching} style={{ marginBottom: 8 }}>
            {t('ticket.linkAdd')}
          </Button>
        </Flex>
      </Form>
      <Divider style={{ margin: '12px 0' }} />
      <Typography.Title level={3} style={{ fontSize: 14 }}>
        {t('ticket.datasets')}
      </Typography.Title>
      <Flex gap={6} wrap style={{ marginBottom: 8 }}>
        {ticket.datasets.length === 0 ? (
          <Typography.Text type="secondary">{t('ticket.noDatasets')}</Typography.Text>
        ) : null}
        {ticket.datasets.map((d) => (
          <Tag key={d.id} color="geekblue">
            <Link to={`/c/${consortiumId}/data/${d.id}`}>{d.name}</Link>
            <Button
              type="text"
              size="small"
              icon={<CloseOutlined />}
              aria-label={t('ticket.datasetRemove', { name: d.name })}
              onClick={() =>
                void unlinkDataset({ ticketId: ticket.id, datasetId: d.id }).then((r) => done(r.error))
              }
            />
          </Tag>
        ))}
      </Flex>
      <Flex gap={8} align="end" wrap>
        <label style={{ flex: 1, minWidth: 160 }}>
          <div style={{ marginBottom: 4 }}>{t('ticket.datasetPick')}</div>
          <Select
            style={{ width: '100%' }}
            value={dataset}
            onChange={setDataset}
            showSearch={{ optionFilterProp: 'label' }}
            options={(choices.data?.datasets.nodes ?? [])
              .filter((d) => !ticket.datasets.some((x) => x.id === d.id))
              .map((d) => ({ value: d.id, label: d.name }))}
          />
        </label>
        <Button
          disabled={!dataset}
          loading={dsState.fetching}
          onClick={() => {
            if (dataset)
              void linkDataset({ ticketId: ticket.id, datasetId: dataset }).then((r) => {
                if (done(r.error)) setDataset(undefined);
              });
          }}
        >
          {t('ticket.datasetAdd')}
        </Button>
      </Flex>
      <div style={{ marginTop: 8 }}>
        <ApiErrorAlert problem={problem} />
      </div>
    </Card>
  );
}
