import type { ClientMetadata } from 'oidc-provider';

/** Client id of Tetrad's API (confidential: it keeps a secret on the server). */
export const API_CLIENT_ID = 'tetrad-api';
/** Client id of command-line tools such as `npm run token` (public: no secret to keep). */
export const CLI_CLIENT_ID = 'tetrad-cli';
/**
 * Never served: scripts read the code from the redirect's Location header. A loopback URI,
 * so it is a valid native-app redirect (RFC 8252).
 */
export const CLI_REDIRECT_URI = 'http://127.0.0.1/cli-callback';

export interface ClientSettings {
  apiClientSecret: string;
  apiRedirectUris: string[];
  apiPostLogoutRedirectUris: string[];
}

export function devIdpClients(settings: ClientSettings): ClientMetadata[] {
  return [
    {
      client_id: API_CLIENT_ID,
      client_name: 'Tetrad',
      client_secret: settings.apiClientSecret,
      // oidc-provider accepts client_secret_post too for a client registered with basic.
      token_endpoint_auth_method: 'client_secret_basic',
      grant_types: ['authorization_code'],
      response_types: ['code'],
      redirect_uris: settings.apiRedirectUris,
      post_logout_redirect_uris: settings.apiPostLogoutRedirectUris,
    },
    {
      client_id: CLI_CLIENT_ID,
      client_name: 'Tetrad command line',
      application_type: 'native',
      token_endpoint_auth_method: 'none',
      grant_types: ['authorization_code'],
      response_types: ['code'],
      redirect_uris: [CLI_REDIRECT_URI],
    },
  ];
}
