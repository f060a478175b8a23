import type { DataPurpose } from '@tetrad/dataset';
import { startOfDateInTimeZone } from '@tetrad/consortium';
import { addDays } from '../drafting/clause-templates';
import type {
  ContractContent,
  ContractParty,
  DutyTerm,
  Modality,
  PartyRole,
  Prohibition,
} from '../contract-terms';

/**
 * A contract version as an ODRL 2.2 `Agreement` in JSON-LD (https://www.w3.org/TR/odrl-model/).
 *
 * Modelling choices, each checked against the ODRL 2.2 information model and vocabulary:
 * - Rules are atomic: one `use` permission per dataset, one prohibition per (prohibition, dataset),
 *   each carrying its own `assigner` and `assignee`, as an Agreement requires both "in the same
 *   Permission or Prohibition". A rule has at most one assigner, so several providers become one
 *   `PartyCollection` (its members declared with `partOf`); they sign the same text and grant jointly.
 * - `conflict: "prohibit"`: `distribute`, `cc:CommercialUse`... are included in `use`, so the
 *   permission and the prohibitions overlap; without it ODRL's default (`invalid`) voids the policy.
 * - Excluded modalities refine the target: the dataset becomes an `AssetCollection` (its `source`)
 *   of recorded streams, narrowed to streams whose `tetrad:modality` is none of the excluded ones.
 *   The permission then grants exactly what may be read, with no permission/prohibition overlap.
 * - COMMERCIAL_USE is `cc:CommercialUse`: `odrl:commercialize` was removed from the ODRL 2.2 common
 *   vocabulary in favour of the Creative Commons term.
 * - CROSS_BORDER_TRANSFER is `tetrad:crossBorderTransfer`, not `transfer`: `odrl:transfer` means
 *   transferring ownership, which the recipient never receives; and a `spatial` constraint describes
 *   where use happens, not the act of moving data (or opening remote access) out of the PRC.
 * - Purposes and modalities are `{ "@id": "tetrad:…" }`: the ODRL context does not coerce
 *   `rightOperand`, so a bare string would be a literal rather than an IRI.
 * - Terms outside ODRL's vocabulary (`tetrad:reIdentify`, `tetrad:crossBorderTransfer`,
 *   `tetrad:modality`, the purposes) are declared by the profile document `odrlProfile` returns.
 */

export interface OdrlAgreementInput {
  content: ContractContent;
  contentHash: string;
  datasetNames: Record<string, string>;
  baseUri: string;
  signatures: { organizationId: string; signedAt: string }[];
  /** Datasets approved against the purpose matcher's advice: an annotation, not a rule. */
  matcherOverrides?: OdrlMatcherOverride[];
  /** The consortium's time zone: a date of the terms stands for its local midnight there (UTC if absent). */
  timeZone?: string;
}

export interface OdrlMatcherOverride {
  datasetId: string;
  decision: string;
  matcherVersion: string;
  reason: string;
  overriddenByOrganizationId: string;
  /** ISO 8601 timestamp. */
  at: string;
}

type JsonLd = Record<string, unknown>;

/** The IRIs every rule of one agreement is built from. */
interface RuleContext {
  base: string;
  policy: string;
  assigner: string;
  assignee: string;
  content: ContractContent;
  /** Where the terms' dates are days (IANA name). */
  timeZone: string;
}

const PROHIBITED_ACTIONS: Record<Prohibition, string> = {
  REDISTRIBUTE: 'distribute',
  COMMERCIAL_USE: 'cc:CommercialUse',
  RE_IDENTIFY: 'tetrad:reIdentify',
  CROSS_BORDER_TRANSFER: 'tetrad:crossBorderTransfer',
};

const PURPOSES: readonly DataPurpose[] = [
  'RESEARCH',
  'MODEL_TRAINING',
  'BENCHMARKING',
  'SIM_TO_REAL',
  'SAFETY_CERTIFICATION',
  'COMMERCIAL_PRODUCT',
  'REDISTRIBUTE_DERIVED',
];

const MODALITIES: readonly Modality[] = [
  'RGB',
  'DEPTH',
  'FORCE_TORQUE',
  'TACTILE',
  'JOINT_STATES',
  'TRAJECTORIES',
  'AUDIO',
  'LANGUAGE_ANNOTATIONS',
];

function odrlContext(baseUri: string): unknown[] {
  return [
    'http://www.w3.org/ns/odrl.jsonld',
    { dcterms: 'http://purl.org/dc/terms/', tetrad: `${trimBase(baseUri)}/ns#` },
  ];
}

