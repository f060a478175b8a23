import { Module, type OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthorizationService } from '@tetrad/core';
import { ConsortiumModule } from '@tetrad/consortium';
import { DatasetModule } from '@tetrad/dataset';
import { IdentityModule } from '@tetrad/identity';
import { OrganizationModule } from '@tetrad/organization';
import { AccessRequestItemResolver, AccessRequestResolver } from './access-request.resolver';
import { AccessRequestService } from './access-request.service';
import { ContractClauseComment } from './clause-comment.entity';
import { ClauseCommentLoaders } from './clause-comment.loaders';
import {
  ClauseCommentContractResolver,
  ClauseCommentResolver,
  ClauseCommentVersionResolver,
} from './clause-comment.resolver';
import { ClauseCommentService } from './clause-comment.service';
import { ContractDocumentFileResolver } from './contract-document-file.resolver';
import { ContractDocumentFileService } from './contract-document-file.service';
import { ContractDraftingService } from './contract-drafting.service';
import { ContractEditingResolver } from './contract-editing.resolver';
import { ContractEditingService } from './contract-editing.service';
import { ContractFactsService } from './contract-facts';
import { ContractLifecycleService } from './contract-lifecycle.service';
import { ContractNextActionsService } from './contract-next-actions.service';
import { ContractQueryService } from './contract-query.service';
import {
  ContractObligation,
  ContractSignature,
  ContractVersion,
  DataSharingContract,
} from './contract.entity';
import { ContractLoaders } from './contract.loaders';
import {
  ContractObligationResolver,
  ContractResolver,
  ContractSignatureResolver,
  ContractVersionResolver,
  DataAccessResolver,
} from './contract.resolver';
import { ContractPeopleService } from './contract-people.service';
import { contractRules } from './contract.rules';
import { DataAccessRequest, DataAccessRequestItem } from './data-access-request.entity';
import { DataAccessService } from './data-access.service';
import { DatasetContractsResolver } from './dataset-contracts.resolver';
import { MatcherOverrideService } from './matcher-override.service';

/** Access requests, data-use agreements and their enforcement (issue 6). */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      DataAccessRequest,
      DataAccessRequestItem,
      DataSharingContract,
      ContractVersion,
      ContractSignature,
      ContractObligation,
      ContractClauseComment,
    ]),
    ConsortiumModule,
    DatasetModule,
    IdentityModule,
    OrganizationModule,
  ],
  providers: [
    AccessRequestService,
    ContractDocumentFileResolver,
    ContractDocumentFileService,
    ContractDraftingService,
    ContractEditingService,
    ContractEditingResolver,
    ContractLifecycleService,
    ContractQueryService,
    ContractNextActionsService,
    ContractFactsService,
    DataAccessService,
    MatcherOverrideService,
    ContractLoaders,
    AccessRequestResolver,
    AccessRequestItemResolver,
    ContractResolver,
    ContractObligationResolver,
    ContractVersionResolver,
    ContractSignatureResolver,
    ContractPeopleService,
    DataAccessResolver,
    DatasetContractsResolver,
    ClauseCommentService,
    ClauseCommentLoaders,
    ClauseCommentResolver,
    ClauseCommentContractResolver,
    ClauseCommentVersionResolver,
  ],
  exports: [ContractQueryService],
})
export class ContractModule implements OnModuleInit {
  constructor(
    private readonly authorization: AuthorizationService,
    private readonly facts: ContractFactsService,
  ) {}

  onModuleInit(): void {
    this.authorization.register(contractRules);
    this.authorization.useContractFacts(this.facts);
  }
}
