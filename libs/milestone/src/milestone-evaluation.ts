/**
 * Judging a milestone from verified KPI reports (DOMAIN.md, "Risk and reward"; issue 7).
 *
 * Semantics:
 * - Only verified reports whose whole period lies inside the milestone's window count
 *   (windowStart ≤ periodStart and periodEnd ≤ windowEnd), taken in period order.
 * - A target is met by a run of those reports when, over the reports that carry its KPI, the
 *   hours-weighted mean Σ(value·hours)/Σhours reaches the comparator and Σhours reaches
 *   `minOperatingHours` (if any).
 * - The milestone is ACHIEVED at the first report after which every target is met cumulatively
 *   (`achievedBy`); a later dip does not undo it, since achieving writes the ledger once.
 * - Otherwise it is MISSED once `now` is after `dueAt`, and PENDING before.
 * - ACHIEVED, MISSED and WAIVED are final: they are returned as they are, never re-judged, with
 *   the summary written when they were decided.
 * - A PROPOSED milestone binds nobody yet: it is PENDING, whatever the reports say.
 * - A report in the window that is DISPUTED freezes the judgement (PENDING) until the dispute is
 *   resolved; past the due date, a report in the window still awaiting verification holds MISSED
 *   back (verifying it may achieve the milestone), but never an achievement.
 */

export type TargetComparator = 'GTE' | 'LTE';
export type MilestoneState = 'PROPOSED' | 'COMMITTED' | 'ACHIEVED' | 'MISSED' | 'WAIVED';
export type MilestoneOutcome = 'ACHIEVED' | 'MISSED' | 'PENDING' | 'WAIVED';

export interface KpiTarget {
  kpiKey: string;
  comparator: TargetComparator;
  value: number;
  minOperatingHours?: number | null;
}

export interface MilestoneToEvaluate {
  targets: readonly KpiTarget[];
  /** ISO 8601 datetimes. */
  windowStart: string;
  windowEnd: string;
  dueAt: string;
  status: MilestoneState;
  /** What was found when a final status was decided. */
  decisionSummary?: string | null;
}

/** A report in the window that does not count yet: awaiting verification, or disputed. */
export interface UnsettledReport {
  id: string;
  status: 'SUBMITTED' | 'DISPUTED';
}

export interface VerifiedReport {
  id: string;
  periodStart: string;
  periodEnd: string;
  operatingHours: number;
  /** Measured value per KPI key; a report need not carry every KPI. */
  values: Readonly<Record<string, number>>;
}

export interface TargetCheck {
  kpiKey: string;
  comparator: TargetComparator;
  target: number;
  /** Hours-weighted mean, or null when no report carries the KPI over a positive number of hours. */
  actual: number | null;
  operatingHours: number;
  minOperatingHours: number | null;
  met: boolean;
  /** The reports the check used, in period order. */
  reportIds: string[];
  sentence: string;
}

export interface MilestoneEvaluation {
  outcome: MilestoneOutcome;
  /** One check per target, sorted by KPI key, comparator, then target value. */
  explanation: TargetCheck[];
  summary: string;
  achievedBy?: string;
}

const FINAL: Readonly<Partial<Record<MilestoneState, MilestoneOutcome>>> = {
  ACHIEVED: 'ACHIEVED',
  MISSED: 'MISSED',
  WAIVED: 'WAIVED',
};

