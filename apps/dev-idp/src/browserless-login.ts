/**
 * Signing in to the bundled provider without a browser: follow redirects by hand, keep cookies,
 * fill in the login form, submit self-submitting forms (logout confirmation). Node built-ins
 * only, so tests, e2e suites and `npm run token` can all use it. Lives beside the provider
 * because it knows the provider's pages; tests import it through test/support.
 */

interface StoredCookie {
  name: string;
  value: string;
  path: string;
}

/** Cookies per host (host and port, so an API and the provider on localhost stay apart). */
export class CookieJar {
  private readonly hosts = new Map<string, StoredCookie[]>();

  /** The `Cookie` request header for this URL, or undefined when no cookie applies. */
  header(url: string | URL): string | undefined {
    const target = new URL(url);
    const cookies = (this.hosts.get(target.host) ?? [])
      .filter((cookie) => pathMatches(cookie.path, target.pathname))
      .sort((a, b) => b.path.length - a.path.length);
    return cookies.length ? cookies.map(({ name, value }) => `${name}=${value}`).join('; ') : undefined;
  }

  /** One cookie's value as it would be sent to this URL. */
  get(url: string | URL, name: string): string | undefined {
    const target = new URL(url);
    return (this.hosts.get(target.host) ?? [])
      .filter((cookie) => cookie.name === name && pathMatches(cookie.path, target.pathname))
      .sort((a, b) => b.path.length - a.path.length)[0]?.value;
  }

  /** Stores every Set-Cookie of a response to a request for `url`. */
  store(url: string | URL, response: Response): void {
    for (const header of response.headers.getSetCookie()) this.setCookie(url, header);
  }

  /** Applies one Set-Cookie header: Path honoured, Domain ignored, Max-Age=0 or a past Expires deletes. */
  setCookie(url: string | URL, header: string): void {
    const target = new URL(url);
    const parsed = parseSetCookie(header, defaultPath(target.pathname));
    if (!parsed) return;
    const kept = (this.hosts.get(target.host) ?? []).filter(
      (cookie) => cookie.name !== parsed.cookie.name || cookie.path !== parsed.cookie.path,
    );
    if (!parsed.expired) kept.push(parsed.cookie);
    this.hosts.set(target.host, kept);
  }

  clear(): void {
    this.hosts.clear();
  }
}

function parseSetCookie(
  header: string,
  fallbackPath: string,
): { cookie: StoredCookie; expired: boolean } | undefined {
  const [pair = '', ...attributes] = header.split(';');
  const equals = pair.indexOf('=');
  if (equals <= 0) return undefined;
  const cookie = {
    name: pair.slice(0, equals).trim(),
    value: pair.slice(equals + 1).trim(),
    path: fallbackPath,
  };
  let expired = false;
  for (const attribute of attributes) {
    const [rawName = '', ...rest] = attribute.split('=');
    const name = rawName.trim().toLowerCase();
    const value = rest.join('=').trim();
    if (name === 'path' && value.startsWith('/')) cookie.path = value;
    if (name === 'max-age' && Number(value) <= 0) expired = true;
    if (name === 'expires' && Date.parse(value) <= Date.now()) expired = true;
  }
  return { cookie, expired };
}

/** RFC 6265 §5.1.4: the request path's directory. */
function defaultPath(pathname: string): string {
  const slash = pathname.lastIndexOf('/');
  return slash <= 0 ? '/' : pathname.slice(0, slash);
}

function pathMatches(cookiePath: string, requestPath: string): boolean {
  if (requestPath === cookiePath) return true;
  return (
    requestPath.startsWith(cookiePath) && (cookiePath.endsWith('/') || requestPath[cookiePath.length] === '/')
  );
}

/** The flow stopped somewhere unexpected: an error page, a foreign login page, too many hops. */
export class BrowserlessLoginError extends Error {
  override name = 'BrowserlessLoginError';

  constructor(
    message: string,
    readonly url: URL,
    readonly status: number,
  ) {
    super(message);
  }
}

/** The provider answered the login form with 401: unknown email or wrong password (it does not say which). */
export class LoginRefusedError extends BrowserlessLoginError {
  override name = 'LoginRefusedError';

  constructor(
    url: URL,
    readonly email: string,
  ) {
    super(`The identity provider refused the sign-in of ${email} (HTTP 401 at ${url.href})`, url, 401);
  }
}

export interface Credentials {
  email: string;
  password: string;
}

export interface FollowOptions {
  /** Called for every redirect target; the first that satisfies it is returned without being requested. */
  stopAt: (url: URL) => boolean;
  fetchImpl?: typeof fetch;
  /** Share a jar to keep the provider's session (single sign-on, logout) across calls. */
  jar?: CookieJar;
}

/**
 * From an authorization URL to the client's callback: follows redirects, submits the login form
 * with `credentials`, passes consent (automatic at the bundled provider) and returns the
 * redirect that satisfies `stopAt`, e.g. the redirect_uri carrying `code` and `state`.
 */
export function followLogin(
  startUrl: string,
  credentials: Credentials,
  options: FollowOptions,
): Promise<URL> {
  return follow(new URL(startUrl), options, credentials);
}

