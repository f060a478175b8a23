import { auditLocales } from '../areas/audit/locales';
import { consortiumLocales } from '../areas/consortium/locales';
import { contractsLocales } from '../areas/contracts/locales';
import { dataLocales } from '../areas/data/locales';
import { milestonesLocales } from '../areas/milestones/locales';
import { myworkLocales } from '../areas/mywork/locales';
import { peopleLocales } from '../areas/people/locales';
import { ticketsLocales } from '../areas/tickets/locales';
import { common, errors } from './common.locales';

/** One i18next namespace per area; each area owns its own strings file. */
const namespaces = {
  common,
  errors,
  mywork: myworkLocales,
  consortium: consortiumLocales,
  tickets: ticketsLocales,
  data: dataLocales,
  contracts: contractsLocales,
  milestones: milestonesLocales,
  audit: auditLocales,
  people: peopleLocales,
};

type Namespace = keyof typeof namespaces;

function forLanguage<L extends 'zh-CN' | 'en'>(language: L) {
  return Object.fromEntries(
    Object.entries(namespaces).map(([ns, byLanguage]) => [ns, byLanguage[language]]),
  ) as {
    [N in Namespace]: (typeof namespaces)[N][L];
  };
}

export const resources = { 'zh-CN': forLanguage('zh-CN'), en: forLanguage('en') };
