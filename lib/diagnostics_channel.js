'use strict';
// node:diagnostics_channel — named pub/sub channels for instrumentation, and
// tracing channels (start/end/asyncStart/asyncEnd/error) around sync, promise
// and callback work. Channels with no subscribers cost one property check.

const {
  codes: { ERR_INVALID_ARG_TYPE },
} = require('internal/errors');
const { validateFunction } = require('internal/validators');

// name -> WeakRef(channel); channels with subscribers or stores are also
// held strongly, so an unused channel can be collected.
const channels = new Map();
const active = new Set();
const registry = typeof FinalizationRegistry === 'function' ?
  new FinalizationRegistry((name) => {
    const ref = channels.get(name);
    if (ref !== undefined && ref.deref() === undefined) channels.delete(name);
  }) : undefined;

function triggerUncaughtException(err) {
  process.nextTick(() => { throw err; });
}

function defaultTransform(data) {
  return data;
}

class Channel {
  constructor(name) {
    this._subscribers = undefined;
    this._stores = undefined;
    this.name = name;
    channels.set(name, new WeakRef(this));
    registry?.register(this, name);
  }

  get hasSubscribers() {
    return this._subscribers !== undefined && this._subscribers.length > 0 ||
      this._stores !== undefined && this._stores.size > 0;
  }

  subscribe(subscription) {
    validateFunction(subscription, 'subscription');
    this._subscribers = this._subscribers === undefined ? [subscription] :
      [...this._subscribers, subscription];
    active.add(this);
  }

  unsubscribe(subscription) {
    const list = this._subscribers;
    if (list === undefined) return false;
    const index = list.indexOf(subscription);
    if (index === -1) return false;
    const next = list.slice();
    next.splice(index, 1);
    this._subscribers = next;
    this.#maybeInactive();
    return true;
  }

  bindStore(store, transform) {
    if (this._stores === undefined) this._stores = new Map();
    this._stores.set(store, transform);
    active.add(this);
  }

  unbindStore(store) {
    if (this._stores === undefined || !this._stores.has(store)) return false;
    this._stores.delete(store);
    this.#maybeInactive();
    return true;
  }

  #maybeInactive() {
    if (!this.hasSubscribers) active.delete(this);
  }

  publish(data) {
    const list = this._subscribers;
    if (list === undefined) return;
    for (let i = 0; i < list.length; i++) {
      try {
        const onMessage = list[i];
        onMessage(data, this.name);
      } catch (err) {
        triggerUncaughtException(err);
      }
    }
  }

  runStores(data, fn, thisArg, ...args) {
    const stores = this._stores;
    if (stores === undefined || stores.size === 0) {
      this.publish(data);
      return Reflect.apply(fn, thisArg, args);
    }
    let run = () => {
      this.publish(data);
      return Reflect.apply(fn, thisArg, args);
    };
    for (const [store, transform] of stores) {
      const next = run;
      run = () => {
        let context;
        try {
          context = (transform ?? defaultTransform)(data);
        } catch (err) {
          triggerUncaughtException(err);
          return next();
        }
        return store.run(context, next);
      };
    }
    return run();
  }
}

function channel(name) {
  const ref = channels.get(name);
  const existing = ref?.deref();
  if (existing !== undefined) return existing;
  if (typeof name !== 'string' && typeof name !== 'symbol') {
    throw new ERR_INVALID_ARG_TYPE('channel', ['string', 'symbol'], name);
  }
  return new Channel(name);
}

function subscribe(name, subscription) {
  channel(name).subscribe(subscription);
}

function unsubscribe(name, subscription) {
  return channel(name).unsubscribe(subscription);
}

function hasSubscribers(name) {
  const existing = channels.get(name)?.deref();
  return existing !== undefined && existing.hasSubscribers;
}

// ---- tracing channels ----

const traceEvents = ['start', 'end', 'asyncStart', 'asyncEnd', 'error'];

