import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { subject } from '@casl/ability';
import { DataSource, In, type DeepPartial, type EntityManager } from 'typeorm';
import {
  accessibleBy,
  AuditTrail,
  AuthorizationService,
  authorizedRecord,
  byKeys,
  callerLoader,
  ForbiddenError,
  paginate,
  recordChange,
  searchQuery,
  textMatches,
  type Caller,
  type KeysetSort,
  type ConnectionShape,
  UnitOfWork,
} from '@tetrad/core';
import { ScenarioService } from '@tetrad/scenario';
import type { DatasetFields, DatasetsArgs, RegisterDatasetInput } from './dto/dataset.inputs';
import { Dataset } from './dataset.entity';
import { DATASET_COLUMNS } from './dataset.rules';

const BY_NAME: KeysetSort<Dataset> = {
  name: 'NAME_ASC',
  column: 'dataset.name',
  direction: 'ASC',
  valueOf: (d) => d.name,
};
// A searched catalog shows the best matches first: name over robot type over description.
const BY_RELEVANCE: KeysetSort<Dataset> = {
  name: 'RELEVANCE',
  column: 'CAST(ts_rank(dataset.search_vector, CAST(:searchQuery AS tsquery)) AS float8)',
  direction: 'DESC',
  valueOf: 'selected',
};

