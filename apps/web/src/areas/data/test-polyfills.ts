// jsdom lacks what react-router (TextEncoder) and antd's forms (MessageChannel) need; specs import this first.
import { TextDecoder, TextEncoder } from 'node:util';

type Listener = ((event: { data: unknown }) => void) | null;

/** Enough of MessageChannel for a scheduler: a message to one port reaches the other, later. Holds no handle open. */
class TimerMessageChannel {
  port1 = {
    onmessage: null as Listener,
    postMessage: (data: unknown) => this.deliver(this.port2, data),
    close() {},
  };
  port2 = {
    onmessage: null as Listener,
    postMessage: (data: unknown) => this.deliver(this.port1, data),
    close() {},
  };
  private deliver(port: { onmessage: Listener }, data: unknown) {
    setTimeout(() => port.onmessage?.({ data }), 0);
  }
}

Object.assign(globalThis, { TextEncoder, TextDecoder });
if (!('MessageChannel' in globalThis)) Object.assign(globalThis, { MessageChannel: TimerMessageChannel });
