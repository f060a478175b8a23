import { ArgsType, Field, Int, registerEnumType } from '@nestjs/graphql';
import { IsEnum, IsInt, IsOptional, IsUUID, Min } from 'class-validator';
import { UUIDScalar } from '@tetrad/core';
import { ContractLanguageCode } from '../../../contract-enums';

export enum ContractDocumentFormat {
  DOCX = 'DOCX',
  PDF = 'PDF',
  MARKDOWN = 'MARKDOWN',
}

registerEnumType(ContractDocumentFormat, {
  name: 'ContractDocumentFormat',
  description: 'DOCX (Word), PDF (A4, fonts embedded) or MARKDOWN.',
});

@ArgsType()
export class ContractDocumentFileArgs {
  @Field(() => UUIDScalar, { description: 'The contract.' })
  @IsUUID()
  id!: string;

  @Field(() => Int, { nullable: true, description: 'Default: the agreed version, else the latest.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;

  @Field(() => ContractDocumentFormat, { defaultValue: ContractDocumentFormat.PDF })
  @IsEnum(ContractDocumentFormat)
  format!: ContractDocumentFormat;

  @Field(() => ContractLanguageCode, {
    nullable: true,
    description: "Default: the contract's governing language; the other one is a convenience translation.",
  })
  @IsOptional()
  @IsEnum(ContractLanguageCode)
  language?: ContractLanguageCode;
}
