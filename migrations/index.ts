import { CreateOrganization1764108000000 } from './1764108000000-CreateOrganization';
import { CreateIdentity1764115200000 } from './1764115200000-CreateIdentity';

/** Every migration, oldest first. A merged migration is never edited: add a new one. */
export const migrations = [CreateOrganization1764108000000, CreateIdentity1764115200000];