export function toOdrlAgreement(input: OdrlAgreementInput): JsonLd {
  const { content } = input;
  const base = trimBase(input.baseUri);
  const contract = `${base}/contracts/${encodeURIComponent(content.contractId)}`;
  const policy = `${contract}/versions/${content.version}`;
  const context: RuleContext = {
    base,
    policy,
    assigner: functionParty(content.parties, 'PROVIDER', base, `${policy}#providers`),
    assignee: functionParty(content.parties, 'RECIPIENT', base, `${policy}#recipients`),
    content,
    timeZone: input.timeZone ?? 'UTC',
  };
  return {
    '@context': odrlContext(base),
    '@type': 'Agreement',
    uid: policy,
    profile: `${base}/ns/odrl-profile`,
    conflict: 'prohibit',
    'dcterms:title': content.title,
    // The language whose text governs (BCP 47), for versions that record one.
    ...(content.governingLanguage ? { 'dcterms:language': content.governingLanguage } : {}),
    'dcterms:isVersionOf': { '@id': contract },
    'tetrad:version': content.version,
    'tetrad:contentHash': input.contentHash,
    permission: content.terms.datasetIds.map((datasetId) => permission(datasetId, context)),
    prohibition: content.terms.prohibitions.flatMap((prohibited) =>
      content.terms.datasetIds.map((datasetId) => prohibition(prohibited, datasetId, context)),
    ),
    'tetrad:parties': partyNodes(context),
    'tetrad:datasets': content.terms.datasetIds.map((id) => ({
      '@type': 'Asset',
      uid: datasetIri(base, id),
      'dcterms:title': input.datasetNames[id] ?? id,
    })),
    'tetrad:signatures': input.signatures.map((signature) => ({
      '@type': 'tetrad:Signature',
      'tetrad:signatory': { '@id': organizationIri(base, signature.organizationId) },
      'tetrad:signedAt': { '@value': signature.signedAt, '@type': 'xsd:dateTime' },
    })),
    ...matcherOverrideNodes(input.matcherOverrides ?? [], base),
  };
}

/** Only when there are any, so an agreement drafted within the matcher's advice reads as before. */
function matcherOverrideNodes(overrides: readonly OdrlMatcherOverride[], base: string): JsonLd {
  if (overrides.length === 0) return {};
  return {
    'tetrad:matcherOverrides': overrides.map((override) => ({
      '@type': 'tetrad:MatcherOverride',
      'tetrad:dataset': { '@id': datasetIri(base, override.datasetId) },
      'tetrad:advice': override.decision,
      'tetrad:matcherVersion': override.matcherVersion,
      'dcterms:description': override.reason,
      'tetrad:overriddenBy': { '@id': organizationIri(base, override.overriddenByOrganizationId) },
      'tetrad:overriddenAt': { '@value': override.at, '@type': 'xsd:dateTime' },
    })),
  };
}

function permission(datasetId: string, context: RuleContext): JsonLd {
  const { terms } = context.content;
  const duties = terms.duties.map((term) => duty(term, datasetId, context));
  return {
    target: permittedTarget(datasetIri(context.base, datasetId), terms.excludedModalities),
    assigner: context.assigner,
    assignee: context.assignee,
    action: 'use',
    constraint: [
      {
        leftOperand: 'purpose',
        operator: 'isAnyOf',
        rightOperand: terms.purposes.map((purpose) => ({ '@id': `tetrad:${purpose}` })),
      },
      {
        leftOperand: 'dateTime',
        operator: 'gteq',
        rightOperand: startOfDay(terms.startsOn, context.timeZone),
      },
      { leftOperand: 'dateTime', operator: 'lt', rightOperand: startOfDay(terms.endsOn, context.timeZone) },
    ],
    ...(duties.length > 0 ? { duty: duties } : {}),
  };
}

function permittedTarget(dataset: string, excluded: readonly Modality[]): string | JsonLd {
  if (excluded.length === 0) {
    return dataset;
  }
  // With a refinement ODRL requires `source`, not `uid`, to name the collection.
  return {
    '@type': 'AssetCollection',
    source: dataset,
    refinement: [
      {
        leftOperand: 'tetrad:modality',
        operator: 'isNoneOf',
        rightOperand: excluded.map((modality) => ({ '@id': `tetrad:${modality}` })),
      },
    ],
  };
}

/**
 * Duties inherit the permission's assigner and assignee. Contract-wide duties carry a `uid`, so
 * that ODRL counts them fulfilled once however many permissions refer to them.
 */
