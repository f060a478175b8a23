/**
 * Browserless sign-in at the bundled identity provider, for integration and e2e tests:
 *
 *   const callback = await followLogin(authorizeUrl, { email, password: DEMO_PASSWORD }, {
 *     stopAt: (url) => url.pathname === '/auth/callback',
 *   });
 *
 * The implementation sits in apps/dev-idp (next to the pages it reads) because `npm run token`
 * uses it too, and only apps/, libs/ and scripts/ are compiled into dist/.
 */
export {
  BrowserlessLoginError,
  CookieJar,
  followLogin,
  followLogout,
  LoginRefusedError,
  type Credentials,
  type FollowOptions,
} from '../../apps/dev-idp/src/browserless-login';
