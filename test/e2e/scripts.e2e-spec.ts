import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const DIST = join(__dirname, '..', '..', 'dist', 'scripts');

function run(script: string, env: Record<string, string>, args: string[] = []) {
  const result = spawnSync(process.execPath, [join(DIST, script), ...args], {
    env: { PATH: process.env['PATH'] ?? '', ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}`.trim() };
}

describe('the operator scripts', () => {
  let dataDir: string;

  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'tetrad-scripts-'));
  });

  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('npm run seed puts the demo data in place, twice without duplicates, and the audit chain verifies', () => {
    expect(run('seed.js', { DATA_DIR: dataDir })).toEqual({
      status: 0,
      output: expect.stringContaining('Demo data is in place'),
    });
    // One line per chain: the platform's, then each consortium's, checked against the signed
    // checkpoints with the key the seeding generated in DATA_DIR.
    const first = run('verify-audit.js', { DATA_DIR: dataDir });
    expect(first.status).toBe(0);
    const lines = first.output.split('\n');
    expect(lines[0]).toMatch(/^Audit chain platform valid: \d+ entries checked$/);
    expect(
      lines.slice(1).every((line) => /^Audit chain [0-9a-f-]{36} valid: \d+ entries checked$/.test(line)),
    ).toBe(true);
    const entries = lines.reduce((sum, line) => sum + Number(/(\d+) entries checked/.exec(line)?.[1]), 0);
    expect(entries).toBeGreaterThan(10);
    expect(run('seed.js', { DATA_DIR: dataDir }).status).toBe(0);
    const second = run('verify-audit.js', { DATA_DIR: dataDir });
    expect(second.output).toBe(first.output);
  });

  it('npm run token -- --list prints every demo person with organisation, roles and consortia', () => {
    const { status, output } = run('token.js', {}, ['--list']);
    expect(status).toBe(0);
    const people = output
      .split('\n')
      .map((line) => JSON.parse(line) as { email: string; consortia: string[]; roles: string[] });
    expect(people.find((person) => person.email === 'li.wei@jiading-auto.example')).toMatchObject({
      roles: ['ORG_ADMIN', 'SIGNATORY'],
      consortia: ['Parcel Sorting Humanoids, Yangtze Delta'],
    });
    expect(new Set(people.flatMap((person) => person.roles))).toEqual(
      new Set(['ORG_ADMIN', 'LEGAL', 'DATA_STEWARD', 'SIGNATORY', 'ENGINEER', 'RESEARCHER']),
    );
  });
});
