import { Field, Int, ObjectType } from '@nestjs/graphql';
import { DateTimeScalar, JSONScalar, LocalDateScalar, UserRole, UUIDScalar } from '@tetrad/core';
import { DataModality, Purpose } from '@tetrad/dataset';
import {
  AccessEffect,
  ClauseChangeKind,
  ContractDuty,
  ContractPartyRole,
  ContractProhibition,
} from '../../contract-enums';
import { ContractNextActionKind } from '../contract-next-actions';

@ObjectType('ContractDutyTerm')
export class DutyTermType {
  @Field(() => ContractDuty)
  duty!: ContractDuty;

  @Field(() => Int, {
    nullable: true,
    description:
      'Days allowed: from the start date, or from the end date for DELETE_ON_EXPIRY. Null: a standing duty.',
  })
  dueInDays!: number | null;
}

@ObjectType('ContractTerms', { description: 'The machine-readable terms Tetrad enforces.' })
export class ContractTermsType {
  @Field(() => [UUIDScalar])
  datasetIds!: string[];

  @Field(() => [Purpose])
  purposes!: Purpose[];

  @Field(() => [ContractProhibition])
  prohibitions!: ContractProhibition[];

  @Field(() => [DutyTermType])
  duties!: DutyTermType[];

  @Field(() => LocalDateScalar, { description: 'Access starts at 00:00 UTC on this day.' })
  startsOn!: string;

  @Field(() => LocalDateScalar, { description: 'Access ends at 00:00 UTC on this day.' })
  endsOn!: string;

  @Field(() => [DataModality], { description: 'Modalities withheld from the recipient.' })
  excludedModalities!: DataModality[];
}

@ObjectType('ClauseTranslation', {
  description: "A clause in the language that is not the contract's governing one.",
})
export class ClauseTranslationType {
  @Field()
  title!: string;

  @Field()
  text!: string;
}

@ObjectType('ContractClause')
export class ClauseType {
  @Field({ description: 'Stable across versions, so clauses can be compared.' })
  key!: string;

  @Field({ description: "In the contract's governing language." })
  title!: string;

  @Field({ description: "Markdown, in the contract's governing language." })
  text!: string;

  @Field(() => ClauseTranslationType, {
    nullable: true,
    description:
      'The convenience translation in the other language (the governing text prevails); null if none.',
  })
  translation?: ClauseTranslationType | null;
}

@ObjectType('ContractParty')
export class ContractPartyType {
  @Field(() => UUIDScalar)
  organizationId!: string;

  @Field()
  name!: string;

  @Field(() => ContractPartyRole)
  role!: ContractPartyRole;

  @Field({ description: 'Whether its SIGNATORY has signed the agreed version.' })
  signed!: boolean;
}

@ObjectType('TextSegment')
export class TextSegmentType {
  @Field({ description: 'SAME, ADDED or REMOVED.' })
  kind!: string;

  @Field()
  text!: string;
}

@ObjectType('ClauseChange')
export class ClauseChangeType {
  @Field()
  key!: string;

  @Field(() => ClauseChangeKind)
  change!: `${ClauseChangeKind}`;

  @Field(() => ClauseType, { nullable: true })
  before!: ClauseType | null;

  @Field(() => ClauseType, { nullable: true })
  after!: ClauseType | null;

  @Field({ description: 'Whether the title changed (segments cover the text).' })
  titleChanged!: boolean;

  @Field(() => [TextSegmentType], { description: 'Word-level changes of a CHANGED clause.' })
  segments!: TextSegmentType[];
}

@ObjectType('TermChange')
export class TermChangeType {
  @Field()
  field!: string;

  @Field(() => AccessEffect)
  effect!: `${AccessEffect}`;

  @Field({ description: 'What the change does to access, in words.' })
  summary!: string;
}

@ObjectType('ContractVersionComparison')
export class ContractComparison {
  @Field(() => Int)
  fromVersion!: number;

  @Field(() => Int)
  toVersion!: number;

  @Field(() => [ClauseChangeType], { description: 'The legal diff.' })
  clauses!: ClauseChangeType[];

