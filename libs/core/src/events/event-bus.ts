import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import MQEmitter from 'mqemitter';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { EventFeed, type FeedMessage } from './event-feed';
import { deliveredPayload, EVENT_CHANNEL, readOutbox, type DeliveredEvent } from './outbox';

const RECONNECT_MS = 1_000;
/** A safety net under LISTEN: a silently dead connection delays events by this much, never loses them. */
const POLL_MS = 1_000;
const PAGE = 500;
/** How long events are kept for subscribers resuming after a disconnect. */
export const LIVE_EVENT_RETENTION_MS = 24 * 60 * 60 * 1_000;
const PRUNE_EVERY_MS = 10 * 60 * 1_000;
/** A subscriber that missed more than this resynchronises instead of replaying. */
export const REPLAY_LIMIT = 1_000;

export interface BusMessage {
  topic: string;
  payload: Record<string, unknown>;
}

type Listener = (message: BusMessage, done: () => void) => void;

/**
 * Live events for GraphQL subscriptions, delivered from the transactional outbox (`live_event`).
 *
 * A change writes its events in its own transaction (see `UnitOfWork`); every instance delivers
 * them to its local subscribers in id order, reading `id > cursor` whenever it is woken: by the
 * NOTIFY that commits with the change, by its own commits, after its LISTEN connection comes back,
 * and once a second in case a connection died silently. A cut connection therefore delays events
 * and never loses them. Subscribers that were disconnected themselves resume from the last event id
 * they saw (`follow`), or are told to resynchronise when that is older than what is kept.
 */
