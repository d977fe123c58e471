'use strict';
// Helpers shared by the http modules: the cached Date header value and the
// error for a connection reset.

let utcCache;

function resetCache() {
  utcCache = undefined;
}

// The current time as an HTTP date, recomputed at most once a second.
function utcDate() {
  if (utcCache === undefined) {
    const d = new Date();
    utcCache = d.toUTCString();
    const timer = setTimeout(resetCache, 1000 - d.getMilliseconds());
    timer.unref();
  }
  return utcCache;
}

function connResetException(msg) {
  const err = new Error(msg);
  err.code = 'ECONNRESET';
  return err;
}

const kOutHeaders = Symbol('kOutHeaders');
const kNeedDrain = Symbol('kNeedDrain');

module.exports = {
  kOutHeaders,
  kNeedDrain,
  utcDate,
  connResetException,
};
