import { listInWords } from './contract-vocabulary';
import type { ContractLanguage } from '../documents/document-blocks';

/** The longest title a contract row holds. */
export const TITLE_LIMIT = 200;

export interface DraftTitleInput {
  datasetNames: string[];
  providerNames: string[];
  recipientName: string;
}

/**
 * A draft's title from what a person recognises, in the governing language, never from codes:
 * "数据使用协议：<数据集>等 2 个数据集 —— <提供方> 向 <接收方> 提供" / "Data-use agreement:
 * <dataset> and 1 other dataset from <provider> to <recipient>". Long names are shortened, each
 * with an ellipsis, until the title fits its 200 characters.
 */
export function draftTitle(input: DraftTitleInput, language: ContractLanguage): string {
  for (const limit of [80, 60, 40, 24, 12]) {
    const title = titleWith(input, language, (name) => clip(name, limit));
    if (title.length <= TITLE_LIMIT) return title;
  }
  return clip(
    titleWith(input, language, (name) => clip(name, 12)),
    TITLE_LIMIT,
  );
}

function titleWith(
  input: DraftTitleInput,
  language: ContractLanguage,
  name: (text: string) => string,
): string {
  const [first] = input.datasetNames.map(name);
  const others = input.datasetNames.length - 1;
  const providers = listInWords(input.providerNames.map(name), language);
  const recipient = name(input.recipientName);
  if (language === 'zh-CN') {
    const datasets =
      first === undefined ? '数据集' : others > 0 ? `${first}等 ${others + 1} 个数据集` : first;
    return `数据使用协议：${datasets} —— ${providers} 向 ${recipient} 提供`;
  }
  const datasets =
    first === undefined
      ? 'datasets'
      : others > 0
        ? `${first} and ${others} other dataset${others > 1 ? 's' : ''}`
        : first;
  return `Data-use agreement: ${datasets} from ${providers} to ${recipient}`;
}

function clip(text: string, limit: number): string {
  const characters = [...text.trim()];
  return characters.length <= limit ? text.trim() : `${characters.slice(0, limit - 1).join('')}…`;
}
