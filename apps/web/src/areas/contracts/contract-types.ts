import type { ContractsContractQuery } from '../../gql/graphql';

export type Contract = ContractsContractQuery['dataSharingContract'];

/** A dataset's name by id; the id itself when the caller cannot see it. */
export function datasetNamer(datasets: readonly { id: string; name: string }[]): (id: string) => string {
  const names = new Map(datasets.map((dataset) => [dataset.id, dataset.name]));
  return (id) => names.get(id) ?? id;
}

/** A file name safe on every system: the title's letters and digits, then the suffix. */
export function fileName(title: string, suffix: string): string {
  const stem = title
    .normalize('NFKC')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  return `${stem || 'contract'}${suffix}`;
}

/** Hands text to the browser as a download (a Blob, so nothing goes back to the server). */
export function saveFile(name: string, content: string, type: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
