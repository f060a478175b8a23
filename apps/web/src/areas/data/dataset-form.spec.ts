import { scaleBytes } from './bytes';
import {
  EMPTY_DATASET,
  parseShape,
  toDatasetFields,
  toFormValues,
  type DatasetFormValues,
} from './dataset-form';

describe('parseShape', () => {
  it.each<[string, number[] | undefined]>([
    ['', []],
    ['7', [7]],
    ['480,640,3', [480, 640, 3]],
    [' 480, 640 ，3 ', [480, 640, 3]],
    ['480x640x3', [480, 640, 3]],
    ['480,-1', undefined],
    ['a,b', undefined],
    ['1.5', undefined],
  ])('reads %j', (text, expected) => {
    expect(parseShape(text)).toEqual(expected);
  });
});

describe('dataset form values', () => {
  const values: DatasetFormValues = {
    ...EMPTY_DATASET,
    name: '  Parcel grasps ',
    modalities: ['RGB', 'FORCE_TORQUE'],
    format: 'LEROBOT',
    robotType: ' Walker S ',
    sensitivity: 'CONSORTIUM',
    allowedPurposes: ['RESEARCH'],
    storageLocation: 's3://bucket/grasps ',
    consentBasis: 'Written staff consent',
    features: [
      { key: 'observation.state', modality: 'JOINT_STATES', dtype: 'float32', shape: '14', rateHz: 50 },
    ],
  };

  it('becomes DatasetFields, trimmed, with known metadata merged into the old metadata', () => {
    const fields = toDatasetFields(values, { annotationStandard: 'old', custom: 1 });
    expect(fields).toMatchObject({
      name: 'Parcel grasps',
      robotType: 'Walker S',
      storageLocation: 's3://bucket/grasps',
      metadata: { consentBasis: 'Written staff consent', custom: 1 },
      features: [
        { key: 'observation.state', modality: 'JOINT_STATES', dtype: 'float32', shape: [14], rateHz: 50 },
      ],
    });
    // Emptied in the form: removed, not kept stale.
    expect(fields.metadata).not.toHaveProperty('annotationStandard');
  });

  it('round-trips through what the API returns', () => {
    const fields = toDatasetFields(values);
    const back = toFormValues({ ...fields, features: fields.features!.map((f) => ({ ...f })) } as never);
    expect(back).toMatchObject({
      name: 'Parcel grasps',
      consentBasis: 'Written staff consent',
      features: [{ key: 'observation.state', shape: '14', rateHz: 50 }],
    });
  });
});

describe('scaleBytes', () => {
  it.each([
    ['0', 0, 'B'],
    ['1023', 1023, 'B'],
    ['1536', 1.5, 'KB'],
    ['1099511627776', 1, 'TB'],
    ['18446744073709551615', 16, 'EB'],
    ['nonsense', 0, 'B'],
  ])('scales %s bytes', (bytes, value, unit) => {
    const scaled = scaleBytes(bytes);
    expect(scaled.unit).toBe(unit);
    expect(scaled.value).toBeCloseTo(value, 3);
  });
});
