import { InvalidInputError } from '@tetrad/core';
import type { Scenario } from '@tetrad/scenario';
import type { SubmitKpiReportInput } from './dto/milestone.inputs';
import { reconcileKpiValues, type DeclaredValue } from './kpi-reconciliation';

const HOUR_MS = 3_600_000;

/**
 * The checks a report passes before it is stored: a period that has ended, counts that fit it and
 * the scenario, known KPIs once each, and declared values that agree with the counts. Answers the
 * values to store: the declared ones plus the computable ones left out.
 */
export function checkedReportValues(
  input: SubmitKpiReportInput,
  scenario: Pick<Scenario, 'kpis' | 'unitsDeployed'>,
  now = Date.now(),
): DeclaredValue[] {
  checkPeriod(input, now);
  checkCounts(input, scenario);
  checkKpiKeys(input, scenario);
  const { values, problems } = reconcileKpiValues(
    { ...input, periodStart: input.periodStart.toISOString(), periodEnd: input.periodEnd.toISOString() },
    scenario.kpis,
    input.values,
  );
  if (problems.length > 0) {
    throw new InvalidInputError(
      `The declared values do not agree with the counts. ${problems.map((p) => p.message).join(' ')}`,
      problems.map((problem) => ({
        field: `input.values.${problem.index}.value`,
        message: problem.message,
      })),
    );
  }
  return values;
}

function checkPeriod(input: SubmitKpiReportInput, now: number): void {
  if (input.periodEnd <= input.periodStart) {
    throw new InvalidInputError('The period must end after it starts.', [
      { field: 'input.periodEnd', message: 'must be after periodStart' },
    ]);
  }
  if (input.periodEnd.getTime() > now) {
    throw new InvalidInputError('A report covers a period that has ended.', [
      { field: 'input.periodEnd', message: 'is in the future' },
    ]);
  }
}

function checkCounts(input: SubmitKpiReportInput, scenario: Pick<Scenario, 'unitsDeployed'>): void {
  const periodHours = (input.periodEnd.getTime() - input.periodStart.getTime()) / HOUR_MS;
  if (input.operatingHours > periodHours + 1e-9) {
    const hours = (value: number) => value.toLocaleString('en-US', { maximumFractionDigits: 1 });
    throw new InvalidInputError(
      `The cell cannot run ${hours(input.operatingHours)} operating hours in a ${hours(periodHours)}-hour period: operating hours are the wall-clock hours it ran, at most the length of the period.`,
      [{ field: 'input.operatingHours', message: `more than the ${hours(periodHours)} h of the period` }],
    );
  }
  if (input.robotsInService > scenario.unitsDeployed) {
    throw new InvalidInputError(
      `${input.robotsInService} robots in service, but the scenario has ${scenario.unitsDeployed} units deployed. Report the robots that worked, or update the scenario's units deployed first.`,
      [{ field: 'input.robotsInService', message: `more than the ${scenario.unitsDeployed} units deployed` }],
    );
  }
  if (input.successes != null && input.attempts != null && input.successes > input.attempts) {
    throw new InvalidInputError('Successes cannot exceed attempts.', [
      { field: 'input.successes', message: 'more than attempts' },
    ]);
  }
}

function checkKpiKeys(input: SubmitKpiReportInput, scenario: Pick<Scenario, 'kpis'>): void {
  const known = scenario.kpis.map((kpi) => kpi.key);
  const seen = new Set<string>();
  for (const [index, { kpiKey }] of input.values.entries()) {
    if (!known.includes(kpiKey)) {
      throw new InvalidInputError(
        `The scenario defines no KPI "${kpiKey}"; its KPIs are ${known.join(', ') || 'none yet'}.`,
        [{ field: `input.values.${index}.kpiKey`, message: 'not a KPI of the scenario' }],
      );
    }
    if (seen.has(kpiKey)) {
      throw new InvalidInputError(`"${kpiKey}" is given twice.`, [
        { field: `input.values.${index}.kpiKey`, message: 'duplicate' },
      ]);
    }
    seen.add(kpiKey);
  }
}
