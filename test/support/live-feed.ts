import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

export interface Feed {
  client: Client;
  events: Record<string, unknown>[];
  errors: unknown[];
  completed: boolean;
}

/** A graphql-ws subscription that collects what it receives (events, errors, completion). */
export function openFeed(
  url: string,
  query: string,
  variables: Record<string, unknown>,
  bearer?: string,
): Feed {
  const client = createClient({
    url,
    webSocketImpl: WebSocket,
    lazy: false,
    retryAttempts: 0,
    connectionParams: bearer ? { authorization: `Bearer ${bearer}` } : {},
  });
  const feed: Feed = { client, events: [], errors: [], completed: false };
  client.subscribe(
    { query, variables },
    {
      next: (value) => feed.events.push(value as Record<string, unknown>),
      error: (error) => feed.errors.push(error),
      complete: () => (feed.completed = true),
    },
  );
  return feed;
}

/** Waits for a condition that events make true, failing with `what` after `ms`. */
export async function eventually(condition: () => boolean, what: string, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((done) => setTimeout(done, 25));
  }
}