@Injectable()
export class EventBus implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(EventBus.name);
  private readonly local = MQEmitter();
  private listener: Client | undefined;
  private closed = false;
  private reconnecting = false;
  private cursor: string | undefined;
  private draining: Promise<void> | undefined;
  private again = false;
  private poll: NodeJS.Timeout | undefined;
  private lastPrune = Date.now();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async onModuleInit(): Promise<void> {
    this.cursor = await this.head().catch(() => undefined);
    if (this.config.database.kind !== 'postgres') return;
    await this.listen();
    this.poll = setInterval(() => this.wake(), POLL_MS).unref();
  }

  async onApplicationShutdown(): Promise<void> {
    this.closed = true;
    if (this.poll) clearInterval(this.poll);
    await this.draining;
    await this.listener?.end().catch(() => undefined);
    await new Promise<void>((done) => this.local.close(() => done()));
  }

  /**
   * Delivers whatever committed since the last delivery, in order; never throws (a failure is
   * logged and the next wake-up starts again from the same cursor).
   */
  wake(): void {
    if (this.closed) return;
    if (this.draining) {
      this.again = true;
      return;
    }
    this.draining = this.drain().finally(() => {
      this.draining = undefined;
      if (this.again) {
        this.again = false;
        this.wake();
      }
    });
  }

  /** Resolves once every event committed before the call has been delivered here. */
  async delivered(): Promise<void> {
    this.wake();
    while (this.draining) await this.draining;
  }

  /**
   * A subscriber's stream of `topics`: when `after` (an event id it saw) is given, first the events
   * it missed since, then live ones, each once and in order; or a resync message when the events
   * it missed are no longer all kept (or `after` is not an event of this database).
   */
  follow(topics: readonly string[], after?: string): AsyncIterableIterator<FeedMessage> {
    const feed = new EventFeed(this, topics);
    if (after !== undefined) feed.startFrom(after, () => this.replay(topics, after));
    return feed;
  }

  /** Deletes events older than the retention and remembers the last id pruned (for resync). */
  async prune(olderThanMs = LIVE_EVENT_RETENTION_MS): Promise<void> {
    await this.query(
      `WITH gone AS (
         DELETE FROM live_event WHERE created_at < now() - make_interval(secs => $1::double precision / 1000)
         RETURNING id)
       UPDATE live_event_horizon SET pruned_through = greatest(pruned_through, (SELECT max(id) FROM gone))
        WHERE EXISTS (SELECT 1 FROM gone)`,
      [olderThanMs],
    );
  }

  // The mqemitter interface Mercurius subscribes through.
  on(topic: string, listener: Listener, done?: () => void): this {
    this.local.on(topic, listener as never, done);
    return this;
  }

  removeListener(topic: string, listener: Listener, done?: () => void): void {
    this.local.removeListener(topic, listener as never, done);
  }

  emit(message: BusMessage, done?: () => void): void {
    this.local.emit(message, done);
  }

  close(done: () => void): void {
    done();
  }

  private async replay(
    topics: readonly string[],
    after: string,
  ): Promise<{ resync: boolean; events: DeliveredEvent[] }> {
    const [horizon] = await this.dataSource.query<{ pruned: string; head: string }[]>(
      `SELECT pruned_through::text AS pruned, (SELECT coalesce(max(id), 0)::text FROM live_event) AS head
         FROM live_event_horizon`,
    );
    const from = BigInt(after);
    if (!horizon || from < BigInt(horizon.pruned) || from > BigInt(horizon.head)) {
      return { resync: true, events: [] };
    }
    const events = await readOutbox(
      (sql, parameters) => this.dataSource.query(sql, parameters),
      after,
      REPLAY_LIMIT + 1,
      topics,
    );
    return events.length > REPLAY_LIMIT ? { resync: true, events: [] } : { resync: false, events };
  }

  /**
   * Delivery's own statements: on a PostgreSQL server they go over the LISTEN connection, so that the
   * once-a-second poll takes nothing from the pool and is not counted as the requests' SQL.
   */
  private readonly query = async <T>(sql: string, parameters: unknown[] = []): Promise<T> => {
    if (this.config.database.kind !== 'postgres') return this.dataSource.query<T>(sql, parameters);
    if (!this.listener) throw new Error('the LISTEN connection is not open yet');
    return (await this.listener.query(sql, parameters)).rows as T;
  };

  private async head(): Promise<string> {
    const [row] = await this.dataSource.query<{ head: string }[]>(
      'SELECT coalesce(max(id), 0)::text AS head FROM live_event',
    );
    return row?.head ?? '0';
  }

  private async drain(): Promise<void> {
    try {
      this.cursor ??= await this.head();
      for (;;) {
        const events = await readOutbox(this.query, this.cursor, PAGE);
        for (const event of events) {
          this.local.emit({ topic: event.topic, payload: deliveredPayload(event) });
          this.cursor = event.id;
        }
        if (events.length < PAGE) break;
      }
      if (Date.now() - this.lastPrune > PRUNE_EVERY_MS) {
        this.lastPrune = Date.now();
        await this.prune();
      }
    } catch (error) {
      this.logger.warn({ err: error }, 'live events not delivered yet; retrying at the next wake-up');
    }
  }

  private async listen(): Promise<void> {
    if (this.config.database.kind !== 'postgres' || this.closed) return;
    const client = new Client({
      connectionString: this.config.database.url,
      application_name: 'tetrad-events',
    });
    client.on('notification', () => this.wake());
    client.on('error', () => this.reconnect(client));
    client.on('end', () => this.reconnect(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${EVENT_CHANNEL}`);
      this.listener = client;
      // Whatever committed while no connection listened is delivered now.
      this.wake();
    } catch {
      this.reconnect(client);
    }
  }

  /** A lost LISTEN connection comes back by itself, once, however many errors it reported. */
  private reconnect(client: Client): void {
    if (this.closed || this.reconnecting || (this.listener && this.listener !== client)) return;
    this.reconnecting = true;
    this.listener = undefined;
    client.removeAllListeners('end');
    setTimeout(() => {
      this.reconnecting = false;
      void this.listen();
    }, RECONNECT_MS).unref();
  }
}
