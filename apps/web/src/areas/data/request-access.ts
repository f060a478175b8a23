import type { Purpose, SubmitDataAccessRequestInput } from '../../gql/graphql';

export interface RequestAccessValues {
  purpose?: Purpose;
  intendedOutputs: string;
  durationDays: number | null;
  securityMeasures: string;
}

export const EMPTY_REQUEST: RequestAccessValues = {
  intendedOutputs: '',
  durationDays: 90,
  securityMeasures: '',
};

/** The API's bounds for a request's duration (SubmitDataAccessRequestInput.durationDays). */
export const MIN_DAYS = 1;
export const MAX_DAYS = 1825;

export function validDuration(days: number | null | undefined): days is number {
  return typeof days === 'number' && Number.isInteger(days) && days >= MIN_DAYS && days <= MAX_DAYS;
}

/**
 * The purposeMatch(...) variables for the values typed so far, or undefined while the matcher
 * cannot answer yet (no purpose, or a duration the API would refuse).
 */
export function previewVariables(
  values: Partial<RequestAccessValues>,
  datasetIds: string[],
): { datasetIds: string[]; purpose: Purpose; durationDays: number } | undefined {
  if (!values.purpose || !validDuration(values.durationDays) || datasetIds.length === 0) return undefined;
  return { datasetIds, purpose: values.purpose, durationDays: values.durationDays };
}

export function toSubmitInput(
  values: RequestAccessValues,
  datasetIds: string[],
): SubmitDataAccessRequestInput {
  return {
    datasetIds,
    purpose: values.purpose!,
    durationDays: values.durationDays!,
    intendedOutputs: values.intendedOutputs.trim(),
    securityMeasures: values.securityMeasures.trim(),
  };
}