/** The catalog: registration by the owner's stewards, versions on update, visibility by sensitivity. */
@Injectable()
export class DatasetService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly authorization: AuthorizationService,
    private readonly scenarios: ScenarioService,
    private readonly audit: AuditTrail,
    private readonly work: UnitOfWork,
  ) {}

  /**
   * Datasets the platform itself registers (seeding; no caller) in a scenario, audited as the
   * system. Once by name within the consortium: only the missing ones are created; their count.
   */
  async registerAsSystem(
    scenario: { id: string; consortiumId: string },
    specs: SystemDatasetSpec[],
  ): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const existing = await manager.find(Dataset, {
        select: { name: true },
        where: { consortiumId: scenario.consortiumId, name: In(specs.map((spec) => spec.name)) },
      });
      const missing = specs.filter((spec) => !existing.some((row) => row.name === spec.name));
      for (const spec of missing) {
        const dataset = await manager.save(
          manager.create(Dataset, { ...spec, consortiumId: scenario.consortiumId, scenarioId: scenario.id }),
        );
        await recordChange(this.audit, manager, null, 'Dataset', dataset, {
          action: 'dataset.seed',
          after: withoutLocation(dataset),
        });
      }
      return missing.length;
    });
  }

  async register(caller: Caller, input: RegisterDatasetInput): Promise<Dataset> {
    const scenario = await this.scenarios.get(caller, input.scenarioId);
    const ability = await this.authorization.abilityFor(caller);
    const target = {
      id: '',
      consortiumId: scenario.consortiumId,
      ownerOrganizationId: caller.organizationId ?? '',
      sensitivity: input.sensitivity,
    };
    if (!ability.can('create', { ...target, __caslSubjectType__: 'Dataset' as const })) {
      throw new ForbiddenError("Only your organisation's data stewards or admins register its datasets.");
    }
    return this.work.run(caller, async ({ manager }) => {
      const dataset = await manager.save(
        manager.create(Dataset, {
          ...input,
          metadata: input.metadata ?? {},
          consortiumId: scenario.consortiumId,
          ownerOrganizationId: caller.organizationId!,
        }),
      );
      await this.audit.record(manager, caller, {
        action: 'dataset.register',
        subjectType: 'Dataset',
        subjectId: dataset.id,
        consortiumId: dataset.consortiumId,
        after: withoutLocation(dataset),
      });
      return dataset;
    });
  }

  /** Every update is a new version; the previous one stays in the audit trail. */
  async update(caller: Caller, id: string, input: DatasetFields): Promise<Dataset> {
    return this.work.run(caller, async ({ manager }) => {
      const dataset = await authorizedRecord(this.authorization, manager, caller, {
        type: 'Dataset',
        entity: Dataset,
        id,
        action: 'update',
        lock: true,
      });
      const before = withoutLocation(dataset);
      Object.assign(dataset, {
        ...input,
        metadata: input.metadata ?? dataset.metadata,
        version: dataset.version + 1,
      });
      const saved = await manager.save(dataset);
      await this.audit.record(manager, caller, {
        action: 'dataset.update',
        subjectType: 'Dataset',
        subjectId: id,
        consortiumId: saved.consortiumId,
        before,
        after: withoutLocation(saved),
      });
      return saved;
    });
  }

  get(caller: Caller, id: string): Promise<Dataset> {
    return authorizedRecord(this.authorization, this.dataSource.manager, caller, {
      type: 'Dataset',
      entity: Dataset,
      id,
      action: 'read',
    });
  }

  /** A dataset the caller may read, or null (missing or out of reach): batched per request. */
  readable(caller: Caller, id: string): Promise<Dataset | null> {
    return callerLoader<string, Dataset | null>(
      caller,
      'dataset.readable',
      async (ids) => byKeys(ids, await this.readableByIds(caller, ids), (dataset) => dataset.id),
      { cache: false },
    ).load(id);
  }

  /** The datasets among `ids` that the caller may read, scoped in SQL by the same rules as `get`. */
  async readableByIds(caller: Caller, ids: readonly string[]): Promise<Dataset[]> {
    if (ids.length === 0) return [];
    const ability = await this.authorization.abilityFor(caller);
    const scope = accessibleBy(ability, 'read', 'Dataset', DATASET_COLUMNS);
    return this.dataSource
      .getRepository(Dataset)
      .createQueryBuilder('dataset')
      .where('dataset.id IN (:...ids)', { ids: [...new Set(ids)] })
      .andWhere(scope.sql, scope.params)
      .getMany();
  }

  /** The storage location: the owner's data stewards and live grant holders (the ability decides). */
  async storageLocationFor(caller: Caller, dataset: Dataset): Promise<string | null> {
    const ability = await this.authorization.abilityFor(caller);
    return ability.can('readLocation', subject('Dataset', { ...dataset })) ? dataset.storageLocation : null;
  }

  /** Datasets by id, unchecked: for services that have already authorised the caller. */
  /** `manager`: the caller's transaction, when it has one (the embedded database has one connection). */
  async findByIds(
    ids: readonly string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Dataset[]> {
    if (ids.length === 0) return [];
    return manager.findBy(Dataset, { id: In([...ids]) });
  }

  /** Datasets and hours of data catalogued (null: every consortium). */
  async catalogueFigures(
    consortiumIds: readonly string[] | null,
  ): Promise<{ datasets: number; hours: number }> {
    const [row] = await this.dataSource.query<{ datasets: number; hours: number }[]>(
      `SELECT count(*)::int AS datasets, COALESCE(sum(d.hours), 0)::float8 AS hours FROM dataset d
        ${consortiumIds ? 'WHERE d.consortium_id = ANY($1::uuid[])' : ''}`,
      consortiumIds ? [[...consortiumIds]] : [],
    );
    return { datasets: row?.datasets ?? 0, hours: row?.hours ?? 0 };
  }

  async list(caller: Caller, args: DatasetsArgs): Promise<ConnectionShape<Dataset>> {
    const ability = await this.authorization.abilityFor(caller);
    const scope = accessibleBy(ability, 'read', 'Dataset', DATASET_COLUMNS);
    const query = this.dataSource
      .getRepository(Dataset)
      .createQueryBuilder('dataset')
      .where(scope.sql, scope.params);
    if (args.consortiumId) {
      query.andWhere('dataset.consortium_id = :consortiumId', { consortiumId: args.consortiumId });
    }
    if (args.modality)
      query.andWhere('dataset.modalities @> CAST(ARRAY[:wantedModality] AS data_modality[])', {
        wantedModality: args.modality,
      });
    if (args.purpose)
      query.andWhere('dataset.allowed_purposes @> CAST(ARRAY[:wantedPurpose] AS purpose[])', {
        wantedPurpose: args.purpose,
      });
    if (args.format) query.andWhere('dataset.format = :format', { format: args.format });
    if (args.sensitivity)
      query.andWhere('dataset.sensitivity = :sensitivity', { sensitivity: args.sensitivity });
    if (args.robotType) query.andWhere('dataset.robot_type = :robotType', { robotType: args.robotType });
    if (args.sector) {
      query.andWhere(
        'EXISTS (SELECT 1 FROM scenario s WHERE s.id = dataset.scenario_id AND s.sector = :sector)',
        { sector: args.sector },
      );
    }
    const tsQuery = searchQuery(args.search);
    if (args.search?.trim()) {
      query.andWhere(tsQuery ? 'dataset.search_vector @@ CAST(:searchQuery AS tsquery)' : 'false', {
        searchQuery: tsQuery,
      });
    }
    const page = await paginate(query, args, tsQuery ? BY_RELEVANCE : BY_NAME);
    if (tsQuery && args.search) {
      for (const dataset of page.nodes) {
        const { name, description, robotType } = dataset;
        dataset.searchHighlight = textMatches({ name, description, robotType }, args.search);
      }
    }
    return page;
  }
}

/** The trail is readable by every member: the storage location never goes into it. */
export function withoutLocation(dataset: Dataset): Omit<Dataset, 'storageLocation'> {
  const { storageLocation: _hidden, ...rest } = dataset;
  return rest;
}

/** A dataset the platform registers itself: its fields and owner, without the scenario's ids. */
export type SystemDatasetSpec = DeepPartial<Omit<Dataset, 'consortiumId' | 'scenarioId'>> & {
  name: string;
  ownerOrganizationId: string;
};
