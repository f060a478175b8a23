import type { DataPurpose } from '@tetrad/dataset';
import { CLAUSE_TEXTS, type ClauseWords } from './clause-texts';
import type { Clause, ContractTerms, DutyTerm, Prohibition } from '../contract-terms';
import { listInWords, purposeLabel } from './contract-vocabulary';
import type { ContractLanguage } from '../documents/document-blocks';
import { mergeProhibitions } from './offer-prohibitions';

/**
 * The default legal text and machine-readable terms of a new contract draft (DOMAIN.md, "Data").
 * Clause keys are stable so that versions can be compared clause by clause; the clauses speak of
 * "the Terms" rather than repeating them, so editing a term never leaves the text contradicting it.
 * Each clause is written in the contract's governing language and carries the other language as
 * its convenience translation.
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
  /** YYYY-MM-DD, a date in the consortium's time zone. */
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

/** The default clauses in the governing language, each with its translation in the other. */
export function defaultClauses(input: ClauseTemplateInput, governingLanguage: ContractLanguage): Clause[] {
  const other = otherLanguage(governingLanguage);
  const [governing, translated] = [clausesIn(input, governingLanguage), clausesIn(input, other)];
  return governing.map((clause, index) => ({
    ...clause,
    translation: { title: translated[index]!.title, text: translated[index]!.text },
  }));
}

export function otherLanguage(language: ContractLanguage): ContractLanguage {
  return language === 'zh-CN' ? 'en' : 'zh-CN';
}

function clausesIn(input: ClauseTemplateInput, language: ContractLanguage): ClauseWords[] {
  const texts = CLAUSE_TEXTS[language];
  return [
    definitionsClause(input, language),
    texts.grant,
    ...orderedPurposes(input.purposes).map((purpose) => ({
      key: purposeClauseKey(purpose),
      title: texts.purposeTitle(purposeLabel(purpose, language)),
      text: texts.purposes[purpose],
    })),
    ...texts.standard,
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

function definitionsClause(input: ClauseTemplateInput, language: ContractLanguage): ClauseWords {
  const datasets = input.datasetNames.map((name) => `“${name}”`);
  if (language === 'zh-CN') {
    const providers =
      input.providerNames.length > 0 ? listInWords(input.providerNames, language) : '提供数据的机构';
    const data = datasets.length > 0 ? `数据集${listInWords(datasets, language)}` : '授权条件所列的数据集';
    return {
      key: 'definitions',
      title: '定义',
      text:
        `“数据提供方”指${providers}，各自仅就其拥有的数据而言。“数据接收方”指${input.recipientName}。` +
        `“数据”指${data}，包括其录制内容、标注和元数据，以及上述内容的任何副本或子集。` +
        '“授权条件”指本协议中可由系统执行的机器可读条件，即允许用途、禁止事项、义务、有效期及不提供的模态。' +
        '本协议文本与授权条件不一致的，以授权条件为准。',
    };
  }
  const providers =
    input.providerNames.length > 0 ? listInWords(input.providerNames, language) : 'the data provider';
  const data =
    datasets.length > 0
      ? `the dataset${datasets.length > 1 ? 's' : ''} ${listInWords(datasets, language)}`
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
