/**
 * The "new milestone" form as plain values: yuan into minor units, calendar days into the API's
 * instants, ratio targets typed as percentages, and every problem the browser can see before
 * the API does, each placed on its field.
 */
import type { ApiProblem } from '../../api/errors';
import { sharesFromRows, splitProblems, type BasisPointShare, type SplitRow } from './split';

export const MAX_TARGETS = 10;
export const CURRENCIES = ['CNY', 'USD', 'EUR'] as const;

export type Comparator = 'GTE' | 'LTE';

export interface TargetValues {
  kpiKey?: string | null;
  comparator?: Comparator | null;
  /** As typed: a percentage for ratio KPIs, the KPI's own unit otherwise. */
  value?: number | null;
  minOperatingHours?: number | null;
}

/** The form's values with calendar days as `YYYY-MM-DD` (what a draft stores, too). */
export interface CreateValues {
  scenarioId?: string | null;
  name?: string | null;
  description?: string | null;
  windowStart?: string | null;
  windowEnd?: string | null;
  dueAt?: string | null;
  currency?: string | null;
  rewardPoolYuan?: number | null;
  riskAmountYuan?: number | null;
  targets?: TargetValues[];
  /** Percent per member organisation id. */
  split?: Record<string, number | null>;
  /** Pays the reward pool if achieved; the API defaults to the scenario user. */
  rewardFunderOrganizationId?: string | null;
  /** Is paid the risk if missed; the API defaults to the scenario user. */
  riskBeneficiaryOrganizationId?: string | null;
}

export interface KpiOption {
  key: string;
  unit: string;
  direction?: string | null;
}

export type ProblemKey =
  | 'required'
  | 'nameLength'
  | 'descriptionLength'
  | 'startNotFuture'
  | 'endBeforeStart'
  | 'dueBeforeEnd'
  | 'dueBeforeStart'
  | 'amount'
  | 'noTargets'
  | 'tooManyTargets'
  | 'unknownKpi'
  | 'duplicateTarget'
  | 'percentRange'
  | 'notNegative'
  | 'split';

/** A problem on one field of the form: its path and the locale key (under `create.problem`). */
export interface FieldProblem {
  name: (string | number)[];
  key: ProblemKey;
}

/** 1,234.56 yuan → 123456 fen; null when empty, not a number, negative or too large to count. */
export function yuanToMinor(yuan: number | null | undefined): number | null {
  if (yuan === null || yuan === undefined || !Number.isFinite(yuan) || yuan < 0) return null;
  // Rounded: 0.29 * 100 is 28.999… in floating point.
  const minor = Math.round(yuan * 100);
  return Number.isSafeInteger(minor) ? minor : null;
}

/** Ratio KPIs are typed as percentages (95) and stored as ratios (0.95). */
export function targetValueToApi(value: number, unit: string | undefined): number {
  return unit === 'ratio' ? Number((value / 100).toPrecision(12)) : value;
}

function parts(day: string): [number, number, number] {
  const [y = 0, m = 1, d = 1] = day.split('-').map(Number);
  return [y, m - 1, d];
}

/** The first instant of a calendar day in the browser's zone. */
export function dayStart(day: string): string {
  return new Date(...parts(day)).toISOString();
}

/** The last millisecond of a calendar day, so the day itself is shown and included. */
export function dayEnd(day: string): string {
  return new Date(...parts(day), 23, 59, 59, 999).toISOString();
}

export function defaultComparator(kpi: KpiOption | undefined): Comparator {
  return kpi?.direction === 'LOWER_IS_BETTER' ? 'LTE' : 'GTE';
}

export function splitRows(
  members: readonly { id: string; name: string }[],
  split: Record<string, number | null> | undefined,
): SplitRow[] {
  return members.map((m) => ({ organizationId: m.id, name: m.name, percent: split?.[m.id] ?? null }));
}

