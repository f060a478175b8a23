import type {
  AnonymisationStatus,
  DataModality,
  DatasetFields,
  DatasetFormat,
  DatasetSensitivity,
  Purpose,
} from '../../gql/graphql';

export interface FeatureValues {
  key: string;
  modality?: DataModality;
  dtype: string;
  /** As typed: "480,640,3". */
  shape: string;
  rateHz?: number | null;
}

/** What the register/edit form holds; metadata keys we know get their own fields. */
export interface DatasetFormValues {
  scenarioId?: string;
  name: string;
  description: string;
  modalities: DataModality[];
  format?: DatasetFormat;
  formatVersion: string;
  robotType: string;
  episodes: number;
  hours: number;
  fps: number;
  sizeBytes: string;
  storageLocation: string;
  checksum: string;
  sensitivity?: DatasetSensitivity;
  allowedPurposes: Purpose[];
  personalData: boolean;
  anonymisation: AnonymisationStatus;
  consentBasis: string;
  annotationStandard: string;
  collectionPeriod: string;
  features: FeatureValues[];
}

/** Metadata keys the form edits; every other key is kept as it was. */
export const METADATA_FIELDS = ['consentBasis', 'annotationStandard', 'collectionPeriod'] as const;

export const EMPTY_DATASET: DatasetFormValues = {
  name: '',
  description: '',
  modalities: [],
  formatVersion: '',
  robotType: '',
  episodes: 0,
  hours: 0,
  fps: 0,
  sizeBytes: '0',
  storageLocation: '',
  checksum: '',
  allowedPurposes: [],
  personalData: false,
  anonymisation: 'NOT_APPLICABLE',
  consentBasis: '',
  annotationStandard: '',
  collectionPeriod: '',
  features: [],
};

/** "480, 640,3" → [480, 640, 3]; undefined if any part is not a whole number ≥ 0. "" → []. */
export function parseShape(text: string): number[] | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return [];
  const parts = trimmed.split(/[,，x×\s]+/).filter(Boolean);
  if (!parts.every((p) => /^\d+$/.test(p))) return undefined;
  return parts.map(Number);
}

function asRecord(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

/** The API's DatasetFields from the form, keeping metadata the form does not show. */
export function toDatasetFields(values: DatasetFormValues, previousMetadata: unknown = {}): DatasetFields {
  const metadata: Record<string, unknown> = { ...asRecord(previousMetadata) };
  for (const key of METADATA_FIELDS) {
    const value = values[key].trim();
    if (value) metadata[key] = value;
    else delete metadata[key];
  }
  return {
    name: values.name.trim(),
    description: values.description,
    modalities: values.modalities,
    format: values.format!,
    formatVersion: values.formatVersion.trim(),
    robotType: values.robotType.trim(),
    episodes: values.episodes ?? 0,
    hours: values.hours ?? 0,
    fps: values.fps ?? 0,
    sizeBytes: (values.sizeBytes ?? '0').trim() || '0',
    storageLocation: values.storageLocation.trim(),
    checksum: values.checksum.trim(),
    sensitivity: values.sensitivity!,
    allowedPurposes: values.allowedPurposes,
    personalData: values.personalData,
    anonymisation: values.anonymisation,
    metadata,
    features: values.features.map((f) => ({
      key: f.key.trim(),
      modality: f.modality!,
      dtype: f.dtype.trim(),
      shape: parseShape(f.shape) ?? [],
      ...(f.rateHz === null || f.rateHz === undefined ? {} : { rateHz: f.rateHz }),
    })),
  };
}

interface DatasetLike {
  name: string;
  description: string;
  modalities: DataModality[];
  format: DatasetFormat;
  formatVersion: string;
  robotType: string;
  episodes: number;
  hours: number;
  fps: number;
  sizeBytes: string;
  storageLocation?: string | null;
  checksum: string;
  sensitivity: DatasetSensitivity;
  allowedPurposes: Purpose[];
  personalData: boolean;
  anonymisation: AnonymisationStatus;
  metadata: unknown;
  features: { key: string; modality: DataModality; dtype: string; shape: number[]; rateHz?: number | null }[];
}

/** The form's values for editing a dataset as the API returned it. */
export function toFormValues(dataset: DatasetLike): DatasetFormValues {
  const metadata = asRecord(dataset.metadata);
  const text = (key: string) => (typeof metadata[key] === 'string' ? metadata[key] : '');
  return {
    name: dataset.name,
    description: dataset.description,
    modalities: [...dataset.modalities],
    format: dataset.format,
    formatVersion: dataset.formatVersion,
    robotType: dataset.robotType,
    episodes: dataset.episodes,
    hours: dataset.hours,
    fps: dataset.fps,
    sizeBytes: dataset.sizeBytes,
    storageLocation: dataset.storageLocation ?? '',
    checksum: dataset.checksum,
    sensitivity: dataset.sensitivity,
    allowedPurposes: [...dataset.allowedPurposes],
    personalData: dataset.personalData,
    anonymisation: dataset.anonymisation,
    consentBasis: text('consentBasis'),
    annotationStandard: text('annotationStandard'),
    collectionPeriod: text('collectionPeriod'),
    features: dataset.features.map((f) => ({
      key: f.key,
      modality: f.modality,
      dtype: f.dtype,
      shape: f.shape.join(','),
      rateHz: f.rateHz ?? null,
    })),
  };
}
