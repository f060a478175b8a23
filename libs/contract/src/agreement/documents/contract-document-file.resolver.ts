import { Args, Query, Resolver } from '@nestjs/graphql';
import { Authorized, COST, CurrentCaller, FileDownloadType, type Caller } from '@tetrad/core';
import { ContractDocumentFileService } from './contract-document-file.service';
import { ContractDocumentFileArgs } from './dto/contract-document-file.inputs';

@Resolver()
export class ContractDocumentFileResolver {
  constructor(private readonly files: ContractDocumentFileService) {}

  @Authorized({ by: 'ability', subject: 'DataSharingContract', action: 'read' })
  @Query(() => FileDownloadType, {
    description:
      'A version of the contract (the agreed one by default) as a file: Word (.docx), PDF or Markdown, each with the parties, the version, the content hash and every signature. The same content gives the same PDF, byte for byte.',
    complexity: COST.document,
  })
  contractDocumentFile(
    @CurrentCaller() caller: Caller,
    @Args() args: ContractDocumentFileArgs,
  ): Promise<FileDownloadType> {
    return this.files.file(caller, args);
  }
}
