import { deliveredPayload, type DeliveredEvent } from './outbox';

/** One message of a subscriber's feed: an event (its payload, with `eventId`) or a resync signal. */
export type FeedMessage =
  | { topic: string; payload: Record<string, unknown>; resync?: false }
  | { topic: null; payload: Record<string, unknown>; resync: true };

type Listener = (message: { topic: string; payload: Record<string, unknown> }, done: () => void) => void;

interface LocalBus {
  on(topic: string, listener: Listener): unknown;
  removeListener(topic: string, listener: Listener): void;
}

type Replay = () => Promise<{ resync: boolean; events: DeliveredEvent[] }>;

/**
 * A subscriber's feed as an async iterator: listens first, then replays what was missed, so that no
 * event falls between the two; events already replayed are skipped when they also arrive live.
 */
export class EventFeed implements AsyncIterableIterator<FeedMessage> {
  private readonly queue: FeedMessage[] = [];
  private waiting: ((result: IteratorResult<FeedMessage>) => void) | undefined;
  private finished = false;
  /** Live events up to this id were replayed already. */
  private replayedThrough: bigint | undefined;
  private replaying: Promise<void> | undefined;

  private readonly listener = (
    message: { topic: string; payload: Record<string, unknown> },
    done: () => void,
  ): void => {
    done();
    if (this.replaying) {
      this.held.push(message);
      return;
    }
    this.accept(message);
  };

  private held: { topic: string; payload: Record<string, unknown> }[] = [];

  constructor(
    private readonly bus: LocalBus,
    private readonly topics: readonly string[],
  ) {
    for (const topic of topics) bus.on(topic, this.listener);
  }

  startFrom(after: string, replay: Replay): void {
    this.replaying = replay()
      .then(({ resync, events }) => {
        if (resync) {
          this.push({ topic: null, payload: { resync: true }, resync: true });
        } else {
          for (const event of events) this.push({ topic: event.topic, payload: deliveredPayload(event) });
          this.replayedThrough = BigInt(events.at(-1)?.id ?? after);
        }
      })
      .catch(() => {
        // The database could not be read: the subscriber cannot know what it missed.
        this.push({ topic: null, payload: { resync: true }, resync: true });
      })
      .finally(() => {
        this.replaying = undefined;
        const held = this.held;
        this.held = [];
        for (const message of held) this.accept(message);
      });
  }

  next(): Promise<IteratorResult<FeedMessage>> {
    const message = this.queue.shift();
    if (message) return Promise.resolve({ value: message, done: false });
    if (this.finished) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => (this.waiting = resolve));
  }

  return(): Promise<IteratorResult<FeedMessage>> {
    this.finish();
    return Promise.resolve({ value: undefined, done: true });
  }

  throw(error: unknown): Promise<IteratorResult<FeedMessage>> {
    this.finish();
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  private accept(message: { topic: string; payload: Record<string, unknown> }): void {
    const id = message.payload['eventId'];
    if (this.replayedThrough !== undefined && typeof id === 'string' && BigInt(id) <= this.replayedThrough)
      return;
    this.push({ topic: message.topic, payload: message.payload });
  }

  private push(message: FeedMessage): void {
    if (this.finished) return;
    const waiting = this.waiting;
    if (waiting) {
      this.waiting = undefined;
      waiting({ value: message, done: false });
    } else {
      this.queue.push(message);
    }
  }

  private finish(): void {
    if (this.finished) return;
    this.finished = true;
    for (const topic of this.topics) this.bus.removeListener(topic, this.listener);
    this.waiting?.({ value: undefined, done: true });
    this.waiting = undefined;
  }
}
