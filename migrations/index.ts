import { CreateOrganization1764108000000 } from './1764108000000-CreateOrganization';

/** Every migration, oldest first. A merged migration is never edited: add a new one. */
export const migrations = [CreateOrganization1764108000000];
