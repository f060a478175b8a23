import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { JSONScalar, UUIDScalar } from '@tetrad/core';
import type { Clause, ContractTerms } from '../../contract-terms';
import { ContractVersion } from '../../contract.entity';
import { ContractEditSide } from './contract-edit.inputs';
import { ClauseType, ContractComparison, ContractTermsType } from '../../dto/contract.types';

export enum ContractConflictKind {
  BOTH_CHANGED = 'BOTH_CHANGED',
  CHANGED_REMOVED = 'CHANGED_REMOVED',
  REMOVED_CHANGED = 'REMOVED_CHANGED',
  BOTH_ADDED = 'BOTH_ADDED',
  ORDER = 'ORDER',
}
registerEnumType(ContractConflictKind, {
  name: 'ContractConflictKind',
  description:
    'BOTH_CHANGED: you and the latest version changed the same field differently; CHANGED_REMOVED: you changed a clause the latest version removed; REMOVED_CHANGED: you removed a clause the latest version changed; BOTH_ADDED: both added a clause under the same key; ORDER: both reordered the clauses differently.',
});

@ObjectType('ContractEditConflict', {
  description: 'A place where your change and a change saved since the version you edited disagree.',
})
export class ContractEditConflict {
  @Field({
    description:
      '`title`, `terms.startsOn`, `terms.endsOn`, `terms.duties.<DUTY>`, `clauses.<key>.title`, `clauses.<key>.text`, `clauses.<key>` or `clauses.order`.',
  })
  path!: string;

  @Field(() => ContractConflictKind)
  kind!: ContractConflictKind;

  @Field(() => String, { nullable: true })
  clauseKey!: string | null;

  @Field(() => JSONScalar, { nullable: true, description: 'The value in the version you edited.' })
  base!: unknown;

  @Field(() => JSONScalar, { nullable: true, description: 'Your value.' })
  mine!: unknown;

  @Field(() => JSONScalar, { nullable: true, description: 'The value in the latest version.' })
  theirs!: unknown;

  @Field(() => ContractEditSide, { nullable: true, description: 'The side you chose; null while open.' })
  resolution!: ContractEditSide | null;
}

@ObjectType('ContractEditPreview', {
  description:
    'What saving your edit would store, computed by the server: your changes merged onto the latest version, the conflicts to resolve, the diff against the latest version and the hash to send with the save.',
})
export class ContractEditPreview {
  @Field(() => UUIDScalar)
  contractId!: string;

  @Field(() => Int)
  baseVersion!: number;

  @Field(() => Int, { description: 'The version your changes are merged onto.' })
  latestVersion!: number;

  @Field(() => ContractVersion, { description: 'That version, as stored.' })
  latest!: ContractVersion;

  @Field(() => Int, { description: 'The number the new version would get.' })
  newVersion!: number;

  @Field({ description: 'Whether other versions were saved since the version you edited.' })
  merged!: boolean;

  @Field()
  title!: string;

  @Field(() => ContractTermsType)
  terms!: ContractTerms;

  @Field(() => [ClauseType])
  clauses!: Clause[];

  @Field(() => [ContractEditConflict])
  conflicts!: ContractEditConflict[];

  @Field(() => Int, {
    description: 'Conflicts without a chosen side: while any is open nothing can be saved.',
  })
  openConflicts!: number;

  @Field({ description: 'Whether the result says exactly what the latest version says (nothing to save).' })
  unchanged!: boolean;

  @Field(() => ContractComparison, { description: 'The latest version against what would be stored.' })
  comparison!: ContractComparison;

  @Field(() => String, {
    nullable: true,
    description:
      'SHA-256 of what would be stored (as contentHash of the new version); send it as reviewedHash. Null while conflicts are open or nothing would change.',
  })
  contentHash!: string | null;
}
