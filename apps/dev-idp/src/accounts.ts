import { createHash, timingSafeEqual } from 'node:crypto';
import { DEMO_PASSWORD, DEMO_PEOPLE, type DemoPerson } from '@tetrad/demo-data';
import type { Account } from 'oidc-provider';

/**
 * The `sub` of a demo person: stable across restarts and machines, so tokens and Tetrad's
 * identity links keep pointing at the same person. Derived from the email, never random.
 */
export function accountIdFor(email: string): string {
  return createHash('sha256').update(email.trim().toLowerCase()).digest('hex').slice(0, 24);
}

const peopleByAccountId = new Map(DEMO_PEOPLE.map((person) => [accountIdFor(person.email), person]));

export function findPersonByAccountId(accountId: string): DemoPerson | undefined {
  return peopleByAccountId.get(accountId);
}

export function findPersonByEmail(email: string): DemoPerson | undefined {
  return peopleByAccountId.get(accountIdFor(email));
}

/** Compares hashes so the time taken says nothing about how much of the password matched. */
function passwordMatches(candidate: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(candidate), digest(DEMO_PASSWORD));
}

/** The person signing in, or undefined without saying whether the email or the password was wrong. */
export function authenticate(email: string, password: string): DemoPerson | undefined {
  const person = findPersonByEmail(email);
  const passwordOk = passwordMatches(password);
  return person && passwordOk ? person : undefined;
}

/** Standard claims; oidc-provider keeps only those the granted scopes (`email`, `profile`) allow. */
export function toAccount(person: DemoPerson): Account {
  const accountId = accountIdFor(person.email);
  return {
    accountId,
    claims: () => ({
      sub: accountId,
      email: person.email,
      email_verified: person.emailVerified,
      name: person.name,
    }),
  };
}
