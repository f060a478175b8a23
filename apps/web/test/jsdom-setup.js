// What jsdom lacks and Ant Design expects.
if (!window.matchMedia) {
  window.matchMedia = (query) => ({
    matches: false,
    media: query,
    onchange: null,
    addListener() {},
    removeListener() {},
    addEventListener() {},
    removeEventListener() {},
    dispatchEvent: () => false,
  });
}
if (!window.ResizeObserver) {
  window.ResizeObserver = class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
}

// react-router encodes with TextEncoder, which jsdom's window lacks.
const util = require('node:util');
if (!window.TextEncoder)
  Object.assign(globalThis, { TextEncoder: util.TextEncoder, TextDecoder: util.TextDecoder });

// Ant Design's forms schedule through MessageChannel, which jsdom lacks. A timer stands in for it:
// a message to one port reaches the other on the next turn, and no handle is left open.
if (!('MessageChannel' in globalThis)) {
  class TimerMessageChannel {
    constructor() {
      const deliver = (port, data) => setTimeout(() => port.onmessage?.({ data }), 0);
      this.port1 = { onmessage: null, postMessage: (data) => deliver(this.port2, data), close() {} };
      this.port2 = { onmessage: null, postMessage: (data) => deliver(this.port1, data), close() {} };
    }
  }
  globalThis.MessageChannel = TimerMessageChannel;
}
