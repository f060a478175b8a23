import type { IncomingMessage, ServerResponse } from 'node:http';
import type { InteractionDetails, Provider } from 'oidc-provider';
import { accountIdFor, authenticate } from './accounts';
import { loginPage, messagePage } from './pages';

type Handler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

const ROUTE = /^\/interaction\/([A-Za-z0-9_-]{1,64})(\/login|\/abort)?\/?$/;
const MAX_FORM_BYTES = 16 * 1024;
const REFUSED = 'Email or password is incorrect.';
const EXPIRED =
  'This sign-in request has expired or was opened in another browser. Go back to the application and sign in again.';

/**
 * Login and consent pages, mounted in front of the provider: `GET /interaction/:uid` shows the
 * login form (or grants consent at once), `POST …/login` checks it, `POST …/abort` cancels.
 * Returns undefined for every other path so the provider serves it.
 */
export function interactionRoute(provider: Provider, req: IncomingMessage): Handler | undefined {
  const match = ROUTE.exec(new URL(req.url ?? '/', 'http://dev-idp').pathname);
  if (!match) return undefined;
  const [, uid = '', action] = match;
  const expected = action ? 'POST' : 'GET';
  if (req.method !== expected) return (_req, res) => Promise.resolve(methodNotAllowed(res, expected));
  const handle = action === '/login' ? submitLogin : action === '/abort' ? abort : showInteraction;
  return async (request, res) => {
    const details = await currentInteraction(provider, request, res, uid);
    if (details) await handle(provider, details, request, res);
  };
}

/** The interaction the browser's cookie points to, or an error page when it is gone or another one. */
async function currentInteraction(
  provider: Provider,
  req: IncomingMessage,
  res: ServerResponse,
  uid: string,
): Promise<InteractionDetails | undefined> {
  try {
    const details = await provider.interactionDetails(req, res);
    if (details.uid === uid) return details;
  } catch (error) {
    if (!(error instanceof Error && error.name === 'SessionNotFound')) throw error;
  }
  sendHtml(res, 400, messagePage('Sign-in expired', EXPIRED));
  return undefined;
}

async function showInteraction(
  provider: Provider,
  details: InteractionDetails,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  switch (details.prompt.name) {
    case 'login':
      return sendHtml(res, 200, loginPage({ uid: details.uid, clientName: clientLabel(details) }));
    case 'consent':
      return grantConsent(provider, details, req, res);
    default:
      return sendHtml(
        res,
        400,
        messagePage('Cannot continue', `Unsupported prompt: ${details.prompt.name}.`),
      );
  }
}

async function submitLogin(
  provider: Provider,
  details: InteractionDetails,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  if (details.prompt.name !== 'login') {
    return sendHtml(
      res,
      400,
      messagePage('Cannot continue', 'This sign-in request does not expect a login.'),
    );
  }
  const form = await readForm(req);
  const email = (form.get('email') ?? '').trim();
  const person =
    form.get('uid') === details.uid ? authenticate(email, form.get('password') ?? '') : undefined;
  if (!person) {
    const page = loginPage({ uid: details.uid, clientName: clientLabel(details), email, error: REFUSED });
    return sendHtml(res, 401, page);
  }
  await provider.interactionFinished(
    req,
    res,
    { login: { accountId: accountIdFor(person.email) } },
    { mergeWithLastSubmission: false },
  );
}

/**
 * Tetrad's clients are first-party, so consent is granted without asking: everything the
 * client requested (OIDC scopes and claims, and the API audience's scopes) goes into the grant.
 */
async function grantConsent(
  provider: Provider,
  details: InteractionDetails,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const accountId = details.session?.accountId;
  const clientId = details.params.client_id;
  if (!accountId || !clientId) {
    return sendHtml(res, 400, messagePage('Sign-in expired', EXPIRED));
  }
  const existing = details.grantId ? await provider.Grant.find(details.grantId) : undefined;
  const grant = existing ?? new provider.Grant({ accountId, clientId });
  const { missingOIDCScope, missingOIDCClaims, missingResourceScopes } = details.prompt.details;
  if (missingOIDCScope) grant.addOIDCScope(missingOIDCScope.join(' '));
  if (missingOIDCClaims) grant.addOIDCClaims(missingOIDCClaims);
  for (const [resource, scopes] of Object.entries(missingResourceScopes ?? {})) {
    grant.addResourceScope(resource, scopes.join(' '));
  }
  const grantId = await grant.save();
  await provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
}

async function abort(
  provider: Provider,
  _details: InteractionDetails,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  await readForm(req);
  const result = { error: 'access_denied', error_description: 'The person cancelled the sign-in.' };
  await provider.interactionFinished(req, res, result, { mergeWithLastSubmission: false });
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_FORM_BYTES) throw new Error('Form body too large');
    chunks.push(chunk);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

function clientLabel(details: InteractionDetails): string {
  return details.params.client_id ?? 'the application';
}

export function sendHtml(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'x-frame-options': 'DENY',
    'content-length': Buffer.byteLength(html),
  });
  res.end(html);
}

function methodNotAllowed(res: ServerResponse, allowed: string): void {
  res.writeHead(405, { allow: allowed, 'content-type': 'text/plain; charset=utf-8' });
  res.end('Method Not Allowed\n');
}
