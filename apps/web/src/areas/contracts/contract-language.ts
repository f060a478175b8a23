import type { ContractLanguage } from '../../gql/graphql';

/** The contract language matching the app's language (zh-CN or en). */
export function languageOfUi(uiLanguage: string): ContractLanguage {
  return uiLanguage === 'en' ? 'EN' : 'ZH_CN';
}

/** A translation is offered when the reader's language is not the governing one and one exists. */
export function showsTranslationToggle(
  governingLanguage: ContractLanguage,
  readerLanguage: ContractLanguage,
  clauses: readonly { translation: unknown }[],
): boolean {
  return governingLanguage !== readerLanguage && clauses.some((clause) => clause.translation);
}
