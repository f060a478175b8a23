import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type SelectQueryBuilder } from 'typeorm';
import {
  accessibleBy,
  AuthorizationService,
  paginate,
  type Caller,
  type ConnectionShape,
} from '@tetrad/core';
import type { LedgerArgs, LedgerTotalsArgs } from './dto/milestone.inputs';
import { LedgerEntry } from './milestone.entity';
import { LEDGER_COLUMNS } from './milestone.rules';

export interface LedgerTotalRow {
  organizationId: string;
  currency: string;
  rewardMinor: number;
  riskMinor: number;
  netMinor: number;
  entries: number;
}

/** The ledger: entries and per-party totals, by consortium, scenario or party, in SQL. */
@Injectable()
export class LedgerService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly authorization: AuthorizationService,
  ) {}

  async entries(caller: Caller, args: LedgerArgs): Promise<ConnectionShape<LedgerEntry>> {
    const query = await this.scoped(caller, args);
    if (args.milestoneId)
      query.andWhere('entry.milestone_id = :milestoneId', { milestoneId: args.milestoneId });
    return paginate(query, args, {
      name: 'CREATED_DESC',
      column: 'entry.created_at',
      direction: 'DESC',
      valueOf: (entry) => entry.createdAt.toISOString(),
    });
  }

  /** One row per party and currency: rewards owed to it, risk owed by it, and the net. */
  async totals(caller: Caller, args: LedgerTotalsArgs): Promise<LedgerTotalRow[]> {
    const query = await this.scoped(caller, args);
    const rows = await query
      .select('entry.organization_id', 'organizationId')
      .addSelect('entry.currency', 'currency')
      .addSelect(`COALESCE(sum(entry.amount_minor) FILTER (WHERE entry.kind = 'REWARD'), 0)`, 'reward')
      .addSelect(`COALESCE(sum(entry.amount_minor) FILTER (WHERE entry.kind = 'RISK'), 0)`, 'risk')
      .addSelect('count(*)::int', 'entries')
      .groupBy('entry.organization_id')
      .addGroupBy('entry.currency')
      .orderBy('entry.organization_id')
      .addOrderBy('entry.currency')
      .getRawMany<{
        organizationId: string;
        currency: string;
        reward: string;
        risk: string;
        entries: number;
      }>();
    return rows.map((row) => ({
      organizationId: row.organizationId,
      currency: row.currency,
      rewardMinor: Number(row.reward),
      riskMinor: Number(row.risk),
      netMinor: Number(row.reward) - Number(row.risk),
      entries: row.entries,
    }));
  }

  private async scoped(caller: Caller, args: LedgerTotalsArgs): Promise<SelectQueryBuilder<LedgerEntry>> {
    const ability = await this.authorization.abilityFor(caller);
    const scope = accessibleBy(ability, 'read', 'LedgerEntry', LEDGER_COLUMNS);
    const query = this.dataSource
      .getRepository(LedgerEntry)
      .createQueryBuilder('entry')
      .where(scope.sql, scope.params);
    if (args.consortiumId)
      query.andWhere('entry.consortium_id = :consortiumId', { consortiumId: args.consortiumId });
    if (args.scenarioId) query.andWhere('entry.scenario_id = :scenarioId', { scenarioId: args.scenarioId });
    if (args.organizationId)
      query.andWhere('entry.organization_id = :organizationId', { organizationId: args.organizationId });
    return query;
  }
}
