import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { MilestoneEvaluationService } from './milestone-evaluation.service';

const SWEEP_EVERY_MS = 60_000;

/**
 * Milestones past their due date are judged within a minute even if nobody asks: MISSED writes
 * the risk shares to the ledger. Several instances may sweep at once; the row lock and the
 * ledger's unique key keep it once and only once.
 */
@Injectable()
export class MilestoneSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(MilestoneSweeper.name);
  private timer: NodeJS.Timeout | undefined;
  private running = false;

  constructor(private readonly evaluation: MilestoneEvaluationService) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.sweep(), SWEEP_EVERY_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  async sweep(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      const judged = await this.evaluation.evaluateOverdue();
      if (judged > 0) this.logger.log(`Judged ${judged} milestone(s) past their due date`);
    } catch (error) {
      this.logger.error({ err: error }, 'The milestone sweep failed; it runs again in a minute');
    } finally {
      this.running = false;
    }
  }
}