/** From an end-session URL to the post-logout redirect: submits the self-submitting confirmation. */
export function followLogout(startUrl: string, options: FollowOptions): Promise<URL> {
  return follow(new URL(startUrl), options, undefined);
}

interface Step {
  url: URL;
  method: 'GET' | 'POST';
  body?: URLSearchParams;
  isLogin?: boolean;
}

const MAX_STEPS = 25;

async function follow(
  start: URL,
  options: FollowOptions,
  credentials: Credentials | undefined,
): Promise<URL> {
  const jar = options.jar ?? new CookieJar();
  const fetchImpl = options.fetchImpl ?? fetch;
  let step: Step = { url: start, method: 'GET' };
  let loggedIn = false;
  for (let count = 0; count < MAX_STEPS; count += 1) {
    const response = await send(step, jar, fetchImpl);
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location) {
      await response.body?.cancel();
      const next = new URL(location, step.url);
      if (options.stopAt(next)) return next;
      step = { url: next, method: 'GET' };
      continue;
    }
    const html = await response.text();
    if (step.isLogin && response.status === 401)
      throw new LoginRefusedError(step.url, credentials?.email ?? '');
    const next: Step | undefined = response.ok
      ? nextForm(html, step.url, loggedIn ? undefined : credentials)
      : undefined;
    if (!next) throw stoppedAt(step.url, response.status, html);
    loggedIn ||= next.isLogin === true;
    step = next;
  }
  throw new BrowserlessLoginError(`More than ${MAX_STEPS} steps without reaching stopAt`, step.url, 0);
}

async function send(step: Step, jar: CookieJar, fetchImpl: typeof fetch): Promise<Response> {
  const headers: Record<string, string> = { accept: 'text/html' };
  const cookie = jar.header(step.url);
  if (cookie) headers.cookie = cookie;
  if (step.body) headers['content-type'] = 'application/x-www-form-urlencoded';
  const response = await fetchImpl(step.url, {
    method: step.method,
    headers,
    body: step.body?.toString(),
    redirect: 'manual',
  });
  jar.store(step.url, response);
  return response;
}

function stoppedAt(url: URL, status: number, html: string): BrowserlessLoginError {
  const text = html
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 300);
  return new BrowserlessLoginError(
    `No login form, redirect or self-submitting form at ${url.href} (HTTP ${status}): ${decodeEntities(text)}`,
    url,
    status,
  );
}

interface ParsedForm {
  action: URL;
  method: string;
  fields: { name: string; value: string; type: string }[];
}

/** The login form to fill in (inputs `email` and `password`), else a form the page submits by script. */
function nextForm(html: string, pageUrl: URL, credentials: Credentials | undefined): Step | undefined {
  const forms = parseForms(html, pageUrl);
  const login = forms.find((form) => hasField(form, 'email') && hasField(form, 'password'));
  if (login) {
    if (!credentials) return undefined;
    const body = formBody(login);
    body.set('email', credentials.email);
    body.set('password', credentials.password);
    return { url: login.action, method: 'POST', body, isLogin: true };
  }
  const auto = /\.submit\(\)/.test(html) ? forms[0] : undefined;
  if (!auto) return undefined;
  return auto.method === 'post'
    ? { url: auto.action, method: 'POST', body: formBody(auto) }
    : { url: withQuery(auto.action, formBody(auto)), method: 'GET' };
}

function hasField(form: ParsedForm, name: string): boolean {
  return form.fields.some((field) => field.name === name);
}

/** What a browser would send without a click: named inputs, buttons and submits excluded. */
function formBody(form: ParsedForm): URLSearchParams {
  const body = new URLSearchParams();
  for (const field of form.fields) {
    if (!['submit', 'button', 'image', 'reset'].includes(field.type)) body.append(field.name, field.value);
  }
  return body;
}

function withQuery(url: URL, params: URLSearchParams): URL {
  const target = new URL(url);
  target.search = params.toString();
  return target;
}

function parseForms(html: string, pageUrl: URL): ParsedForm[] {
  return [...html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/gi)].map(([, attributes = '', inner = '']) => {
    const form = parseAttributes(attributes);
    const fields = [...inner.matchAll(/<input\b([^>]*)>/gi)]
      .map(([, inputAttributes = '']) => parseAttributes(inputAttributes))
      .filter((input) => input.name)
      .map((input) => ({
        name: input.name ?? '',
        value: input.value ?? '',
        type: (input.type ?? 'text').toLowerCase(),
      }));
    return {
      action: new URL(form.action ?? '', pageUrl),
      method: (form.method ?? 'get').toLowerCase(),
      fields,
    };
  });
}

function parseAttributes(source: string): Record<string, string | undefined> {
  const attributes: Record<string, string | undefined> = {};
  for (const match of source.matchAll(/([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/g)) {
    const [, name = '', double, single, bare] = match;
    attributes[name.toLowerCase()] = decodeEntities(double ?? single ?? bare ?? '');
  }
  return attributes;
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};

function decodeEntities(value: string): string {
  return value.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]+);/gi, (entity, code: string) => {
    if (!code.startsWith('#')) return NAMED_ENTITIES[code.toLowerCase()] ?? entity;
    const point =
      code[1] === 'x' || code[1] === 'X' ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10);
    return point <= 0x10ffff ? String.fromCodePoint(point) : entity;
  });
}
