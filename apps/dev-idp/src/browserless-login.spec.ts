import { CookieJar, followLogin, LoginRefusedError } from './browserless-login';

function response(status: number, headers: [string, string][] = [], body = ''): Response {
  return new Response(status === 204 || (status >= 300 && status < 400) ? null : body, {
    status,
    headers: new Headers(headers),
  });
}

describe('CookieJar', () => {
  it('keeps cookies per host and port, and honours Path', () => {
    const jar = new CookieJar();
    jar.setCookie('http://localhost:3001/auth', '_session=s1; path=/; httponly');
    jar.setCookie('http://localhost:3001/auth', '_interaction=i1; path=/interaction/abc; httponly');
    expect(jar.header('http://localhost:3001/interaction/abc/login')).toBe('_interaction=i1; _session=s1');
    expect(jar.header('http://localhost:3001/interaction/abcdef')).toBe('_session=s1');
    expect(jar.header('http://localhost:3000/')).toBeUndefined();
    expect(jar.get('http://localhost:3001/', '_session')).toBe('s1');
  });

  it('defaults Path to the request directory', () => {
    const jar = new CookieJar();
    jar.setCookie('http://a.test/auth/login', 'login=1');
    expect(jar.header('http://a.test/auth/callback')).toBe('login=1');
    expect(jar.header('http://a.test/graphql')).toBeUndefined();
  });

  it.each([
    ['Max-Age=0', 'sid=; Max-Age=0; path=/'],
    ['a past Expires', 'sid=; path=/; expires=Thu, 01 Jan 1970 00:00:00 GMT'],
  ])('deletes a cookie on %s and replaces one of the same name and path', (_label, deletion) => {
    const jar = new CookieJar();
    jar.setCookie('http://a.test/', 'sid=1; path=/');
    jar.setCookie('http://a.test/', 'sid=2; path=/');
    expect(jar.header('http://a.test/')).toBe('sid=2');
    jar.setCookie('http://a.test/', deletion);
    expect(jar.header('http://a.test/')).toBeUndefined();
  });

  it('stores every Set-Cookie of a response', () => {
    const jar = new CookieJar();
    jar.store(
      'http://a.test/',
      response(200, [
        ['set-cookie', 'a=1; path=/'],
        ['set-cookie', 'b=2; path=/'],
      ]),
    );
    expect(jar.header('http://a.test/')).toBe('a=1; b=2');
  });
});

/** A fetch answering from a synchronous handler, as the provider would. */
function fakeFetch(handler: (url: URL, init: RequestInit) => Response): typeof fetch {
  return ((url: URL, init?: RequestInit) =>
    Promise.resolve(handler(new URL(url), init ?? {}))) as typeof fetch;
}

describe('followLogin', () => {
  const loginPage = `<form method="post" action="/interaction/u1/login"><input type="hidden" name="uid" value="u1">
    <input name="email"><input type="password" name="password"><button type="submit">Sign in</button></form>`;

  it('follows redirects with cookies, fills in the login form and stops before the callback', async () => {
    const seen: { request: string; cookie: string | null; body: unknown }[] = [];
    const fetchImpl = fakeFetch((url, init) => {
      const cookie = new Headers(init.headers).get('cookie');
      seen.push({ request: `${init.method} ${url.href}`, cookie, body: init.body });
      if (url.pathname === '/auth') {
        return response(303, [
          ['location', '/interaction/u1'],
          ['set-cookie', 'i=1; path=/interaction/u1'],
        ]);
      }
      if (url.pathname === '/interaction/u1') return response(200, [], loginPage);
      return response(303, [['location', 'http://127.0.0.1/cb?code=c&state=s']]);
    });
    const callback = await followLogin(
      'http://idp.test/auth',
      { email: 'a@b.c', password: 'p&w' },
      {
        stopAt: (url) => url.pathname === '/cb',
        fetchImpl,
      },
    );
    expect(callback.href).toBe('http://127.0.0.1/cb?code=c&state=s');
    expect(seen).toEqual([
      { request: 'GET http://idp.test/auth', cookie: null, body: undefined },
      { request: 'GET http://idp.test/interaction/u1', cookie: 'i=1', body: undefined },
      {
        request: 'POST http://idp.test/interaction/u1/login',
        cookie: 'i=1',
        body: 'uid=u1&email=a%40b.c&password=p%26w',
      },
    ]);
  });

  it('throws LoginRefusedError when the login form answers 401', async () => {
    const fetchImpl = fakeFetch((url) =>
      response(url.pathname.endsWith('/login') ? 401 : 200, [], loginPage),
    );
    const credentials = { email: 'a@b.c', password: 'x' };
    await expect(
      followLogin('http://idp.test/interaction/u1', credentials, { stopAt: () => false, fetchImpl }),
    ).rejects.toBeInstanceOf(LoginRefusedError);
  });

  it('says where it stopped when a page has no login form', async () => {
    const fetchImpl = fakeFetch(() =>
      response(200, [], '<h1>Welcome</h1><form><input name="username"></form>'),
    );
    await expect(
      followLogin(
        'http://idp.test/login',
        { email: 'a@b.c', password: 'x' },
        { stopAt: () => false, fetchImpl },
      ),
    ).rejects.toThrow(
      'No login form, redirect or self-submitting form at http://idp.test/login (HTTP 200): Welcome',
    );
  });
});
