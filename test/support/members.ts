import { randomBytes } from 'node:crypto';
import { sha256Hex } from '@tetrad/core';
import type { TestApp } from './test-app';

/**
 * A person with exactly the given roles in an existing organisation, signed in with a personal
 * API token (a real credential path: the token is checked by the API like any other). Used where
 * a test needs more role combinations than the demo people offer.
 */
export async function memberWithRoles(
  t: TestApp,
  organizationId: string,
  roles: string[],
  label = roles.join('-').toLowerCase() || 'none',
): Promise<{ userId: string; token: string }> {
  const email = `${label}.${randomBytes(4).toString('hex')}@members.example`;
  const [user] = await t.dataSource.query<{ id: string }[]>(
    `INSERT INTO "user" (organization_id, email, name, roles) VALUES ($1, $2, $3, $4::user_role[]) RETURNING id`,
    [organizationId, email, label, `{${roles.join(',')}}`],
  );
  const token = `tetrad_pat_${randomBytes(30).toString('base64url')}`;
  await t.dataSource.query(
    `INSERT INTO api_token (user_id, name, token_hash, display_prefix, expires_at)
     VALUES ($1, 'test', $2, $3, now() + interval '1 day')`,
    [user!.id, sha256Hex(token), token.slice(0, 15)],
  );
  return { userId: user!.id, token };
}

export async function organizationIdByName(t: TestApp, name: string): Promise<string> {
  const [row] = await t.dataSource.query<{ id: string }[]>(`SELECT id FROM organization WHERE name = $1`, [
    name,
  ]);
  if (!row) throw new Error(`no organisation named ${name}`);
  return row.id;
}

export async function consortiumIdByName(t: TestApp, name: string): Promise<string> {
  const [row] = await t.dataSource.query<{ id: string }[]>(`SELECT id FROM consortium WHERE name = $1`, [
    name,
  ]);
  if (!row) throw new Error(`no consortium named ${name}`);
  return row.id;
}
