import { Module, type OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthorizationService } from '@tetrad/core';
import { ConsortiumModule } from '@tetrad/consortium';
import { DatasetModule } from '@tetrad/dataset';
import { IdentityModule } from '@tetrad/identity';
import { OrganizationModule } from '@tetrad/organization';
import { AccessRequestItemResolver, AccessRequestResolver } from './access-requests/access-request.resolver';
import { AccessRequestService } from './access-requests/access-request.service';
import { ContractClauseComment } from './agreement/versions/clause-comment.entity';
import { ClauseCommentLoaders } from './agreement/versions/clause-comment.loaders';
import {
  ClauseCommentContractResolver,
  ClauseCommentResolver,
  ClauseCommentVersionResolver,
} from './agreement/versions/clause-comment.resolver';
import { ClauseCommentService } from './agreement/versions/clause-comment.service';
import { ContractDocumentFileResolver } from './agreement/documents/contract-document-file.resolver';
import { ContractDocumentFileService } from './agreement/documents/contract-document-file.service';
import { ContractDraftingService } from './agreement/drafting/contract-drafting.service';
import { ContractEditingResolver } from './agreement/versions/contract-editing.resolver';
import { ContractEditingService } from './agreement/versions/contract-editing.service';
import { ContractFactsService } from './enforcement/contract-facts';
import { ContractLifecycleService } from './agreement/signing/contract-lifecycle.service';
import { ContractNextActionsService } from './agreement/contract-next-actions.service';
import { ContractQueryService } from './agreement/contract-query.service';
import {
  ContractObligation,
  ContractSignature,
  ContractVersion,
  DataSharingContract,
} from './agreement/contract.entity';
import { ContractLoaders } from './agreement/contract.loaders';
import {
  ContractObligationResolver,
  ContractResolver,
  ContractSignatureResolver,
  ContractVersionResolver,
  DataAccessResolver,
} from './agreement/contract.resolver';
import { ContractPeopleService } from './agreement/contract-people.service';
import { contractRules } from './contract.rules';
import { DataAccessRequest, DataAccessRequestItem } from './access-requests/data-access-request.entity';
import { DataAccessService } from './enforcement/data-access.service';
import { DatasetContractsResolver } from './enforcement/dataset-contracts.resolver';
import { MatcherOverrideService } from './access-requests/matcher-override.service';

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
