import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, Not, IsNull } from 'typeorm';
import { ContractDraftingService } from '../agreement/drafting/contract-drafting.service';
import { DataAccessRequestItem } from './data-access-request.entity';
import type { MatcherOverride } from './matcher-override';

/** The matcher overrides of access requests, for the contracts drafted from them. */
@Injectable()
export class MatcherOverrideService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly drafting: ContractDraftingService,
  ) {}

  /**
   * Per request (already reached through a contract the caller may read), its overrides, by
   * dataset. Batched: one statement for the items, one each for the names they need.
   */
  async ofRequests(requestIds: readonly string[]): Promise<MatcherOverride[][]> {
    const items = requestIds.length
      ? await this.dataSource.getRepository(DataAccessRequestItem).find({
          where: { requestId: In([...new Set(requestIds)]), overrideReason: Not(IsNull()) },
          order: { datasetId: 'ASC' },
        })
      : [];
    if (items.length === 0) return requestIds.map(() => []);
    const names = await this.drafting.namesFor(
      items.map((item) => item.ownerOrganizationId),
      items.map((item) => item.datasetId),
    );
    const people = await this.drafting.userNames(items.map((item) => item.overriddenByUserId!));
    const overrides = items.map((item) => ({
      requestId: item.requestId,
      override: {
        datasetId: item.datasetId,
        datasetName: names.datasets.get(item.datasetId) ?? item.datasetId,
        decision: item.matchDecision,
        rationale: item.matchRationale,
        matcherVersion: item.matcherVersion,
        reason: item.overrideReason!,
        overriddenByOrganizationId: item.ownerOrganizationId,
        overriddenByOrganizationName:
          names.organizations.get(item.ownerOrganizationId) ?? item.ownerOrganizationId,
        overriddenByUserId: item.overriddenByUserId!,
        overriddenByName: people.get(item.overriddenByUserId!) ?? item.overriddenByUserId!,
        at: item.overriddenAt!,
      },
    }));
    return requestIds.map((id) =>
      overrides.filter((entry) => entry.requestId === id).map((entry) => entry.override),
    );
  }
}
