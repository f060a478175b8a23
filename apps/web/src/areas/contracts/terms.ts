import type { ContractDuty, ContractProhibition, DataModality, Purpose } from '../../gql/graphql';

/** The machine-readable terms of a version, as the API reads and writes them. */
export interface Terms {
  datasetIds: string[];
  purposes: Purpose[];
  prohibitions: ContractProhibition[];
  duties: { duty: ContractDuty; dueInDays: number | null }[];
  startsOn: string;
  endsOn: string;
  excludedModalities: DataModality[];
}

export const PURPOSES: readonly Purpose[] = [
  'RESEARCH',
  'MODEL_TRAINING',
  'BENCHMARKING',
  'SIM_TO_REAL',
  'SAFETY_CERTIFICATION',
  'COMMERCIAL_PRODUCT',
  'REDISTRIBUTE_DERIVED',
];
export const PROHIBITIONS: readonly ContractProhibition[] = [
  'REDISTRIBUTE',
  'RE_IDENTIFY',
  'COMMERCIAL_USE',
  'CROSS_BORDER_TRANSFER',
];
export const DUTIES: readonly ContractDuty[] = [
  'ATTRIBUTE',
  'DELETE_ON_EXPIRY',
  'REPORT_PUBLICATIONS',
  'NOTIFY_BREACH',
];
export const MODALITIES: readonly DataModality[] = [
  'RGB',
  'DEPTH',
  'FORCE_TORQUE',
  'TACTILE',
  'JOINT_STATES',
  'TRAJECTORIES',
  'AUDIO',
  'LANGUAGE_ANNOTATIONS',
];

/** The terms form: each duty is a switch with an optional number of days. */
export interface TermsFormValues {
  datasetIds: string[];
  purposes: Purpose[];
  prohibitions: ContractProhibition[];
  duties: Record<ContractDuty, { enabled: boolean; dueInDays: number | null }>;
  startsOn: string;
  endsOn: string;
  excludedModalities: DataModality[];
}

export function toFormValues(terms: Terms): TermsFormValues {
  const duties = Object.fromEntries(
    DUTIES.map((duty) => {
      const found = terms.duties.find((term) => term.duty === duty);
      return [duty, { enabled: Boolean(found), dueInDays: found?.dueInDays ?? null }];
    }),
  ) as TermsFormValues['duties'];
  return { ...terms, duties };
}

export function fromFormValues(values: TermsFormValues): Terms {
  return {
    datasetIds: [...(values.datasetIds ?? [])],
    purposes: [...(values.purposes ?? [])],
    prohibitions: [...(values.prohibitions ?? [])],
    duties: DUTIES.filter((duty) => values.duties?.[duty]?.enabled).map((duty) => ({
      duty,
      dueInDays: values.duties[duty].dueInDays ?? null,
    })),
    startsOn: values.startsOn ?? '',
    endsOn: values.endsOn ?? '',
    excludedModalities: [...(values.excludedModalities ?? [])],
  };
}

export type TermsProblem =
  'datasetsRequired' | 'purposesRequired' | 'dateInvalid' | 'endBeforeStart' | 'dueInDaysInvalid';

/** Form field paths with the problem on each; empty when the terms can be saved. */
export function validateTerms(
  values: TermsFormValues,
): { name: (string | number)[]; problem: TermsProblem }[] {
  const problems: { name: (string | number)[]; problem: TermsProblem }[] = [];
  if (!values.datasetIds?.length) problems.push({ name: ['datasetIds'], problem: 'datasetsRequired' });
  if (!values.purposes?.length) problems.push({ name: ['purposes'], problem: 'purposesRequired' });
  const start = isIsoDate(values.startsOn);
  const end = isIsoDate(values.endsOn);
  if (!start) problems.push({ name: ['startsOn'], problem: 'dateInvalid' });
  if (!end) problems.push({ name: ['endsOn'], problem: 'dateInvalid' });
  // ISO dates order as strings.
  if (start && end && values.endsOn <= values.startsOn)
    problems.push({ name: ['endsOn'], problem: 'endBeforeStart' });
  for (const duty of DUTIES) {
    const term = values.duties?.[duty];
    const days = term?.dueInDays;
    if (
      term?.enabled &&
      days !== null &&
      days !== undefined &&
      (!Number.isInteger(days) || days < 0 || days > 3650)
    )
      problems.push({ name: ['duties', duty, 'dueInDays'], problem: 'dueInDaysInvalid' });
  }
  return problems;
}

function isIsoDate(value: string | undefined): boolean {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

export function sameTerms(a: Terms, b: Terms): boolean {
  return JSON.stringify(normalized(a)) === JSON.stringify(normalized(b));
}

function normalized(terms: Terms): Terms {
  return {
    datasetIds: [...terms.datasetIds].sort(),
    purposes: [...terms.purposes].sort(),
    prohibitions: [...terms.prohibitions].sort(),
    duties: [...terms.duties]
      .map(({ duty, dueInDays }) => ({ duty, dueInDays: dueInDays ?? null }))
      .sort((x, y) => x.duty.localeCompare(y.duty)),
    startsOn: terms.startsOn,
    endsOn: terms.endsOn,
    excludedModalities: [...terms.excludedModalities].sort(),
  };
}
