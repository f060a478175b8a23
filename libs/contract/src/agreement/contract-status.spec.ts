import { ContractStatus } from '../contract-enums';
import { effectiveStatus, obligationDueAt, obligationDueFrom, type ContractClock } from './contract-status';

const NOW = new Date('2027-03-01T12:00:00Z');
const day = (iso: string): Date => new Date(`${iso}T00:00:00Z`);
const signed: ContractClock = {
  stored: ContractStatus.AGREED,
  fullySignedAt: day('2027-02-01'),
  startsAt: day('2027-02-01'),
  endsAt: day('2027-06-01'),
  earliestUnmetDueAt: null,
};

describe('effectiveStatus', () => {
  it.each<[string, Partial<ContractClock>, ContractStatus]>([
    ['a draft stays a draft', { stored: ContractStatus.DRAFT, fullySignedAt: null }, ContractStatus.DRAFT],
    [
      'in negotiation stays so',
      { stored: ContractStatus.IN_NEGOTIATION, fullySignedAt: null },
      ContractStatus.IN_NEGOTIATION,
    ],
    ['agreed but not fully signed', { fullySignedAt: null }, ContractStatus.AGREED],
    ['fully signed, start date to come', { startsAt: day('2027-04-01') }, ContractStatus.AGREED],
    ['fully signed and started', {}, ContractStatus.ACTIVE],
    ['stored ACTIVE and running', { stored: ContractStatus.ACTIVE }, ContractStatus.ACTIVE],
    [
      'ended, though stored ACTIVE',
      { stored: ContractStatus.ACTIVE, endsAt: day('2027-03-01') },
      ContractStatus.EXPIRED,
    ],
    ['ends exactly now', { stored: ContractStatus.ACTIVE, endsAt: NOW }, ContractStatus.EXPIRED],
    ['suspended by a provider', { stored: ContractStatus.SUSPENDED }, ContractStatus.SUSPENDED],
    [
      'suspended and ended',
      { stored: ContractStatus.SUSPENDED, endsAt: day('2027-02-15') },
      ContractStatus.EXPIRED,
    ],
    [
      'a duty overdue',
      { stored: ContractStatus.ACTIVE, earliestUnmetDueAt: day('2027-03-01') },
      ContractStatus.SUSPENDED,
    ],
    [
      'a duty due later',
      { stored: ContractStatus.ACTIVE, earliestUnmetDueAt: day('2027-03-02') },
      ContractStatus.ACTIVE,
    ],
    ['terminated stays terminated', { stored: ContractStatus.TERMINATED }, ContractStatus.TERMINATED],
    [
      'stored ACTIVE without every signature grants nothing',
      { stored: ContractStatus.ACTIVE, fullySignedAt: null },
      ContractStatus.AGREED,
    ],
  ])('%s', (_case, change, expected) => {
    expect(effectiveStatus({ ...signed, ...change }, NOW)).toBe(expected);
  });
});

describe('obligationDueAt', () => {
  const period = { startsOn: '2027-01-01', endsOn: '2027-12-31' };
  it.each([
    [{ duty: 'REPORT_PUBLICATIONS', dueInDays: 180 }, '2027-06-30T00:00:00.000Z'],
    [{ duty: 'DELETE_ON_EXPIRY', dueInDays: 30 }, '2028-01-30T00:00:00.000Z'],
    [{ duty: 'ATTRIBUTE', dueInDays: null }, null],
  ])('%j falls due at %s', (duty, expected) => {
    expect(obligationDueAt(duty, period)?.toISOString() ?? null).toBe(expected);
  });
});

describe('obligationDueFrom', () => {
  // A period agreed in Asia/Shanghai: 1 January to 31 December 2027, from local midnight.
  const period = {
    startsAt: new Date('2026-12-31T16:00:00.000Z'),
    endsAt: new Date('2027-12-30T16:00:00.000Z'),
  };
  it.each([
    [{ duty: 'REPORT_PUBLICATIONS', dueInDays: 180 }, '2027-06-29T16:00:00.000Z'],
    [{ duty: 'DELETE_ON_EXPIRY', dueInDays: 30 }, '2028-01-29T16:00:00.000Z'],
    [{ duty: 'NOTIFY_BREACH', dueInDays: null }, null],
  ])('%j falls due at local midnight, %s', (duty, expected) => {
    expect(obligationDueFrom(duty, period)?.toISOString() ?? null).toBe(expected);
  });
});