function tracingChannelFrom(nameOrChannels, name) {
  if (typeof nameOrChannels === 'string') return channel(`tracing:${nameOrChannels}:${name}`);
  if (typeof nameOrChannels === 'object' && nameOrChannels !== null) {
    const ch = nameOrChannels[name];
    if (!(ch instanceof Channel)) {
      throw new ERR_INVALID_ARG_TYPE(`nameOrChannels.${name}`, 'Channel', ch);
    }
    return ch;
  }
  throw new ERR_INVALID_ARG_TYPE('nameOrChannels', ['string', 'object', 'Channel'],
                                 nameOrChannels);
}

class TracingChannel {
  constructor(nameOrChannels) {
    for (const name of traceEvents) {
      Object.defineProperty(this, name, {
        value: tracingChannelFrom(nameOrChannels, name),
        writable: false,
        enumerable: false,
        configurable: false,
      });
    }
  }

  get hasSubscribers() {
    return this.start.hasSubscribers || this.end.hasSubscribers ||
      this.asyncStart.hasSubscribers || this.asyncEnd.hasSubscribers ||
      this.error.hasSubscribers;
  }

  subscribe(handlers) {
    for (const name of traceEvents) {
      if (!handlers[name]) continue;
      this[name].subscribe(handlers[name]);
    }
  }

  unsubscribe(handlers) {
    let done = true;
    for (const name of traceEvents) {
      if (!handlers[name]) continue;
      if (!this[name].unsubscribe(handlers[name])) done = false;
    }
    return done;
  }

  traceSync(fn, context = {}, thisArg, ...args) {
    if (!this.hasSubscribers) return Reflect.apply(fn, thisArg, args);
    const { start, end, error } = this;
    return start.runStores(context, () => {
      try {
        const result = Reflect.apply(fn, thisArg, args);
        context.result = result;
        return result;
      } catch (err) {
        context.error = err;
        error.publish(context);
        throw err;
      } finally {
        end.publish(context);
      }
    });
  }

  tracePromise(fn, context = {}, thisArg, ...args) {
    if (!this.hasSubscribers) return Reflect.apply(fn, thisArg, args);
    const { start, end, asyncStart, asyncEnd, error } = this;
    function reject(err) {
      context.error = err;
      error.publish(context);
      asyncStart.publish(context);
      asyncEnd.publish(context);
      return Promise.reject(err);
    }
    function resolve(result) {
      context.result = result;
      asyncStart.publish(context);
      asyncEnd.publish(context);
      return result;
    }
    return start.runStores(context, () => {
      try {
        let promise = Reflect.apply(fn, thisArg, args);
        if (!(promise instanceof Promise)) promise = Promise.resolve(promise);
        return promise.then(resolve, reject);
      } catch (err) {
        context.error = err;
        error.publish(context);
        throw err;
      } finally {
        end.publish(context);
      }
    });
  }

  traceCallback(fn, position = -1, context = {}, thisArg, ...args) {
    if (!this.hasSubscribers) return Reflect.apply(fn, thisArg, args);
    const { start, end, asyncStart, asyncEnd, error } = this;
    const callback = args.at(position);
    validateFunction(callback, 'callback');
    function wrappedCallback(err, res) {
      if (err) {
        context.error = err;
        error.publish(context);
      } else {
        context.result = res;
      }
      // Using runStores here lets the callback see the stores bound to asyncStart.
      return asyncStart.runStores(context, () => {
        try {
          return Reflect.apply(callback, this, arguments);
        } finally {
          asyncEnd.publish(context);
        }
      });
    }
    args.splice(position, 1, wrappedCallback);
    return start.runStores(context, () => {
      try {
        return Reflect.apply(fn, thisArg, args);
      } catch (err) {
        context.error = err;
        error.publish(context);
        throw err;
      } finally {
        end.publish(context);
      }
    });
  }
}

function tracingChannel(nameOrChannels) {
  return new TracingChannel(nameOrChannels);
}

module.exports = {
  channel,
  hasSubscribers,
  subscribe,
  tracingChannel,
  unsubscribe,
  Channel,
};
