import type { DataPurpose } from '@tetrad/dataset';
import type { Clause, ContractTerms, DutyTerm, Prohibition } from './contract-terms';
import { mergeProhibitions } from './offer-prohibitions';

/**
 * The default legal text and machine-readable terms of a new contract draft (DOMAIN.md, "Data").
 * Clause keys are stable so that versions can be compared clause by clause; the clauses speak of
 * "the Terms" rather than repeating them, so editing a term never leaves the text contradicting it.
 */

export interface ClauseTemplateInput {
  purposes: DataPurpose[];
  providerNames: string[];
  recipientName: string;
  datasetNames: string[];
}

export interface DefaultTermsInput {
  datasetIds: string[];
  purposes: DataPurpose[];
  /** YYYY-MM-DD, UTC. */
  startsOn: string;
  durationDays: number;
  /** What the datasets' offers keep prohibited (offer-prohibitions.ts), whatever the purposes. */
  offerProhibitions?: readonly Prohibition[];
}

/** The closed purpose vocabulary in a fixed order, so clause order does not depend on input order. */
const PURPOSE_ORDER: readonly DataPurpose[] = [
  'RESEARCH',
  'MODEL_TRAINING',
  'BENCHMARKING',
  'SIM_TO_REAL',
  'SAFETY_CERTIFICATION',
  'COMMERCIAL_PRODUCT',
  'REDISTRIBUTE_DERIVED',
];

const PURPOSE_LABELS: Record<DataPurpose, string> = {
  RESEARCH: 'research',
  MODEL_TRAINING: 'model training',
  BENCHMARKING: 'benchmarking',
  SIM_TO_REAL: 'sim-to-real transfer',
  SAFETY_CERTIFICATION: 'safety certification',
  COMMERCIAL_PRODUCT: 'commercial products',
  REDISTRIBUTE_DERIVED: 'redistribution of derived works',
};

const PURPOSE_TEXTS: Record<DataPurpose, string> = {
  RESEARCH:
    'The Recipient may use the Data for scientific research: analysis, experiments and the development of research prototypes and models. ' +
    'Research results may be published as set out in the Publications clause. ' +
    'Models or software developed under this purpose may not be used in commercial products unless the Terms also list commercial products as a purpose.',
  MODEL_TRAINING:
    'The Recipient may use the Data to train, fine-tune and evaluate machine-learning models, including robot control policies and foundation models. ' +
    'The Recipient takes reasonable measures so that the Data cannot be extracted or reconstructed from the trained models. ' +
    'Trained models may be used only for the purposes listed in the Terms.',
  BENCHMARKING:
    'The Recipient may use the Data to evaluate and compare the performance of robots, controllers or models. ' +
    'Benchmark results, scores and aggregate statistics may be published; the Data itself, and any sample of it that would allow it to be reconstructed, may not.',
  SIM_TO_REAL:
    'The Recipient may use the Data to build, calibrate and validate simulation environments and to transfer behaviour learned in simulation to physical robots. ' +
    'Scene reconstructions, dynamics parameters and other simulation assets derived from the Data are subject to this agreement as if they were the Data.',
  SAFETY_CERTIFICATION:
    'The Recipient may use the Data as evidence in the safety assessment, testing and certification of robots and robotic systems. ' +
    'It may disclose the parts of the Data that an assessment requires to a certification body or regulator, under confidentiality, and only for that assessment.',
  COMMERCIAL_PRODUCT:
    'The Recipient may use the Data, and models trained on it, to develop, operate and sell its own products and services. ' +
    'The Data itself may not be sold, licensed or otherwise made available as part of any product or service.',
  REDISTRIBUTE_DERIVED:
    'The Recipient may distribute works derived from the Data, such as trained models, annotations or aggregate statistics, to third parties. ' +
    'It may do so only where the Data cannot be reconstructed from the derived works and under terms that protect the Providers no less than this agreement. ' +
    'This purpose does not permit redistribution of the Data itself.',
};

const STANDARD_CLAUSES: readonly Clause[] = [
  {
    key: 'security',
    title: 'Security',
    text:
      'The Recipient keeps the Data in access-controlled environments, encrypted in transit and at rest, and gives access only to its named personnel who need it for the permitted purposes. ' +
      'It keeps a record of every access to the Data. ' +
      'It notifies the Providers of any security incident affecting the Data without undue delay, and cooperates with them to contain it.',
  },
  {
    key: 'personal-data',
    title: 'Personal data',
    text:
      'Where the Data contains personal information, such as images or voices of people present during collection, each party complies with applicable data-protection law, ' +
      "including the Personal Information Protection Law of the People's Republic of China. " +
      'The Recipient processes such information only for the permitted purposes, makes no attempt to identify any person, and does not combine the Data with other data that would allow it.',
  },
  {
    key: 'publications',
    title: 'Publications',
    text:
      'Publications based on the Data acknowledge the Providers and the datasets used. ' +
      'They may include results, figures and aggregate statistics, but not the Data itself nor any image or recording in which a person can be identified. ' +
      'Where the Terms require it, the Recipient reports each publication to the Providers within the period stated there.',
  },
  {
    key: 'term-and-termination',
    title: 'Term and termination',
    text:
      'This agreement takes effect when every party has signed it and its start date has come, and ends on its end date. ' +
      'A Provider may suspend access at once if it reasonably believes the agreement has been breached, and may terminate it if a material breach is not remedied within 30 days of notice. ' +
      'When the agreement ends, access ends at once and the Recipient deletes the Data as the Terms require and certifies the deletion in writing. ' +
      'The clauses on security, personal data, publications, liability and governing law survive the end of the agreement.',
  },
  {
    key: 'liability',
    title: 'Liability',
    text:
      'The Data is provided as is, without warranty of accuracy, completeness or fitness for a particular purpose. ' +
      'Each party is liable for its own breach of this agreement. ' +
      'No party is liable for indirect or consequential loss, except for wilful misconduct, gross negligence, or breach of the prohibitions in the Terms or of the Security and Personal data clauses.',
  },
  {
    key: 'governing-law',
    title: 'Governing law and disputes',
    text:
      "This agreement is governed by the laws of the People's Republic of China. " +
      'The parties first seek to settle any dispute arising from it through good-faith negotiation. ' +
      "A dispute not settled within 30 days is submitted to arbitration before an arbitration institution in the People's Republic of China agreed by the parties, under its rules in force at the time; the award is final and binding on the parties.",
  },
];

