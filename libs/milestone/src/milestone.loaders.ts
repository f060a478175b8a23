import { Injectable, type OnModuleInit } from '@nestjs/common';
import DataLoader from 'dataloader';
import { LoaderKey, LoaderRegistry } from '@tetrad/core';
import type { MilestoneEvaluation } from './milestone-evaluation';
import { MilestoneEvaluationService } from './milestone-evaluation.service';
import { MilestoneAgreementService } from './milestone-agreement.service';
import type { Milestone, MilestoneAcceptance, MilestoneProposal } from './milestone.entity';
import { MilestoneService } from './milestone.service';

/** Per milestone already authorised for reading: what a page of milestones shows, one statement each. */
export const MILESTONE_EVALUATION = new LoaderKey<Milestone, MilestoneEvaluation>('milestone.evaluation');
export const MILESTONE_PROPOSALS = new LoaderKey<string, MilestoneProposal[]>('milestone.proposals');
export const MILESTONE_ACCEPTANCES = new LoaderKey<string, MilestoneAcceptance[]>('milestone.acceptances');

/**
 * Not cached: a later mutation of the same request (or the next event of a subscription) may
 * verify a report or add a proposal, and must be seen. Loads of one page still batch.
 */
@Injectable()
export class MilestoneLoaders implements OnModuleInit {
  constructor(
    private readonly registry: LoaderRegistry,
    private readonly milestones: MilestoneService,
    private readonly evaluation: MilestoneEvaluationService,
    private readonly agreement: MilestoneAgreementService,
  ) {}

  onModuleInit(): void {
    this.registry.register(
      MILESTONE_EVALUATION,
      () =>
        new DataLoader<Milestone, MilestoneEvaluation>(
          (milestones) => this.evaluation.explainAll(milestones),
          {
            cache: false,
          },
        ),
    );
    this.registry.register(
      MILESTONE_PROPOSALS,
      () =>
        new DataLoader<string, MilestoneProposal[]>((ids) => this.milestones.proposalsOf(ids), {
          cache: false,
        }),
    );
    this.registry.register(
      MILESTONE_ACCEPTANCES,
      () =>
        new DataLoader<string, MilestoneAcceptance[]>((ids) => this.agreement.acceptancesOf(null, ids), {
          cache: false,
        }),
    );
  }
}