function duty(term: DutyTerm, datasetId: string, context: RuleContext): JsonLd {
  const { startsOn, endsOn } = context.content.terms;
  switch (term.duty) {
    case 'ATTRIBUTE':
      return { action: 'attribute', attributedParty: context.assigner };
    case 'DELETE_ON_EXPIRY':
      return {
        action: 'delete',
        target: datasetIri(context.base, datasetId),
        constraint: [deadline(addDays(endsOn, term.dueInDays ?? 0), context.timeZone)],
      };
    case 'REPORT_PUBLICATIONS':
      return {
        uid: `${context.policy}#report-publications`,
        action: 'inform',
        informedParty: context.assigner,
        'dcterms:description': 'Report every publication that uses the data to the providers.',
        ...(term.dueInDays === null
          ? {}
          : { constraint: [deadline(addDays(startsOn, term.dueInDays), context.timeZone)] }),
      };
    case 'NOTIFY_BREACH':
      return {
        uid: `${context.policy}#notify-breach`,
        action: 'inform',
        informedParty: context.assigner,
        'dcterms:description':
          'Notify the providers without undue delay of any security breach affecting the data.',
      };
  }
}

function prohibition(prohibited: Prohibition, datasetId: string, context: RuleContext): JsonLd {
  return {
    target: datasetIri(context.base, datasetId),
    assigner: context.assigner,
    assignee: context.assignee,
    action: PROHIBITED_ACTIONS[prohibited],
  };
}

/** The single party of a role, or the collection standing for several (a rule has one assigner). */
function functionParty(
  parties: readonly ContractParty[],
  role: PartyRole,
  base: string,
  collection: string,
): string {
  const [first, ...others] = parties.filter((party) => party.role === role);
  if (!first) {
    throw new RangeError(`An ODRL Agreement needs at least one ${role.toLowerCase()} party.`);
  }
  return others.length === 0 ? organizationIri(base, first.organizationId) : collection;
}

function partyNodes(context: RuleContext): JsonLd[] {
  const { parties } = context.content;
  const collections = [context.assigner, context.assignee].filter((iri) =>
    iri.startsWith(`${context.policy}#`),
  );
  return [
    ...collections.map((uid) => ({ '@type': ['PartyCollection', 'vcard:Group'], uid })),
    ...parties.map((party) => {
      const collection = party.role === 'PROVIDER' ? context.assigner : context.assignee;
      const uid = organizationIri(context.base, party.organizationId);
      return {
        '@type': ['Party', 'vcard:Organization'],
        uid,
        'vcard:fn': party.name,
        'tetrad:role': party.role,
        ...(collection === uid ? {} : { partOf: collection }),
      };
    }),
  ];
}

/**
 * The profile the agreement names: declares the terms ODRL 2.2 lacks, as the information model
 * requires of a profile (new actions are `includedIn` an existing one).
 */
export function odrlProfile(baseUri: string): JsonLd {
  const base = trimBase(baseUri);
  const concept = (scheme: string) => (term: string) => ({
    uid: `tetrad:${term}`,
    '@type': 'skos:Concept',
    'skos:inScheme': { '@id': `tetrad:${scheme}` },
  });
  return {
    '@context': odrlContext(base),
    '@graph': [
      { uid: `${base}/ns/odrl-profile`, '@type': 'owl:Ontology', 'dcterms:title': 'Tetrad ODRL profile' },
      action(
        'reIdentify',
        'To attempt to identify a person recorded in the asset, alone or by linking it with other data.',
      ),
      action(
        'crossBorderTransfer',
        "To move the asset, or give access to it, outside the People's Republic of China.",
      ),
      {
        uid: 'tetrad:modality',
        '@type': 'LeftOperand',
        'skos:definition': 'The sensing modality of a recorded stream of a dataset.',
      },
      {
        uid: 'tetrad:MatcherOverride',
        '@type': 'owl:Class',
        'skos:definition':
          "A dataset its owner's steward approved although the purpose matcher advised DENY or ABSTAIN; dcterms:description holds the steward's reason. An annotation: it grants and prohibits nothing.",
      },
      ...PURPOSES.map(concept('Purposes')),
      ...MODALITIES.map(concept('Modalities')),
    ],
  };
}

function action(name: string, definition: string): JsonLd {
  return { uid: `tetrad:${name}`, '@type': 'Action', includedIn: 'odrl:use', 'skos:definition': definition };
}

function deadline(date: string, timeZone: string): JsonLd {
  return { leftOperand: 'dateTime', operator: 'lteq', rightOperand: startOfDay(date, timeZone) };
}

/** Terms are whole days in the consortium's time zone: a date stands for its first instant there. */
function startOfDay(date: string, timeZone: string): JsonLd {
  const instant =
    timeZone === 'UTC' ? `${date}T00:00:00Z` : startOfDateInTimeZone(date, timeZone).toISOString();
  return { '@value': instant, '@type': 'xsd:dateTime' };
}

function datasetIri(base: string, id: string): string {
  return `${base}/datasets/${encodeURIComponent(id)}`;
}

function organizationIri(base: string, id: string): string {
  return `${base}/organizations/${encodeURIComponent(id)}`;
}

function trimBase(baseUri: string): string {
  return baseUri.replace(/\/+$/, '');
}
