import { InvalidInputError } from '@tetrad/core';

export class DuplicateKpiKeyError extends InvalidInputError {
  constructor(key: string) {
    super(`Two KPIs share the key "${key}"; give each KPI its own key.`, [
      { field: 'input.kpis', message: `duplicate key ${key}` },
    ]);
  }
}
