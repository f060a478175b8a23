import { CostBudget } from './cost-budget';

describe('CostBudget', () => {
  let now = 0;
  const clock = () => now;

  beforeEach(() => {
    now = 1_000_000;
  });

  it('admits a new caller and lets the bucket go below zero once a request is charged', () => {
    const budget = new CostBudget(60_000, 10_000, clock); // 1,000 points a second, 10,000 at most
    expect(budget.waitMs('a')).toBe(0);
    budget.charge('a', 4_000);
    budget.charge('a', 4_000);
    expect(budget.waitMs('a')).toBe(0); // 2,000 left
    budget.charge('a', 4_500); // -2,500: the next request waits until the bucket is above zero
    expect(budget.waitMs('a')).toBe(2_501);
    now += 2_000;
    expect(budget.waitMs('a')).toBe(501);
    now += 501;
    expect(budget.waitMs('a')).toBe(0);
  });

  it('refills at its rate up to the burst, never beyond', () => {
    const budget = new CostBudget(60_000, 10_000, clock);
    budget.charge('a', 10_000);
    now += 60 * 60 * 1000; // an hour idle
    budget.charge('a', 10_000);
    budget.charge('a', 1);
    expect(budget.waitMs('a')).toBe(2);
  });

  it('counts each caller on their own', () => {
    const budget = new CostBudget(600, 100, clock);
    budget.charge('a', 500);
    expect(budget.waitMs('a')).toBeGreaterThan(0);
    expect(budget.waitMs('b')).toBe(0);
  });

  it('refuses a budget that could never admit anything', () => {
    expect(() => new CostBudget(0, 100)).toThrow();
    expect(() => new CostBudget(100, 0)).toThrow();
  });
});
