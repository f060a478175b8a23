import type { FormInstance } from 'antd';
import type { ApiProblem } from '../api/errors';

/**
 * Puts the API's field problems on the form's fields (`input.purpose.outputs` → ['purpose',
 * 'outputs']) so each message stands next to what caused it. Values typed stay in the form.
 * Returns the problems that matched no field, to show above the form.
 */
export function applyFieldProblems(
  form: FormInstance,
  problem: ApiProblem | undefined,
  known: string[],
): string[] {
  if (!problem) return [];
  const unmatched: string[] = [];
  const fields: { name: (string | number)[]; errors: string[] }[] = [];
  for (const [path, message] of Object.entries(problem.fields)) {
    const top = path.split('.')[0] ?? path;
    if (known.includes(top))
      fields.push({ name: path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)), errors: [message] });
    else unmatched.push(message);
  }
  form.setFields(fields);
  return unmatched;
}
