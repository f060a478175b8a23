/** Turning the KPI report form into the API's input: calendar days into an ended period. */

export interface ReportFormValues {
  scenarioId: string;
  periodStart: Date;
  periodEnd: Date;
  operatingHours: number;
  unitsProcessed: number;
  robotsInService: number;
  interventions: number;
  successes?: number | null;
  attempts?: number | null;
  values?: Record<string, number | null | undefined>;
}

function startOfDay(date: Date): Date {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate());
}

/**
 * The period runs from the start of the first day to the end of the last day; a period ending
 * today ends now, since the API accepts only periods that have ended.
 */
export function reportPeriod(
  first: Date,
  last: Date,
  now = new Date(),
): { periodStart: string; periodEnd: string } {
  const start = startOfDay(first);
  const dayAfter = startOfDay(last);
  dayAfter.setDate(dayAfter.getDate() + 1);
  const end = dayAfter > now ? now : dayAfter;
  return { periodStart: start.toISOString(), periodEnd: end.toISOString() };
}

export function reportInput(values: ReportFormValues, now = new Date()) {
  return {
    scenarioId: values.scenarioId,
    ...reportPeriod(values.periodStart, values.periodEnd, now),
    operatingHours: values.operatingHours,
    unitsProcessed: values.unitsProcessed,
    robotsInService: values.robotsInService,
    interventions: values.interventions,
    successes: values.successes ?? null,
    attempts: values.attempts ?? null,
    values: Object.entries(values.values ?? {})
      .filter((entry): entry is [string, number] => typeof entry[1] === 'number')
      .map(([kpiKey, value]) => ({ kpiKey, value })),
  };
}
