import { readRationale } from './rationale';

describe('readRationale', () => {
  it.each([
    ["The dataset's offer allows RESEARCH.", { key: 'offered', purpose: 'RESEARCH' }],
    ["The dataset's offer does not include SIM_TO_REAL.", { key: 'notOffered', purpose: 'SIM_TO_REAL' }],
    ['It is a trade secret: the owner decides every request case by case.', { key: 'tradeSecret' }],
    [
      'It records identifiable people, and the purpose is commercial: a privacy review is needed first.',
      { key: 'privacy' },
    ],
    ['Commercial use and redistribution are granted only when the offer names them.', { key: 'commercial' }],
    [
      'It offers the related RESEARCH and MODEL_TRAINING; the steward may judge BENCHMARKING close enough.',
      { key: 'related', related: ['RESEARCH', 'MODEL_TRAINING'], purpose: 'BENCHMARKING' },
    ],
    [
      'The requested 400 days exceed one year; the steward should confirm the duration.',
      { key: 'long', days: 400 },
    ],
    ['Something a newer matcher says.', { key: 'verbatim', text: 'Something a newer matcher says.' }],
  ])('reads %j', (line, expected) => {
    expect(readRationale(line)).toEqual(expected);
  });
});
