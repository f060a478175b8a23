import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Authorized, CurrentCaller, type Caller } from '@tetrad/core';
import { ContractEditingService } from './contract-editing.service';
import { ContractVersion } from '../contract.entity';
import { ContractEditProposalInput, EditContractInput } from './dto/contract-edit.inputs';
import { ContractEditPreview } from './dto/contract-edit.types';

@Resolver(() => ContractVersion)
export class ContractEditingResolver {
  constructor(private readonly editing: ContractEditingService) {}

  @Authorized({ by: 'ability', subject: 'DataSharingContract', action: 'draft' })
  @Query(() => ContractEditPreview, {
    description:
      "What saving this edit would store: your changes merged onto the latest version, conflicts field by field, the diff against the latest version and the hash to send as reviewedHash. For a party's LEGAL user.",
  })
  previewContractEdit(
    @CurrentCaller() caller: Caller,
    @Args('input') input: ContractEditProposalInput,
  ): Promise<ContractEditPreview> {
    return this.editing.preview(caller, input);
  }

  @Authorized({ by: 'ability', subject: 'DataSharingContract', action: 'draft' })
  @Mutation(() => ContractVersion, {
    description:
      "A party's LEGAL user saves a new version: their changes against the version they edited, merged onto the latest one. Conflicting changes without a chosen side, or a reviewedHash that no longer matches what would be stored, answer CONFLICT and store nothing.",
  })
  editContract(
    @CurrentCaller() caller: Caller,
    @Args('input') input: EditContractInput,
  ): Promise<ContractVersion> {
    return this.editing.edit(caller, input);
  }

  @Authorized({ by: 'parent' })
  @ResolveField(() => Boolean, {
    description:
      'Whether this version merged its author’s changes onto a version saved after the one they edited.',
  })
  merged(@Parent() version: ContractVersion): boolean {
    return version.basedOn !== null && version.basedOn < version.number - 1;
  }
}