export function evaluateMilestone(
  milestone: MilestoneToEvaluate,
  reports: readonly VerifiedReport[],
  now: string,
  unsettled: readonly UnsettledReport[] = [],
): MilestoneEvaluation {
  const dueAt = instant(milestone.dueAt, 'due date');
  const judgedAt = instant(now, 'evaluation time');
  const inWindow = reportsInWindow(milestone, reports);
  const targets = sortTargets(milestone.targets);
  const final = FINAL[milestone.status];
  if (final) {
    return {
      outcome: final,
      explanation: checkTargets(targets, inWindow),
      summary: milestone.decisionSummary ?? `${final[0]}${final.slice(1).toLowerCase()}.`,
    };
  }
  if (targets.length === 0) {
    // Vacuously "all met" would pay the reward pool for nothing.
    throw new RangeError('A milestone needs at least one KPI target before it can be judged.');
  }
  if (milestone.status === 'PROPOSED') {
    return {
      outcome: 'PENDING',
      explanation: checkTargets(targets, inWindow),
      summary: 'Proposed: it binds nobody and is not judged until every bound party accepts its terms.',
    };
  }
  const disputed = unsettled.filter((report) => report.status === 'DISPUTED').map((r) => r.id);
  if (disputed.length > 0) {
    return {
      outcome: 'PENDING',
      explanation: checkTargets(targets, inWindow),
      summary: `Frozen: ${plural(disputed.length, 'report')} in the window ${disputed.length === 1 ? 'is' : 'are'} disputed (${disputed.sort(compareText).join(', ')}); nothing is decided until the dispute is resolved.`,
    };
  }
  const achieved = firstAchievement(targets, inWindow);
  if (achieved) return achieved;
  const explanation = checkTargets(targets, inWindow);
  const met = `${explanation.filter((c) => c.met).length} of ${explanation.length} targets met`;
  if (judgedAt > dueAt && unsettled.length > 0) {
    const ids = unsettled.map((report) => report.id).sort(compareText);
    return {
      outcome: 'PENDING',
      explanation,
      summary: `Past due with ${met}; waiting for ${plural(ids.length, 'report')} submitted by the due date to be verified (${ids.join(', ')}).`,
    };
  }
  if (judgedAt > dueAt) {
    return {
      outcome: 'MISSED',
      explanation,
      summary: `Missed: the due date ${iso(dueAt)} has passed with ${met}.`,
    };
  }
  return { outcome: 'PENDING', explanation, summary: `Pending: ${met} so far; due ${iso(dueAt)}.` };
}

/** The shortest run of reports, in period order, after which every target is met. */
function firstAchievement(
  targets: readonly KpiTarget[],
  reports: readonly VerifiedReport[],
): MilestoneEvaluation | undefined {
  // Reports per milestone are few (one per week or month), so re-checking each prefix stays cheap and plain.
  for (let end = 1; end <= reports.length; end += 1) {
    const explanation = checkTargets(targets, reports.slice(0, end));
    if (explanation.every((check) => check.met)) {
      const achievedBy = reports[end - 1]!.id;
      const count = explanation.length === 1 ? 'its target' : `all ${explanation.length} targets`;
      return {
        outcome: 'ACHIEVED',
        explanation,
        summary: `Achieved with report ${achievedBy}: ${count} met from ${plural(end, 'verified report')}.`,
        achievedBy,
      };
    }
  }
  return undefined;
}

function checkTargets(targets: readonly KpiTarget[], reports: readonly VerifiedReport[]): TargetCheck[] {
  return targets.map((target) => checkTarget(target, reports));
}

function checkTarget(target: KpiTarget, reports: readonly VerifiedReport[]): TargetCheck {
  const carrying = reports.filter((report) => Number.isFinite(report.values[target.kpiKey]));
  const operatingHours = carrying.reduce((sum, report) => sum + report.operatingHours, 0);
  const weighted = carrying.reduce((sum, r) => sum + r.values[target.kpiKey]! * r.operatingHours, 0);
  const actual = operatingHours > 0 ? weighted / operatingHours : null;
  const minOperatingHours = target.minOperatingHours ?? null;
  const valueMet = actual !== null && reaches(actual, target.comparator, target.value);
  const hoursMet = minOperatingHours === null || reaches(operatingHours, 'GTE', minOperatingHours);
  const check = {
    kpiKey: target.kpiKey,
    comparator: target.comparator,
    target: target.value,
    actual,
    operatingHours,
    minOperatingHours,
    met: valueMet && hoursMet,
    reportIds: carrying.map((report) => report.id),
  };
  return { ...check, sentence: describe(check, valueMet, hoursMet) };
}