/** A calendar day as `YYYY-MM-DD` in the browser's zone, `days` after today. */
export function localDayFromNow(days: number, now: Date = new Date()): string {
  const d = new Date(now.getFullYear(), now.getMonth(), now.getDate() + days);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/**
 * The window runs from its first to its last day; the due date comes no earlier than the last.
 * It starts tomorrow at the earliest: terms written once results are known bind nobody.
 */
export function windowProblems(values: CreateValues, today: string = localDayFromNow(0)): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!values.windowStart) problems.push({ name: ['windowStart'], key: 'required' });
  else if (values.windowStart <= today) problems.push({ name: ['windowStart'], key: 'startNotFuture' });
  if (!values.windowEnd) problems.push({ name: ['windowEnd'], key: 'required' });
  else if (values.windowStart && values.windowEnd < values.windowStart)
    problems.push({ name: ['windowEnd'], key: 'endBeforeStart' });
  if (!values.dueAt) problems.push({ name: ['dueAt'], key: 'required' });
  else if (values.windowEnd && values.dueAt < values.windowEnd)
    problems.push({ name: ['dueAt'], key: 'dueBeforeEnd' });
  else if (values.windowStart && values.dueAt < values.windowStart)
    problems.push({ name: ['dueAt'], key: 'dueBeforeStart' });
  return problems;
}

/** Each target names a KPI of the scenario once per comparator, with a value that fits its unit. */
export function targetProblems(
  targets: readonly TargetValues[] | undefined,
  kpis: readonly KpiOption[],
): FieldProblem[] {
  const list = targets ?? [];
  if (list.length === 0) return [{ name: ['targets'], key: 'noTargets' }];
  const problems: FieldProblem[] = [];
  if (list.length > MAX_TARGETS) problems.push({ name: ['targets'], key: 'tooManyTargets' });
  const seen = new Set<string>();
  list.forEach((target, index) => {
    const kpi = kpis.find((k) => k.key === target.kpiKey);
    if (!target.kpiKey) problems.push({ name: ['targets', index, 'kpiKey'], key: 'required' });
    else if (!kpi) problems.push({ name: ['targets', index, 'kpiKey'], key: 'unknownKpi' });
    if (!target.comparator) problems.push({ name: ['targets', index, 'comparator'], key: 'required' });
    const twice = `${target.kpiKey ?? ''}:${target.comparator ?? ''}`;
    if (kpi && target.comparator && seen.has(twice))
      problems.push({ name: ['targets', index, 'kpiKey'], key: 'duplicateTarget' });
    seen.add(twice);
    const value = target.value;
    if (value === null || value === undefined || !Number.isFinite(value))
      problems.push({ name: ['targets', index, 'value'], key: 'required' });
    else if (kpi?.unit === 'ratio' && (value < 0 || value > 100))
      problems.push({ name: ['targets', index, 'value'], key: 'percentRange' });
    const hours = target.minOperatingHours;
    if (hours !== null && hours !== undefined && (!Number.isFinite(hours) || hours < 0))
      problems.push({ name: ['targets', index, 'minOperatingHours'], key: 'notNegative' });
  });
  return problems;
}

/** Every problem of the form the browser can see; empty when it may be sent. */
export function createProblems(
  values: CreateValues,
  kpis: readonly KpiOption[],
  members: readonly { id: string; name: string }[],
  today: string = localDayFromNow(0),
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!values.scenarioId) problems.push({ name: ['scenarioId'], key: 'required' });
  const name = (values.name ?? '').trim();
  if (!name) problems.push({ name: ['name'], key: 'required' });
  else if (name.length < 3 || name.length > 200) problems.push({ name: ['name'], key: 'nameLength' });
  if ((values.description ?? '').length > 5000)
    problems.push({ name: ['description'], key: 'descriptionLength' });
  problems.push(...windowProblems(values, today));
  for (const field of ['rewardPoolYuan', 'riskAmountYuan'] as const) {
    const yuan = values[field];
    if (yuan === null || yuan === undefined) problems.push({ name: [field], key: 'required' });
    else if (yuanToMinor(yuan) === null) problems.push({ name: [field], key: 'amount' });
  }
  if (values.scenarioId) problems.push(...targetProblems(values.targets, kpis));
  if (splitProblems(splitRows(members, values.split)).length > 0)
    problems.push({ name: ['split'], key: 'split' });
  return problems;
}

