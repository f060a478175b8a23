import { Button, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** What a paginated list shows below itself: how many of how many, and "load more" while there is more. */
export function ListFooter({
  list,
}: {
  list: {
    nodes: readonly unknown[];
    totalCount?: number;
    hasMore: boolean;
    loadMore: () => void;
    fetching: boolean;
  };
}) {
  const { t } = useTranslation();
  return (
    <Flex justify="space-between" align="center" style={{ marginTop: 12 }} wrap gap={8}>
      <Typography.Text type="secondary">
        {list.totalCount !== undefined
          ? t('pagination.showing', { shown: list.nodes.length, total: list.totalCount })
          : null}
      </Typography.Text>
      {list.hasMore ? (
        <Button onClick={list.loadMore} loading={list.fetching}>
          {t('actions.loadMore')}
        </Button>
      ) : null}
    </Flex>
  );
}