/** Weighting by hours adds rounding error: a success rate of exactly 0.95 must still reach ≥ 0.95. */
function reaches(actual: number, comparator: TargetComparator, target: number): boolean {
  const tolerance = 1e-9 * Math.max(1, Math.abs(target));
  return comparator === 'GTE' ? actual >= target - tolerance : actual <= target + tolerance;
}

const SYMBOL: Readonly<Record<TargetComparator, string>> = { GTE: '≥', LTE: '≤' };

/** E.g. "throughput: 21.3 ≥ 21 over 240 h from 2 verified reports — met." */
function describe(check: Omit<TargetCheck, 'sentence'>, valueMet: boolean, hoursMet: boolean): string {
  const { kpiKey, actual, target, minOperatingHours: minHours } = check;
  const symbol = SYMBOL[check.comparator];
  const verdict = check.met ? 'met' : 'not met';
  const reports = plural(check.reportIds.length, 'verified report');
  if (actual === null) {
    const why =
      check.reportIds.length === 0 ? 'no verified report in the window' : `no operating hours in ${reports}`;
    return `${kpiKey}: ${why} (target ${symbol} ${formatNumber(target)}) — ${verdict}.`;
  }
  const [shown, wanted] = distinguishable(actual, target);
  const comparison = valueMet ? `${shown} ${symbol} ${wanted}` : `${shown}, not ${symbol} ${wanted},`;
  const hours = `${formatNumber(check.operatingHours)} h`;
  if (minHours === null) return `${kpiKey}: ${comparison} over ${hours} from ${reports} — ${verdict}.`;
  const required = `${formatNumber(minHours)} h`;
  return hoursMet
    ? `${kpiKey}: ${comparison} over ${hours} (${required} required) from ${reports} — ${verdict}.`
    : `${kpiKey}: ${comparison} over ${hours} from ${reports}, but ${required} are required — ${verdict}.`;
}

/** Up to three decimals, more only when needed so that "20.9996, not ≥ 21" never reads "21, not ≥ 21". */
function distinguishable(actual: number, target: number): [string, string] {
  for (let digits = 3; digits < 12; digits += 1) {
    const pair: [string, string] = [formatNumber(actual, digits), formatNumber(target, digits)];
    if (pair[0] !== pair[1] || Math.abs(actual - target) < 1e-12) return pair;
  }
  return [String(actual), String(target)];
}

function formatNumber(value: number, digits = 3): string {
  return String(Number(value.toFixed(digits)));
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function reportsInWindow(
  milestone: MilestoneToEvaluate,
  reports: readonly VerifiedReport[],
): VerifiedReport[] {
  const start = instant(milestone.windowStart, 'window start');
  const end = instant(milestone.windowEnd, 'window end');
  return reports
    .map((report) => {
      assertOperatingHours(report);
      const from = instant(report.periodStart, `start of report ${report.id}`);
      return { report, from, to: instant(report.periodEnd, `end of report ${report.id}`) };
    })
    .filter(({ from, to }) => start <= from && to <= end)
    .sort((a, b) => a.from - b.from || a.to - b.to || compareText(a.report.id, b.report.id))
    .map(({ report }) => report);
}

/** Negative hours would turn the weighted mean into nonsense rather than fail. */
function assertOperatingHours(report: VerifiedReport): void {
  if (!Number.isFinite(report.operatingHours) || report.operatingHours < 0) {
    throw new RangeError(
      `Report ${report.id} has ${report.operatingHours} operating hours; it needs 0 or more.`,
    );
  }
}

function sortTargets(targets: readonly KpiTarget[]): KpiTarget[] {
  return [...targets].sort(
    (a, b) => compareText(a.kpiKey, b.kpiKey) || compareText(a.comparator, b.comparator) || a.value - b.value,
  );
}

/** Code-unit order, not the locale's: the same input sorts the same on every server. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function instant(value: string, what: string): number {
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new RangeError(`The ${what} "${value}" is not an ISO 8601 datetime.`);
  return ms;
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}