export interface CreateMilestoneInputValues {
  scenarioId: string;
  name: string;
  description: string;
  currency: string;
  windowStart: string;
  windowEnd: string;
  dueAt: string;
  rewardPoolMinor: number;
  riskAmountMinor: number;
  targets: { kpiKey: string; comparator: Comparator; value: number; minOperatingHours: number | null }[];
  shares: BasisPointShare[];
  rewardFunderOrganizationId?: string;
  riskBeneficiaryOrganizationId?: string;
}

/** The API's input from values that `createProblems` accepted. */
export function createInput(
  values: CreateValues,
  kpis: readonly KpiOption[],
  members: readonly { id: string; name: string }[],
): CreateMilestoneInputValues {
  const unitOf = (key: string) => kpis.find((k) => k.key === key)?.unit;
  return {
    scenarioId: values.scenarioId ?? '',
    name: (values.name ?? '').trim(),
    description: (values.description ?? '').trim(),
    currency: values.currency ?? 'CNY',
    windowStart: dayStart(values.windowStart ?? ''),
    windowEnd: dayEnd(values.windowEnd ?? ''),
    dueAt: dayEnd(values.dueAt ?? ''),
    rewardPoolMinor: yuanToMinor(values.rewardPoolYuan) ?? 0,
    riskAmountMinor: yuanToMinor(values.riskAmountYuan) ?? 0,
    targets: (values.targets ?? []).map((target) => ({
      kpiKey: target.kpiKey ?? '',
      comparator: target.comparator ?? 'GTE',
      value: targetValueToApi(target.value ?? 0, unitOf(target.kpiKey ?? '')),
      minOperatingHours: target.minOperatingHours ?? null,
    })),
    shares: sharesFromRows(splitRows(members, values.split)),
    // Left out, the API names the consortium's scenario user.
    ...(values.rewardFunderOrganizationId
      ? { rewardFunderOrganizationId: values.rewardFunderOrganizationId }
      : {}),
    ...(values.riskBeneficiaryOrganizationId
      ? { riskBeneficiaryOrganizationId: values.riskBeneficiaryOrganizationId }
      : {}),
  };
}

// The API names amounts in minor units and the split `shares`; the form names them as typed.
const FORM_FIELD: Record<string, string> = {
  rewardPoolMinor: 'rewardPoolYuan',
  riskAmountMinor: 'riskAmountYuan',
  shares: 'split',
};

/**
 * The API's field problems under the form's own field names (`shares.2.basisPoints` → `split`);
 * an amendment's problems name `changes.…`.
 */
export function formProblem(problem: ApiProblem): ApiProblem {
  const fields: Record<string, string> = {};
  for (const [fullPath, message] of Object.entries(problem.fields)) {
    const path = fullPath.replace(/^changes\./, '');
    const [top = path, ...rest] = path.split('.');
    const renamed = FORM_FIELD[top];
    const key = renamed ? (renamed === 'split' ? 'split' : [renamed, ...rest].join('.')) : path;
    fields[key] ??= message;
  }
  return { ...problem, fields };
}

/**
 * The fields a change touched (from a form's changed values), so that their old refusals can be
 * cleared as the person corrects them: `{ targets: [, { value: 97 }] }` → `targets`, `targets.1.value`.
 */
export function changedFieldNames(changed: Record<string, unknown>): (string | number)[][] {
  const names: (string | number)[][] = [];
  for (const [key, value] of Object.entries(changed)) {
    names.push([key]);
    if (key !== 'targets' || !Array.isArray(value)) continue;
    // forEach skips the holes of a sparse array: the targets that did not change.
    value.forEach((target: unknown, index) => {
      if (target && typeof target === 'object')
        for (const prop of Object.keys(target)) names.push(['targets', index, prop]);
    });
  }
  return names;
}
