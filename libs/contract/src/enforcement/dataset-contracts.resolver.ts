import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Authorized, CurrentCaller, type Caller } from '@tetrad/core';
import { Dataset } from '@tetrad/dataset';
import { ContractQueryService } from '../agreement/contract-query.service';
import { DataSharingContract } from '../agreement/contract.entity';

@Resolver(() => Dataset)
export class DatasetContractsResolver {
  constructor(private readonly contracts: ContractQueryService) {}

  @Authorized({ by: 'ability', subject: 'DataSharingContract', action: 'read' })
  @ResolveField(() => [DataSharingContract], {
    description:
      'Contracts ACTIVE now that cover it and that your organisation is a party to (batched per page).',
  })
  activeContracts(
    @CurrentCaller() caller: Caller,
    @Parent() dataset: Dataset,
  ): Promise<DataSharingContract[]> {
    return this.contracts.activeContractsOf(caller, dataset.id);
  }
}
