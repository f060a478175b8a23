import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  accessibleBy,
  AuditTrail,
  AuthorizationService,
  authorizedRecord,
  containsPattern,
  ForbiddenError,
  paginate,
  type Caller,
  type ConnectionShape,
  UnitOfWork,
} from '@tetrad/core';
import { ConsortiumService } from '@tetrad/consortium';
import type { CreateScenarioInput, ScenarioFields, ScenariosArgs } from './dto/scenario.inputs';
import { Scenario } from './scenario.entity';
import { DuplicateKpiKeyError } from './scenario.errors';
import { SCENARIO_COLUMNS } from './scenario.rules';

export interface ScenarioPortfolioRow {
  sector: string;
  region: string;
  scenarios: number;
  unitsDeployed: number;
  targetUnits: number;
}

@Injectable()
export class ScenarioService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly authorization: AuthorizationService,
    private readonly consortia: ConsortiumService,
    private readonly audit: AuditTrail,
    private readonly work: UnitOfWork,
  ) {}

  /**
   * A scenario the platform itself sets up (seeding; no caller) in a consortium, audited as the
   * system. Once by name within the consortium: an existing one is returned as it is.
   */
  async establishAsSystem(consortiumId: string, spec: SystemScenarioSpec): Promise<Scenario> {
    return this.dataSource.transaction(async (manager) => {
      const existing = await manager.findOneBy(Scenario, { consortiumId, name: spec.name });
      if (existing) return existing;
      const scenario = await manager.save(manager.create(Scenario, { ...spec, consortiumId }));
      await this.audit.record(manager, null, {
        action: 'scenario.seed',
        subjectType: 'Scenario',
        subjectId: scenario.id,
        consortiumId,
        after: scenario,
      });
      return scenario;
    });
  }

  /** Only the consortium's scenario-user members (ORG_ADMIN or ENGINEER) create scenarios. */
  async create(caller: Caller, input: CreateScenarioInput): Promise<Scenario> {
    await this.consortia.get(caller, input.consortiumId);
    const ability = await this.authorization.abilityFor(caller);
    if (!ability.can('create', subjectFor({ id: '', consortiumId: input.consortiumId }))) {
      throw new ForbiddenError(
        "Only the consortium's scenario users (ORG_ADMIN or ENGINEER) can add scenarios.",
      );
    }
    assertUniqueKpiKeys(input);
    return this.work.run(caller, async ({ manager }) => {
      const scenario = await manager.save(
        manager.create(Scenario, { ...input, createdByUserId: caller.userId }),
      );
      await this.audit.record(manager, caller, {
        action: 'scenario.create',
        subjectType: 'Scenario',
        subjectId: scenario.id,
        consortiumId: scenario.consortiumId,
        after: scenario,
      });
      return scenario;
    });
  }

  async update(caller: Caller, id: string, input: ScenarioFields): Promise<Scenario> {
    assertUniqueKpiKeys(input);
    return this.work.run(caller, async ({ manager }) => {
      const scenario = await authorizedRecord(this.authorization, manager, caller, {
        type: 'Scenario',
        entity: Scenario,
        id,
        action: 'update',
        lock: true,
      });
      const before = { ...scenario };
      Object.assign(scenario, input);
      const saved = await manager.save(scenario);
      await this.audit.record(manager, caller, {
        action: 'scenario.update',
        subjectType: 'Scenario',
        subjectId: id,
        consortiumId: scenario.consortiumId,
        before,
        after: saved,
      });
      return saved;
    });
  }

  get(caller: Caller, id: string): Promise<Scenario> {
    return authorizedRecord(this.authorization, this.dataSource.manager, caller, {
      type: 'Scenario',
      entity: Scenario,
      id,
      action: 'read',
    });
  }

  /**
   * The programme view: scenarios, units deployed and targeted, by sector and the consortium's
   * region; `consortiumIds` null means every consortium (the programme office).
   */
  async portfolioBySectorAndRegion(consortiumIds: readonly string[] | null): Promise<ScenarioPortfolioRow[]> {
    const rows = await this.dataSource.query<
      { sector: string; region: string; scenarios: number; units: string; target: string }[]
    >(
      `SELECT s.sector, c.region, count(*)::int AS scenarios,
              COALESCE(sum(s.units_deployed), 0)::bigint AS units, COALESCE(sum(s.target_units), 0)::bigint AS target
         FROM scenario s JOIN consortium c ON c.id = s.consortium_id
        ${consortiumIds ? 'WHERE s.consortium_id = ANY($1::uuid[])' : ''}
        GROUP BY s.sector, c.region ORDER BY s.sector::text, c.region`,
      consortiumIds ? [[...consortiumIds]] : [],
    );
    return rows.map((row) => ({
      sector: row.sector,
      region: row.region,
      scenarios: row.scenarios,
      unitsDeployed: Number(row.units),
      targetUnits: Number(row.target),
    }));
  }

  async list(caller: Caller, args: ScenariosArgs): Promise<ConnectionShape<Scenario>> {
    const ability = await this.authorization.abilityFor(caller);
    const scope = accessibleBy(ability, 'read', 'Scenario', SCENARIO_COLUMNS);
    const query = this.dataSource
      .getRepository(Scenario)
      .createQueryBuilder('scenario')
      .where(scope.sql, scope.params);
    if (args.consortiumId)
      query.andWhere('scenario.consortium_id = :consortiumId', { consortiumId: args.consortiumId });
    if (args.sector) query.andWhere('scenario.sector = :sector', { sector: args.sector });
    if (args.search?.trim()) {
      const pattern = containsPattern(args.search);
      query.andWhere(
        "(scenario.name ILIKE :pattern ESCAPE '\\' OR scenario.site ILIKE :pattern ESCAPE '\\')",
        { pattern },
      );
    }
    return paginate(query, args, {
      name: 'NAME_ASC',
      column: 'scenario.name',
      direction: 'ASC',
      valueOf: (s) => s.name,
    });
  }
}

function assertUniqueKpiKeys(input: ScenarioFields): void {
  const seen = new Set<string>();
  for (const kpi of input.kpis) {
    if (seen.has(kpi.key)) throw new DuplicateKpiKeyError(kpi.key);
    seen.add(kpi.key);
  }
}

function subjectFor(fields: { id: string; consortiumId: string }) {
  return { ...fields, __caslSubjectType__: 'Scenario' as const };
}

/** The fields of a scenario the platform sets up itself. */
export type SystemScenarioSpec = Pick<
  Scenario,
  'name' | 'site' | 'unitsDeployed' | 'targetUnits' | 'sector' | 'kpis'
>;
