import { Client, cacheExchange, fetchExchange, mapExchange, subscriptionExchange } from 'urql';
import { createClient as createWsClient, type Client as WsClient } from 'graphql-ws';

/**
 * The one GraphQL client. Same-origin requests carry the session cookie (the API is the OIDC
 * client; the browser never holds a token). Subscriptions go over graphql-ws on the same path.
 * A request refused for want of a session calls onUnauthenticated (the app shows sign-in).
 */
export function createApiClient(onUnauthenticated: () => void): { client: Client; ws: WsClient } {
  const wsUrl = new URL('/graphql', window.location.href);
  wsUrl.protocol = wsUrl.protocol === 'https:' ? 'wss:' : 'ws:';
  const ws = createWsClient({ url: wsUrl.href, lazy: true, retryAttempts: Infinity });
  const client = new Client({
    url: '/graphql',
    // The API refuses cookie-authenticated writes without this header (CSRF protection).
    fetchOptions: { credentials: 'same-origin', headers: { 'x-tetrad-csrf': '1' } },
    requestPolicy: 'cache-and-network',
    exchanges: [
      mapExchange({
        onError(error) {
          if (error.graphQLErrors.some((e) => e.extensions?.['code'] === 'UNAUTHENTICATED'))
            onUnauthenticated();
        },
      }),
      cacheExchange,
      fetchExchange,
      subscriptionExchange({
        forwardSubscription(request) {
          const input = { ...request, query: request.query ?? '' };
          return {
            subscribe(sink) {
              return { unsubscribe: ws.subscribe(input, sink) };
            },
          };
        },
      }),
    ],
  });
  return { client, ws };
}