  @Field(() => [TermChangeType], { description: 'The permission diff.' })
  terms!: TermChangeType[];

  @Field({ description: 'Whether the later version gives the recipient more access anywhere.' })
  widens!: boolean;

  @Field({ description: 'Whether it gives less access anywhere.' })
  narrows!: boolean;

  @Field()
  summary!: string;
}

@ObjectType('DatasetAccessGrant', { description: 'What a live contract lets the caller read, now.' })
export class DatasetAccessGrant {
  @Field(() => UUIDScalar)
  datasetId!: string;

  @Field(() => UUIDScalar)
  contractId!: string;

  @Field(() => Purpose)
  purpose!: Purpose;

  @Field()
  storageLocation!: string;

  @Field()
  checksum!: string;

  @Field(() => [DataModality], { description: 'The modalities the contract lets the caller use.' })
  modalities!: DataModality[];

  @Field(() => [DataModality])
  excludedModalities!: DataModality[];

  @Field(() => JSONScalar, {
    description: 'The manifest: format, robot type, totals and features, less excluded modalities.',
  })
  manifest!: Record<string, unknown>;

  @Field(() => DateTimeScalar, { description: 'When this grant ends.' })
  validUntil!: Date;
}

@ObjectType('MatcherOverride', {
  description:
    "A dataset approved although the purpose matcher advised DENY or ABSTAIN, with the steward's reason: shown to every party of the contract drafted from the request.",
})
export class MatcherOverrideType {
  @Field(() => UUIDScalar)
  datasetId!: string;

  @Field()
  datasetName!: string;

  @Field({ description: "The matcher's advice that was overridden: DENY or ABSTAIN." })
  decision!: string;

  @Field(() => [String], { description: "The matcher's rationale, as stored with the request." })
  rationale!: string[];

  @Field({ description: 'The matcher version that gave the advice.' })
  matcherVersion!: string;

  @Field({ description: "The steward's written reason for approving anyway." })
  reason!: string;

  @Field(() => UUIDScalar, { description: 'The dataset owner whose steward approved.' })
  overriddenByOrganizationId!: string;

  @Field()
  overriddenByOrganizationName!: string;

  @Field(() => UUIDScalar)
  overriddenByUserId!: string;

  @Field({ description: 'The steward, by name.' })
  overriddenByName!: string;

  @Field(() => DateTimeScalar)
  at!: Date;
}

@ObjectType('ContractNextAction', { description: 'Who must act next on a contract, and what.' })
export class ContractNextActionType {
  @Field(() => UUIDScalar)
  organizationId!: string;

  @Field()
  organizationName!: string;

  @Field(() => ContractPartyRole)
  partyRole!: ContractPartyRole;

  @Field(() => ContractNextActionKind)
  action!: ContractNextActionKind;

  @Field(() => [UserRole], { description: 'A person holding any of these roles at that party may act.' })
  roles!: UserRole[];

  @Field(() => [String], {
    description:
      "Display names of that party's active people holding one of the roles; shown only to the contract's parties (empty for anyone else). Empty for a party: nobody there holds the role yet.",
  })
  people!: string[];

  @Field(() => Int, { nullable: true, description: 'The version to review or sign.' })
  version!: number | null;

  @Field(() => UUIDScalar, { nullable: true, description: 'The obligation to meet (FULFIL_OBLIGATION).' })
  obligationId!: string | null;

  @Field(() => ContractDuty, { nullable: true })
  duty!: ContractDuty | null;

  @Field(() => DateTimeScalar, { nullable: true })
  dueAt!: Date | null;
}

@ObjectType('ContractPerson', {
  description:
    "A person who edited, agreed or signed a contract, shown to the contract's parties: name and roles at their organisation.",
})
export class ContractPersonType {
  @Field()
  name!: string;

  @Field(() => UUIDScalar)
  organizationId!: string;

  @Field()
  organizationName!: string;

  @Field(() => [UserRole])
  roles!: UserRole[];

  @Field(() => String, {
    nullable: true,
    description: "Shown only to people of the person's own organisation.",
  })
  email!: string | null;
}
