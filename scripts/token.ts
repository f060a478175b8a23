import * as oidc from 'openid-client';
import {
  DEMO_ORGANIZATIONS,
  DEMO_PASSWORD,
  DEMO_PEOPLE,
  demoConsortiaOf,
  type DemoPerson,
} from '@tetrad/demo-data';
import { BrowserlessLoginError, followLogin, LoginRefusedError } from '../apps/dev-idp/src/browserless-login';
import { CLI_CLIENT_ID, CLI_REDIRECT_URI } from '../apps/dev-idp/src/clients';

/**
 * `npm run token -- --list` lists the demo people; `npm run token -- <email>` prints a bearer
 * access token for one of them, obtained like any client would (authorization code + PKCE as
 * the public `tetrad-cli` client) from the bundled development identity provider.
 */

const USAGE = 'Usage: npm run token -- <email>   (or --list to see the demo people)';

class TokenScriptError extends Error {}

function listPeople(): void {
  for (const person of DEMO_PEOPLE) {
    const organization = DEMO_ORGANIZATIONS.find(({ key }) => key === person.organization);
    const line = {
      email: person.email,
      name: person.name,
      organization: organization?.name ?? null,
      roles: person.roles,
      consortia: demoConsortiaOf(person.organization),
      platformAdmin: person.platformAdmin === true,
    };
    process.stdout.write(`${JSON.stringify(line)}\n`);
  }
}

async function discover(issuer: string): Promise<oidc.Configuration> {
  try {
    // Plain http is fine here: this script talks to the development provider on localhost.
    return await oidc.discovery(new URL(issuer), CLI_CLIENT_ID, undefined, oidc.None(), {
      execute: [oidc.allowInsecureRequests],
    });
  } catch (error) {
    throw new TokenScriptError(
      `Cannot reach an OpenID provider at ${issuer} (${describe(error)}); start the bundled one with: node dist/apps/dev-idp/src/main.js`,
    );
  }
}

async function accessTokenFor(person: DemoPerson, issuer: string, audience: string): Promise<string> {
  const config = await discover(issuer);
  const pkceCodeVerifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const authorizationUrl = oidc.buildAuthorizationUrl(config, {
    redirect_uri: CLI_REDIRECT_URI,
    scope: 'openid email profile',
    code_challenge: await oidc.calculatePKCECodeChallenge(pkceCodeVerifier),
    code_challenge_method: 'S256',
    state,
    resource: audience,
  });
  const callback = await signIn(authorizationUrl, person, issuer);
  const refusal = callback.searchParams.get('error');
  if (refusal) {
    const description = callback.searchParams.get('error_description');
    throw new TokenScriptError(
      `${issuer} refused the authorization request: ${refusal} (${description ?? 'no description'})`,
    );
  }
  try {
    const checks = { pkceCodeVerifier, expectedState: state };
    return (await oidc.authorizationCodeGrant(config, callback, checks, { resource: audience })).access_token;
  } catch (error) {
    throw new TokenScriptError(`The token endpoint of ${issuer} refused the code: ${describe(error)}`);
  }
}

async function signIn(authorizationUrl: URL, person: DemoPerson, issuer: string): Promise<URL> {
  try {
    return await followLogin(
      authorizationUrl.href,
      { email: person.email, password: DEMO_PASSWORD },
      { stopAt: (url) => url.href.startsWith(CLI_REDIRECT_URI) },
    );
  } catch (error) {
    if (error instanceof LoginRefusedError) {
      throw new TokenScriptError(
        `${issuer} refused ${person.email} with the demo password: it is not the bundled development identity provider, or does not know this demo person.`,
      );
    }
    if (error instanceof BrowserlessLoginError) {
      throw new TokenScriptError(
        `${issuer} is not the bundled development identity provider: no /interaction login page with email and password (stopped at ${error.url.href}, HTTP ${error.status}).`,
      );
    }
    throw error;
  }
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${error.message}${cause}`;
}

async function main(args: string[]): Promise<void> {
  const [argument, ...extra] = args;
  if (argument === '--help' || argument === '-h') {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (argument === undefined || extra.length > 0) throw new TokenScriptError(USAGE);
  if (argument === '--list') return listPeople();
  const person = DEMO_PEOPLE.find(({ email }) => email.toLowerCase() === argument.trim().toLowerCase());
  if (!person) {
    throw new TokenScriptError(`${argument} is not a demo person; npm run token -- --list shows them.`);
  }
  const issuer = (process.env.OIDC_ISSUER?.trim() || 'http://localhost:3001').replace(/\/+$/, '');
  const audience = process.env.DEV_IDP_AUDIENCE?.trim() || 'urn:tetrad:api';
  process.stdout.write(`${await accessTokenFor(person, issuer, audience)}\n`);
}

// `npm run token -- --list | head` closes the pipe early; that is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => process.exit(error.code === 'EPIPE' ? 0 : 1));

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof TokenScriptError ? error.message : `token: ${describe(error)}`}\n`,
  );
  process.exit(1);
});
