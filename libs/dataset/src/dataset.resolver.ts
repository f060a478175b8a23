import { Args, Context, Mutation, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import {
  Authorized,
  Connection,
  connectionCost,
  CurrentCaller,
  UUIDScalar,
  type Caller,
  type RequestLoaders,
} from '@tetrad/core';
import { Organization, ORGANIZATION_BY_ID } from '@tetrad/organization';
import { DatasetFields, DatasetsArgs, RegisterDatasetInput } from './dto/dataset.inputs';
import { Dataset } from './dataset.entity';
import { DatasetService } from './dataset.service';

@ObjectType()
export class DatasetConnection extends Connection(Dataset) {}

@Resolver(() => Dataset)
export class DatasetResolver {
  constructor(private readonly datasetService: DatasetService) {}

  @Authorized({ by: 'ability', subject: 'Dataset', action: 'read' })
  @Query(() => Dataset)
  dataset(
    @CurrentCaller() caller: Caller,
    @Args('id', { type: () => UUIDScalar }) id: string,
  ): Promise<Dataset> {
    return this.datasetService.get(caller, id);
  }

  @Authorized({ by: 'ability', subject: 'Dataset', action: 'read' })
  @Query(() => DatasetConnection, {
    description: 'The datasets you may see, filtered.',
    complexity: connectionCost,
  })
  datasets(@CurrentCaller() caller: Caller, @Args() args: DatasetsArgs): Promise<DatasetConnection> {
    return this.datasetService.list(caller, args);
  }

  @Authorized({ by: 'ability', subject: 'Dataset', action: 'create' })
  @Mutation(() => Dataset, {
    description: 'A data steward (or admin) registers a dataset of their organisation.',
  })
  registerDataset(
    @CurrentCaller() caller: Caller,
    @Args('input') input: RegisterDatasetInput,
  ): Promise<Dataset> {
    return this.datasetService.register(caller, input);
  }

  @Authorized({ by: 'ability', subject: 'Dataset', action: 'update' })
  @Mutation(() => Dataset, {
    description: "The owner's data steward updates it; each update is a new version.",
  })
  updateDataset(
    @CurrentCaller() caller: Caller,
    @Args('id', { type: () => UUIDScalar }) id: string,
    @Args('input') input: DatasetFields,
  ): Promise<Dataset> {
    return this.datasetService.update(caller, id, input);
  }

  @Authorized({ by: 'ability', subject: 'Dataset', action: 'readLocation' })
  @ResolveField(() => String, {
    nullable: true,
    description:
      "Where the data lives: only for the owner's data stewards. Holders of a live grant get it from accessDataset, which records the access with its purpose.",
  })
  storageLocation(@CurrentCaller() caller: Caller, @Parent() dataset: Dataset): Promise<string | null> {
    return this.datasetService.storageLocationFor(caller, dataset);
  }

  @Authorized({ by: 'parent' })
  @ResolveField(() => Organization, { description: 'The organisation that owns it (batched).' })
  async owner(
    @Parent() dataset: Dataset,
    @Context('loaders') loaders: RequestLoaders,
  ): Promise<Organization> {
    const organization = await loaders.get(ORGANIZATION_BY_ID).load(dataset.ownerOrganizationId);
    if (!organization) throw new Error(`Organization ${dataset.ownerOrganizationId} vanished`);
    return organization;
  }
}
