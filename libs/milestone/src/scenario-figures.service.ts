import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { MILESTONE_STATUS_SQL } from './milestone.service';

export interface ScenarioMoney {
  currency: string;
  /** Reward pools and risks of milestones whose terms every bound party accepted (not waived). */
  rewardCommittedMinor: number;
  riskCommittedMinor: number;
  /** What decided milestones put in the ledger, and how much of it the payees confirmed. */
  rewardDueMinor: number;
  riskDueMinor: number;
  settledMinor: number;
}

export interface LatestKpiValue {
  kpiKey: string;
  value: number;
  reportId: string;
  periodEnd: Date;
}

export interface ScenarioFigures {
  milestonesByStatus: { key: string; count: number }[];
  money: ScenarioMoney[];
  latestVerified: LatestKpiValue[];
}

/**
 * Per scenario, for the programme office's table: milestones by their state now, money committed
 * and in the ledger per currency, and each KPI's latest verified value. Four statements for a whole
 * page of scenarios, each grouped in SQL.
 */
@Injectable()
export class ScenarioFiguresService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async figuresOf(scenarioIds: readonly string[]): Promise<ScenarioFigures[]> {
    if (scenarioIds.length === 0) return [];
    const ids = [[...scenarioIds]];
    const statuses = await this.dataSource.query<{ scenarioId: string; status: string; n: number }[]>(
      `SELECT milestone.scenario_id AS "scenarioId", ${MILESTONE_STATUS_SQL} AS status, count(*)::int AS n
         FROM milestone WHERE milestone.scenario_id = ANY($1::uuid[]) GROUP BY 1, 2 ORDER BY 2`,
      ids,
    );
    const committed = await this.dataSource.query<
      { scenarioId: string; currency: string; reward: string; risk: string }[]
    >(
      `SELECT scenario_id AS "scenarioId", currency, sum(reward_pool_minor) AS reward, sum(risk_amount_minor) AS risk
         FROM milestone WHERE scenario_id = ANY($1::uuid[]) AND status IN ('COMMITTED', 'ACHIEVED', 'MISSED')
        GROUP BY 1, 2`,
      ids,
    );
    const ledger = await this.dataSource.query<
      { scenarioId: string; currency: string; reward: string; risk: string; settled: string }[]
    >(
      `SELECT scenario_id AS "scenarioId", currency,
              COALESCE(sum(amount_minor) FILTER (WHERE kind = 'REWARD'), 0) AS reward,
              COALESCE(sum(amount_minor) FILTER (WHERE kind = 'RISK'), 0) AS risk,
              COALESCE(sum(amount_minor) FILTER (WHERE settled_at IS NOT NULL), 0) AS settled
         FROM ledger_entry WHERE scenario_id = ANY($1::uuid[]) GROUP BY 1, 2`,
      ids,
    );
    const latest = await this.dataSource.query<
      { scenarioId: string; kpiKey: string; value: number; reportId: string; periodEnd: Date }[]
    >(
      `SELECT DISTINCT ON (report.scenario_id, item ->> 'kpiKey')
              report.scenario_id AS "scenarioId", item ->> 'kpiKey' AS "kpiKey",
              (item ->> 'value')::float8 AS value, report.id AS "reportId", report.period_end AS "periodEnd"
         FROM kpi_report report CROSS JOIN LATERAL jsonb_array_elements(report.values) item
        WHERE report.scenario_id = ANY($1::uuid[]) AND report.status = 'VERIFIED'
        ORDER BY report.scenario_id, item ->> 'kpiKey', report.period_end DESC, report.id`,
      ids,
    );
    return scenarioIds.map((id) => ({
      milestonesByStatus: statuses
        .filter((row) => row.scenarioId === id)
        .map((row) => ({ key: row.status, count: row.n })),
      money: moneyOf(
        committed.filter((row) => row.scenarioId === id),
        ledger.filter((row) => row.scenarioId === id),
      ),
      latestVerified: latest
        .filter((row) => row.scenarioId === id)
        .map(({ kpiKey, value, reportId, periodEnd }) => ({
          kpiKey,
          value,
          reportId,
          periodEnd: new Date(periodEnd),
        })),
    }));
  }
}

function moneyOf(
  committed: readonly { currency: string; reward: string; risk: string }[],
  ledger: readonly { currency: string; reward: string; risk: string; settled: string }[],
): ScenarioMoney[] {
  const currencies = [...new Set([...committed, ...ledger].map((row) => row.currency))].sort();
  return currencies.map((currency) => {
    const terms = committed.find((row) => row.currency === currency);
    const book = ledger.find((row) => row.currency === currency);
    return {
      currency,
      rewardCommittedMinor: Number(terms?.reward ?? 0),
      riskCommittedMinor: Number(terms?.risk ?? 0),
      rewardDueMinor: Number(book?.reward ?? 0),
      riskDueMinor: Number(book?.risk ?? 0),
      settledMinor: Number(book?.settled ?? 0),
    };
  });
}
