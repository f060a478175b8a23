import { Card, Empty } from 'antd';
import { useTranslation } from 'react-i18next';
import { EChart } from '../../components/EChart';
import type { ChartSpec } from './portfolioCharts';

/** A chart with its data as a table beneath, read by screen readers instead of the drawing. */
export function ChartCard({
  title,
  spec,
  height = 300,
}: {
  title: string;
  spec: ChartSpec;
  height?: number;
}) {
  const { t } = useTranslation('milestones');
  return (
    <Card title={title} size="small" style={{ height: '100%' }}>
      {spec.empty ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('portfolio.noData')} />
      ) : (
        <>
          <EChart option={spec.option} label={title} height={height} />
          <table className="tetrad-visually-hidden">
            <caption>{t('portfolio.tableOf', { chart: title })}</caption>
            <thead>
              <tr>
                {spec.table.columns.map((column) => (
                  <th key={column} scope="col">
                    {column}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {spec.table.rows.map((row, index) => (
                <tr key={index}>
                  {row.map((cell, column) => (
                    <td key={column}>{cell}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </Card>
  );
}
