import { DevIdpConfigError, loadDevIdpConfig } from './dev-idp.config';
import { DevIdpKeysError, retireOldKeys, rotateKeys } from './keys';

const USAGE = `Usage: npm run dev-idp:keys -- rotate | retire
  rotate  add a new RS256 and ES256 signing key; the current keys stay published as secondary keys
  retire  withdraw every key but the signing ones; tokens they signed stop verifying
Reads DEV_IDP_KEYS_FILE (./.data/dev-idp/jwks.json). A running provider applies the change when
restarted or sent SIGUSR2 (kill -USR2 <pid>; under npm start, the pid of npm start's node process).`;

async function run(command: string | undefined): Promise<string> {
  const { keysFile } = loadDevIdpConfig();
  switch (command) {
    case 'rotate': {
      const { added, kept } = await rotateKeys(keysFile);
      return `New signing keys: ${added.join(', ')}; still published: ${kept.join(', ')}. Restart the provider or send it SIGUSR2.`;
    }
    case 'retire': {
      const { kept, retired } = await retireOldKeys(keysFile);
      return retired.length === 0
        ? `Nothing to retire; published: ${kept.join(', ')}.`
        : `Withdrawn: ${retired.join(', ')}; published: ${kept.join(', ')}.`;
    }
    default:
      throw new DevIdpConfigError(USAGE);
  }
}

run(process.argv[2]).then(
  (message) => process.stdout.write(`${message}\n`),
  (error: unknown) => {
    const known = error instanceof DevIdpKeysError || error instanceof DevIdpConfigError;
    process.stderr.write(`${known ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
