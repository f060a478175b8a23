import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type SelectQueryBuilder } from 'typeorm';
import {
  accessibleBy,
  AuthorizationService,
  ConflictError,
  ForbiddenError,
  paginate,
  UnitOfWork,
  type Caller,
  type ConnectionShape,
} from '@tetrad/core';
import { OrganizationService } from '@tetrad/organization';
import type { ConfirmLedgerSettlementArgs, LedgerArgs, LedgerTotalsArgs } from './dto/milestone.inputs';
import { ledgerWorkbook, type LedgerStatementRow } from './ledger-workbook';
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

/** Rows of an export beyond this are left out (and the workbook says so). */
const EXPORT_LIMIT = 10_000;

/**
 * The ledger: who owes whom, per milestone and party, and what the payees confirmed as settled.
 * Entries, per-party totals and statements are filtered by the caller's ability in SQL.
 */
@Injectable()
export class LedgerService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly authorization: AuthorizationService,
    private readonly organizations: OrganizationService,
    private readonly work: UnitOfWork,
  ) {}

  async entries(caller: Caller, args: LedgerArgs): Promise<ConnectionShape<LedgerEntry>> {
    const query = await this.scoped(caller, args);
    if (args.milestoneId)
      query.andWhere('entry.milestone_id = :milestoneId', { milestoneId: args.milestoneId });
    if (args.organizationId) {
      query.andWhere('(entry.payer_organization_id = :party OR entry.payee_organization_id = :party)', {
        party: args.organizationId,
      });
    }
    if (args.settled !== undefined && args.settled !== null)
      query.andWhere(args.settled ? 'entry.settled_at IS NOT NULL' : 'entry.settled_at IS NULL');
    return paginate(query, args, {
      name: 'CREATED_DESC',
      column: 'entry.created_at',
      direction: 'DESC',
      valueOf: (entry) => entry.createdAt.toISOString(),
    });
  }

  /** One row per party and currency: its shares of rewards and of risks, and the net. */
  async totals(caller: Caller, args: LedgerTotalsArgs): Promise<LedgerTotalRow[]> {
    const query = await this.scoped(caller, args);
    if (args.organizationId)
      query.andWhere('entry.organization_id = :organizationId', { organizationId: args.organizationId });
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

  /**
   * Per party and currency: owed and receivable (open), paid and received (settled). A share a
   * party pays to itself moves no money and is left out.
   */
  async statements(caller: Caller, args: LedgerTotalsArgs): Promise<LedgerStatementRow[]> {
    const scoped = await this.scoped(caller, { ...args, organizationId: undefined });
    scoped.andWhere('entry.payer_organization_id <> entry.payee_organization_id');
    const [inner, parameters] = scoped
      .select('entry.payer_organization_id', 'payer_organization_id')
      .addSelect('entry.payee_organization_id', 'payee_organization_id')
      .addSelect('entry.currency', 'currency')
      .addSelect('entry.amount_minor', 'amount_minor')
      .addSelect('entry.settled_at', 'settled_at')
      .getQueryAndParameters();
    const party = args.organizationId ? `WHERE side.org = $${parameters.length + 1}` : '';
    const rows = await this.dataSource.query<
      { org: string; currency: string; owed: string; receivable: string; paid: string; received: string }[]
    >(
      `WITH scoped AS (${inner}),
            side AS (
              SELECT payer_organization_id AS org, 'PAYER' AS role, currency, amount_minor, settled_at FROM scoped
              UNION ALL
              SELECT payee_organization_id, 'PAYEE', currency, amount_minor, settled_at FROM scoped)
       SELECT side.org, side.currency,
              COALESCE(sum(amount_minor) FILTER (WHERE role = 'PAYER' AND settled_at IS NULL), 0) AS owed,
              COALESCE(sum(amount_minor) FILTER (WHERE role = 'PAYEE' AND settled_at IS NULL), 0) AS receivable,
              COALESCE(sum(amount_minor) FILTER (WHERE role = 'PAYER' AND settled_at IS NOT NULL), 0) AS paid,
              COALESCE(sum(amount_minor) FILTER (WHERE role = 'PAYEE' AND settled_at IS NOT NULL), 0) AS received
         FROM side ${party}
        GROUP BY side.org, side.currency ORDER BY side.org, side.currency`,
      args.organizationId ? [...(parameters as unknown[]), args.organizationId] : parameters,
    );
    const names = await this.namesOf(rows.map((row) => row.org));
    return rows.map((row) => ({
      organizationId: row.org,
      name: names.get(row.org) ?? row.org,
      currency: row.currency,
      owedMinor: Number(row.owed),
      receivableMinor: Number(row.receivable),
      paidMinor: Number(row.paid),
      receivedMinor: Number(row.received),
      netOpenMinor: Number(row.receivable) - Number(row.owed),
    }));
  }

  /** Statements and entries as an Excel workbook (.xlsx). */
  async export(
    caller: Caller,
    args: LedgerTotalsArgs,
  ): Promise<{ filename: string; contentType: string; contentBase64: string }> {
    const statements = await this.statements(caller, args);
    const query = await this.scoped(caller, args);
    if (args.organizationId) {
      query.andWhere('(entry.payer_organization_id = :party OR entry.payee_organization_id = :party)', {
        party: args.organizationId,
      });
    }
    const entries = await query
      .orderBy('entry.created_at', 'ASC')
      .addOrderBy('entry.id', 'ASC')
      .take(EXPORT_LIMIT + 1)
      .getMany();
    const names = await this.namesOf(entries.flatMap((e) => [e.payerOrganizationId, e.payeeOrganizationId]));
    const buffer = await ledgerWorkbook(statements, entries.slice(0, EXPORT_LIMIT), names, {
      truncated: entries.length > EXPORT_LIMIT,
      generatedAt: new Date(),
    });
    const day = new Date().toISOString().slice(0, 10);
    return {
      filename: `tetrad-ledger-${day}.xlsx`,
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      contentBase64: buffer.toString('base64'),
    };
  }

  /** The payee's admin confirms it received the money, with its own reference; once. */
  confirmSettlement(caller: Caller, args: ConfirmLedgerSettlementArgs): Promise<LedgerEntry> {
    return this.work.run(caller, async (work) => {
      const entry = await work.lock({
        type: 'LedgerEntry',
        entity: LedgerEntry,
        id: args.entryId,
        action: 'read',
      });
      if (entry.payeeOrganizationId !== caller.organizationId) {
        throw new ForbiddenError('Only the payee confirms that it was paid: ask its admin to confirm.');
      }
      await this.authorization.assertCan(caller, 'settle', 'LedgerEntry', { ...entry }, entry.id);
      if (entry.settledAt) {
        throw new ConflictError(
          `This entry was confirmed as settled on ${entry.settledAt.toISOString()} (reference ${entry.settlementReference ?? '—'}).`,
        );
      }
      Object.assign(entry, {
        settledAt: new Date(),
        settlementReference: args.reference,
        settledByUserId: caller.userId,
      });
      const saved = await work.manager.save(entry);
      await work.record('LedgerEntry', saved, {
        action: 'ledger.settle',
        before: { settledAt: null },
        after: { settledAt: saved.settledAt, settlementReference: saved.settlementReference },
      });
      return saved;
    });
  }

  private async namesOf(ids: readonly string[]): Promise<Map<string, string>> {
    const unique = [...new Set(ids)];
    const organizations = unique.length ? await this.organizations.findByIds(unique) : [];
    return new Map(organizations.map((organization) => [organization.id, organization.name]));
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
    return query;
  }
}
