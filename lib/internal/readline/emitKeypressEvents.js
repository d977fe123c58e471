'use strict';
// readline.emitKeypressEvents(stream[, interface]): makes `stream` emit
// 'keypress' events decoded from its 'data'.

const { charLengthAt, emitKeys, CSI: { kEscape } } = require('internal/readline/utils');

const kKeypressDecoder = Symbol('keypress-decoder');
const kEscapeDecoder = Symbol('escape-decoder');
const kEscapeCodeTimeout = 500;

function emitKeypressEvents(stream, iface = {}) {
  if (stream[kKeypressDecoder]) return;
  const { StringDecoder } = require('string_decoder');
  stream[kKeypressDecoder] = new StringDecoder('utf8');
  stream[kEscapeDecoder] = emitKeys(stream);
  stream[kEscapeDecoder].next();

  let timeoutId;
  const escapeCodeTimeout = () => feed('');

  function feed(ch) {
    try {
      stream[kEscapeDecoder].next(ch);
    } catch (err) {
      // A listener threw: start a fresh decoder and rethrow.
      stream[kEscapeDecoder] = emitKeys(stream);
      stream[kEscapeDecoder].next();
      throw err;
    }
  }

  function onData(input) {
    if (stream.listenerCount('keypress') > 0) {
      const string = stream[kKeypressDecoder].write(input);
      if (string) {
        clearTimeout(timeoutId);
        iface._sawKeyPress = charLengthAt(string, 0) === string.length;
        iface.isCompletionEnabled = false;
        let length = 0;
        for (const ch of string) {
          length += ch.length;
          if (length === string.length) iface.isCompletionEnabled = true;
          feed(ch);
          if (length === string.length && ch === kEscape) {
            timeoutId = setTimeout(escapeCodeTimeout,
                                   iface.escapeCodeTimeout || kEscapeCodeTimeout);
          }
        }
      }
    } else {
      // Nobody listens: drop the decoder state for this chunk.
      stream.removeListener('data', onData);
      stream.on('newListener', onNewListener);
    }
  }

  function onNewListener(event) {
    if (event === 'keypress') {
      stream.on('data', onData);
      stream.removeListener('newListener', onNewListener);
    }
  }

  if (stream.listenerCount('keypress') > 0) {
    stream.on('data', onData);
  } else {
    stream.on('newListener', onNewListener);
  }
}

module.exports = emitKeypressEvents;