/** "a", "a and b", "a, b and c": names read as a sentence, not as a list. */
export function listInWords(items: readonly string[]): string {
  if (items.length <= 1) {
    return items.join('');
  }
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

export function purposeLabel(purpose: DataPurpose): string {
  return PURPOSE_LABELS[purpose];
}

/** `purpose-model-training`: the stable key of a purpose's clause. */
export function purposeClauseKey(purpose: DataPurpose): string {
  return `purpose-${purpose.toLowerCase().replaceAll('_', '-')}`;
}

/** Whole days added to a YYYY-MM-DD date, in UTC so that no time zone or daylight saving shifts it. */
export function addDays(isoDate: string, days: number): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  const utc = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : NaN;
  if (!match || Number.isNaN(utc) || new Date(utc).toISOString().slice(0, 10) !== isoDate) {
    throw new RangeError(`"${isoDate}" is not a calendar date in the form YYYY-MM-DD.`);
  }
  if (!Number.isInteger(days)) {
    throw new RangeError(`${days} is not a whole number of days.`);
  }
  return new Date(utc + days * 86_400_000).toISOString().slice(0, 10);
}

export function defaultClauses(input: ClauseTemplateInput): Clause[] {
  return [
    definitionsClause(input),
    {
      key: 'grant',
      title: 'Grant of access',
      text:
        'Each Provider grants the Recipient a non-exclusive, non-transferable and revocable right to access and use its Data during the period stated in the Terms, ' +
        'solely for the purposes described below and subject to the prohibitions, duties and excluded modalities in the Terms. ' +
        'Any use not expressly permitted is prohibited. Ownership of the Data, and all rights not granted, remain with the Providers.',
    },
    ...orderedPurposes(input.purposes).map(purposeClause),
    ...STANDARD_CLAUSES,
  ];
}

export function defaultTerms(input: DefaultTermsInput): ContractTerms {
  if (!Number.isInteger(input.durationDays) || input.durationDays < 1) {
    throw new RangeError(`A contract lasts at least one whole day; ${input.durationDays} days was given.`);
  }
  const purposes = [...new Set(input.purposes)];
  return {
    datasetIds: [...new Set(input.datasetIds)],
    purposes,
    prohibitions: mergeProhibitions(defaultProhibitions(purposes), input.offerProhibitions ?? []),
    duties: defaultDuties(purposes),
    startsOn: input.startsOn,
    endsOn: addDays(input.startsOn, input.durationDays),
    excludedModalities: [],
  };
}

function defaultProhibitions(purposes: readonly DataPurpose[]): Prohibition[] {
  // Commercial use is only lifted by an explicit commercial purpose, never by a neighbouring one.
  const commercial: Prohibition[] = purposes.includes('COMMERCIAL_PRODUCT') ? [] : ['COMMERCIAL_USE'];
  return ['RE_IDENTIFY', 'REDISTRIBUTE', ...commercial, 'CROSS_BORDER_TRANSFER'];
}

function defaultDuties(purposes: readonly DataPurpose[]): DutyTerm[] {
  const publishes = purposes.includes('RESEARCH') || purposes.includes('BENCHMARKING');
  const reporting: DutyTerm[] = publishes ? [{ duty: 'REPORT_PUBLICATIONS', dueInDays: 180 }] : [];
  return [
    { duty: 'ATTRIBUTE', dueInDays: null },
    { duty: 'NOTIFY_BREACH', dueInDays: null },
    { duty: 'DELETE_ON_EXPIRY', dueInDays: 30 },
    ...reporting,
  ];
}

function orderedPurposes(purposes: readonly DataPurpose[]): DataPurpose[] {
  return PURPOSE_ORDER.filter((purpose) => purposes.includes(purpose));
}

function purposeClause(purpose: DataPurpose): Clause {
  const label = PURPOSE_LABELS[purpose];
  return {
    key: purposeClauseKey(purpose),
    title: `Purpose: ${label.charAt(0).toUpperCase()}${label.slice(1)}`,
    text: PURPOSE_TEXTS[purpose],
  };
}

function definitionsClause(input: ClauseTemplateInput): Clause {
  const providers = input.providerNames.length > 0 ? listInWords(input.providerNames) : 'the data provider';
  const datasets = input.datasetNames.map((name) => `“${name}”`);
  const data =
    datasets.length > 0
      ? `the dataset${datasets.length > 1 ? 's' : ''} ${listInWords(datasets)}`
      : 'the datasets named in the Terms';
  return {
    key: 'definitions',
    title: 'Definitions',
    text:
      `“Provider” means ${providers}, each for the Data it owns. “Recipient” means ${input.recipientName}. ` +
      `“Data” means ${data}, including their recordings, annotations and metadata, and any copy or subset of them. ` +
      '“Terms” means the machine-readable terms of this agreement: its purposes, prohibitions, duties, period and excluded modalities. ' +
      'Where this text and the Terms differ, the Terms prevail.',
  };
}
