import { Injectable } from '@nestjs/common';
import { AuthorizationService, NotFoundError, type Caller, type ConnectionShape } from '@tetrad/core';
import { ConsortiumService } from '@tetrad/consortium';
import { ContractQueryService } from '@tetrad/contract';
import { DatasetService } from '@tetrad/dataset';
import { MilestoneService, ScenarioFiguresService } from '@tetrad/milestone';
import { ScenarioService, type ScenariosArgs } from '@tetrad/scenario';
import { TicketQueryService } from '@tetrad/ticket';
import { portfolioKpis } from './portfolio-kpis';
import type { Portfolio, PortfolioScenario } from './portfolio.types';

export const SCENARIO_GOAL = 100;
export const UNITS_GOAL = 10_000;

/**
 * The programme-office view, assembled from one aggregate query per domain (each grouped and
 * summed in SQL). The programme office (platform role) sees every consortium; a member sees the
 * consortia its organisation is an active member of, and a consortium it is not in is NOT_FOUND.
 */
@Injectable()
export class PortfolioService {
  constructor(
    private readonly authorization: AuthorizationService,
    private readonly consortia: ConsortiumService,
    private readonly scenarios: ScenarioService,
    private readonly datasets: DatasetService,
    private readonly contracts: ContractQueryService,
    private readonly tickets: TicketQueryService,
    private readonly milestones: MilestoneService,
    private readonly scenarioFigures: ScenarioFiguresService,
  ) {}

  /** A row per scenario the caller may read: units, KPIs against baseline and target, milestones, money. */
  async scenarioRows(caller: Caller, args: ScenariosArgs): Promise<ConnectionShape<PortfolioScenario>> {
    const page = await this.scenarios.list(caller, args);
    const figures = await this.scenarioFigures.figuresOf(page.nodes.map((scenario) => scenario.id));
    const rows = page.nodes.map((scenario, index): PortfolioScenario => {
      const figure = figures[index]!;
      return {
        scenarioId: scenario.id,
        consortiumId: scenario.consortiumId,
        name: scenario.name,
        sector: scenario.sector,
        site: scenario.site,
        unitsDeployed: scenario.unitsDeployed,
        targetUnits: scenario.targetUnits,
        kpis: portfolioKpis(scenario.kpis, figure.latestVerified),
        milestonesByStatus: figure.milestonesByStatus,
        money: figure.money,
      };
    });
    return {
      ...page,
      nodes: rows,
      edges: page.edges.map((edge, index) => ({ cursor: edge.cursor, node: rows[index]! })),
    };
  }

  async portfolio(caller: Caller, consortiumId?: string): Promise<Portfolio> {
    const scope = await this.scope(caller, consortiumId);
    const groups = await this.scenarios.portfolioBySectorAndRegion(scope);
    const catalogue = await this.datasets.catalogueFigures(scope);
    const sharing = await this.contracts.sharingFigures(scope);
    const open = await this.tickets.openByCategory(scope);
    const outcomes = await this.milestones.outcomeCounts(scope);
    const sum = (pick: (group: (typeof groups)[number]) => number): number =>
      groups.reduce((total, group) => total + pick(group), 0);
    return {
      consortia: scope ? scope.length : await this.consortia.count(),
      scenarios: sum((group) => group.scenarios),
      scenarioGoal: SCENARIO_GOAL,
      unitsDeployed: sum((group) => group.unitsDeployed),
      targetUnits: sum((group) => group.targetUnits),
      unitsGoal: UNITS_GOAL,
      scenariosBySectorAndRegion: groups,
      datasets: catalogue.datasets,
      dataHoursCatalogued: catalogue.hours,
      dataHoursShared: sharing.hoursShared,
      datasetsShared: sharing.datasetsShared,
      activeContracts: sharing.activeContracts,
      openPainPointsByCategory: open.map((row) => ({ key: row.category, count: row.open })),
      milestonesByStatus: outcomes.map((row) => ({ key: row.status, count: row.milestones })),
    };
  }

  /** null: every consortium (the programme office, unless it asks for one). */
  private async scope(caller: Caller, consortiumId?: string): Promise<readonly string[] | null> {
    if (caller.platformAdmin) return consortiumId ? [consortiumId] : null;
    const mine = await this.authorization.activeConsortiumIds(caller);
    if (!consortiumId) return mine;
    if (!mine.includes(consortiumId)) throw new NotFoundError('Consortium', consortiumId);
    return [consortiumId];
  }
}
