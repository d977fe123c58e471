'use strict';
// Signal events: a listener for 'SIGINT' (etc.) starts a libuv signal watcher;
// removing the last one stops it, restoring the default action.

let signals;
const watchers = new Map();

function isSignal(name) {
  if (typeof name !== 'string' || !name.startsWith('SIG')) return false;
  signals ??= require('os').constants.signals;
  return signals[name] !== undefined;
}

function install(process) {
  process.on('newListener', (type) => {
    if (!isSignal(type) || watchers.has(type)) return;
    const binding = internalBinding('signal_wrap');
    const w = binding.start(signals[type], (signum) => process.emit(type, type, signum));
    if (w) watchers.set(type, w);
  });
  process.on('removeListener', (type) => {
    if (!watchers.has(type) || process.listenerCount(type) > 0) return;
    internalBinding('signal_wrap').stop(watchers.get(type));
    watchers.delete(type);
  });
}

module.exports = { install };
