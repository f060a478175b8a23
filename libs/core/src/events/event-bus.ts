import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import MQEmitter from 'mqemitter';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config';

const CHANNEL = 'tetrad_events';
const RECONNECT_MS = 1_000;

export interface BusMessage {
  topic: string;
  payload: Record<string, unknown>;
}

type Listener = (message: BusMessage, done: () => void) => void;

/**
 * Live events for GraphQL subscriptions, shared by every API instance on one database:
 * published with `pg_notify` after the change commits, received by each instance's LISTEN
 * connection and delivered to its local subscribers (an mqemitter, as Mercurius expects).
 * The embedded database serves one process, so there it stays in-process.
 */
@Injectable()
export class EventBus implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(EventBus.name);
  private readonly local = MQEmitter();
  private listener: Client | undefined;
  private closed = false;
  private reconnecting = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async onModuleInit(): Promise<void> {
    if (this.config.database.kind === 'postgres') await this.listen();
  }

  async onApplicationShutdown(): Promise<void> {
    this.closed = true;
    await this.listener?.end().catch(() => undefined);
    await new Promise<void>((done) => this.local.close(() => done()));
  }

  /** Publishes after commit: subscribers only ever hear of changes that happened. */
  async publish(topic: string, payload: Record<string, unknown>): Promise<void> {
    if (this.config.database.kind !== 'postgres') {
      this.emit({ topic, payload }, () => undefined);
      return;
    }
    await this.dataSource.query('SELECT pg_notify($1, $2)', [CHANNEL, JSON.stringify({ topic, payload })]);
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

  private async listen(): Promise<void> {
    if (this.config.database.kind !== 'postgres' || this.closed) return;
    const client = new Client({
      connectionString: this.config.database.url,
      application_name: 'tetrad-events',
    });
    client.on('notification', (message) => this.deliver(message.payload));
    client.on('error', () => this.reconnect(client));
    client.on('end', () => this.reconnect(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
      this.listener = client;
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

  private deliver(raw: string | undefined): void {
    try {
      const message = JSON.parse(raw ?? '') as BusMessage;
      this.local.emit(message, () => undefined);
    } catch (error) {
      this.logger.warn({ err: error }, 'ignored a malformed event');
    }
  }
}
