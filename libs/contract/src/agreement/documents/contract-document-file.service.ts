import { Injectable } from '@nestjs/common';
import type { Caller, FileDownloadType } from '@tetrad/core';
import { contractDocument, contractDocumentBlocks, type ContractDocumentInput } from './contract-document';
import { ContractDraftingService } from '../drafting/contract-drafting.service';
import { ContractQueryService } from '../contract-query.service';
import type { ContractContent } from '../contract-terms';
import type { ContractLanguage } from './document-blocks';
import { renderDocx } from './document-docx';
import {
  DOCUMENT_CONTENT_TYPES,
  documentFileName,
  type DocumentFileFormat,
  type DocumentFileMeta,
} from './document-files';
import { renderPdf } from './document-pdf';
import type { ContractDocumentFileArgs } from './dto/contract-document-file.inputs';

/** A contract version as a file legal teams exchange: Word, PDF or Markdown. */
@Injectable()
export class ContractDocumentFileService {
  constructor(
    private readonly drafting: ContractDraftingService,
    private readonly query: ContractQueryService,
  ) {}

  /** For whoever may read the contract (NOT_FOUND otherwise), as `contractDocument` is. */
  async file(caller: Caller, args: ContractDocumentFileArgs): Promise<FileDownloadType> {
    const contract = await this.drafting.readable(caller, args.id);
    const number = args.version ?? contract.agreedVersion ?? contract.currentVersion;
    // When the version was written dates the file, so that the same content gives the same bytes.
    const { createdAt } = await this.drafting.version(contract, number);
    const input = await this.query.documentInput(caller, args.id, number);
    const language = args.language ?? governingLanguageOf(input.content);
    const meta: DocumentFileMeta = {
      title: input.content.title,
      contentHash: input.contentHash,
      version: number,
      date: createdAt,
    };
    const bytes = await render(args.format, input, language, meta);
    return {
      filename: documentFileName(input.content.title, number, args.format),
      contentType: DOCUMENT_CONTENT_TYPES[args.format],
      contentBase64: bytes.toString('base64'),
    };
  }
}

async function render(
  format: DocumentFileFormat,
  input: ContractDocumentInput,
  language: ContractLanguage,
  meta: DocumentFileMeta,
): Promise<Buffer> {
  switch (format) {
    case 'DOCX':
      return renderDocx(contractDocumentBlocks(input, language), meta);
    case 'PDF':
      return renderPdf(contractDocumentBlocks(input, language), meta);
    case 'MARKDOWN':
      return Buffer.from(contractDocument(input, language), 'utf8');
  }
}

/** A contract is read in its governing language unless another is asked for; versions written before contracts had one are English. */
function governingLanguageOf(content: ContractContent): ContractLanguage {
  return content.governingLanguage ?? 'en';
}
