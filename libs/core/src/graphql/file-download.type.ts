import { Field, ObjectType } from '@nestjs/graphql';

/** A file the server generates on request (a ledger workbook, a contract document), base64 in the response. */
@ObjectType('FileDownload', { description: 'A generated file, base64-encoded.' })
export class FileDownloadType {
  @Field()
  filename!: string;

  @Field()
  contentType!: string;

  @Field({ description: 'The file itself, base64.' })
  contentBase64!: string;
}
