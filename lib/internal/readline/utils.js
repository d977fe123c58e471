'use strict';
// Shared helpers of readline: UTF-16 aware character lengths, the keypress
// decoder (a generator fed one character at a time) and ANSI CSI builders.

const kEscape = '\x1b';
const kSubstringSearch = Symbol('kSubstringSearch');

// Builds a CSI sequence from a template: CSI`${n}A` -> '\x1b[<n>A'.
function CSI(strings, ...args) {
  let out = `${kEscape}[`;
  for (let i = 0; i < args.length; i++) out += strings[i] + args[i];
  return out + strings[strings.length - 1];
}
CSI.kEscape = kEscape;
CSI.kClearToLineBeginning = CSI`1K`;
CSI.kClearToLineEnd = CSI`0K`;
CSI.kClearLine = CSI`2K`;
CSI.kClearScreenDown = CSI`0J`;

// Number of UTF-16 units of the character that ends just before `i`.
function charLengthLeft(str, i) {
  if (i <= 0) return 0;
  const hi = str.charCodeAt(i - 2);
  const lo = str.charCodeAt(i - 1);
  if (i > 1 && lo >= 0xdc00 && lo <= 0xdfff && hi >= 0xd800 && hi <= 0xdbff) return 2;
  return 1;
}

// Number of UTF-16 units of the character that starts at `i`.
function charLengthAt(str, i) {
  if (str.length <= i) return 1;
  return str.codePointAt(i) > 0xffff ? 2 : 1;
}

function isDigit(ch) {
  return ch >= '0' && ch <= '9';
}

// Names of the keys sent as escape sequences, by their code (the sequence
// without ESC and modifier numbers).
const kKeyNames = {
  __proto__: null,
  // xterm/gnome ESC O letter and ESC [ letter
  'OP': 'f1', 'OQ': 'f2', 'OR': 'f3', 'OS': 'f4',
  '[P': 'f1', '[Q': 'f2', '[R': 'f3', '[S': 'f4',
  // xterm/rxvt ESC [ number ~
  '[11~': 'f1', '[12~': 'f2', '[13~': 'f3', '[14~': 'f4',
  // Cygwin and libuv
  '[[A': 'f1', '[[B': 'f2', '[[C': 'f3', '[[D': 'f4', '[[E': 'f5',
  '[15~': 'f5', '[17~': 'f6', '[18~': 'f7', '[19~': 'f8', '[20~': 'f9',
  '[21~': 'f10', '[23~': 'f11', '[24~': 'f12',
  '[A': 'up', '[B': 'down', '[C': 'right', '[D': 'left', '[E': 'clear',
  '[F': 'end', '[H': 'home',
  'OA': 'up', 'OB': 'down', 'OC': 'right', 'OD': 'left', 'OE': 'clear',
  'OF': 'end', 'OH': 'home',
  '[1~': 'home', '[2~': 'insert', '[3~': 'delete', '[4~': 'end',
  '[5~': 'pageup', '[6~': 'pagedown',
  '[[5~': 'pageup', '[[6~': 'pagedown',
  '[7~': 'home', '[8~': 'end',
};
// rxvt: shift and ctrl variants
const kShiftKeys = {
  __proto__: null,
  '[a': 'up', '[b': 'down', '[c': 'right', '[d': 'left', '[e': 'clear',
  '[2$': 'insert', '[3$': 'delete', '[5$': 'pageup', '[6$': 'pagedown',
  '[7$': 'home', '[8$': 'end', '[Z': 'tab',
};
const kCtrlKeys = {
  __proto__: null,
  'Oa': 'up', 'Ob': 'down', 'Oc': 'right', 'Od': 'left', 'Oe': 'clear',
  '[2^': 'insert', '[3^': 'delete', '[5^': 'pageup', '[6^': 'pagedown',
  '[7^': 'home', '[8^': 'end',
};

// Decodes keypresses. Resume it with one character (or '' when the escape
// timeout expired); it emits 'keypress' on `stream` for every complete key.
function* emitKeys(stream) {
  for (;;) {
    let ch = yield;
    let s = ch;
    let escaped = false;
    const key = { sequence: null, name: undefined, ctrl: false, meta: false, shift: false };

    if (ch === kEscape) {
      escaped = true;
      s += (ch = yield);
      if (ch === kEscape) s += (ch = yield);
    }

    if (escaped && (ch === 'O' || ch === '[')) {
      let code = ch;
      let modifier = 0;
      if (ch === 'O') {
        s += (ch = yield);
        if (isDigit(ch)) {
          modifier = (ch | 0) - 1;
          s += (ch = yield);
        }
        code += ch;
      } else {
        s += (ch = yield);
        if (ch === '[') {
          code += ch;
          s += (ch = yield);
        }
        // Parameters: up to three digits, optionally ';' and a digit, then
        // the final character.
        const start = s.length - 1;
        if (isDigit(ch)) {
          s += (ch = yield);
          if (isDigit(ch)) {
            s += (ch = yield);
            if (isDigit(ch)) s += (ch = yield);
          }
        }
        if (ch === ';') {
          s += (ch = yield);
          if (isDigit(ch)) s += (ch = yield);
        }
        const cmd = s.slice(start);
        let m;
        if ((m = /^(\d\d?)(?:;(\d))?([~^$])$/.exec(cmd)) !== null) {
          code += m[1] + m[3];
          modifier = (m[2] || 1) - 1;
        } else if ((m = /^(\d{3}~)$/.exec(cmd)) !== null) {
          code += m[1];
        } else if ((m = /^(?:(?:\d;)?(\d))?([A-Za-z])$/.exec(cmd)) !== null) {
          code += m[2];
          modifier = (m[1] || 1) - 1;
        } else {
          code += cmd;
        }
      }
      key.ctrl = (modifier & 4) !== 0;
      key.meta = (modifier & 10) !== 0;
      key.shift = (modifier & 1) !== 0;
      key.code = code;
      if (kKeyNames[code] !== undefined) {
        key.name = kKeyNames[code];
      } else if (kShiftKeys[code] !== undefined) {
        key.name = kShiftKeys[code];
        key.shift = true;
      } else if (kCtrlKeys[code] !== undefined) {
        key.name = kCtrlKeys[code];
        key.ctrl = true;
      } else {
        key.name = 'undefined';
      }
    } else if (ch === '\r') {
      key.name = 'return';
      key.meta = escaped;
    } else if (ch === '\n') {
      key.name = 'enter';
      key.meta = escaped;
    } else if (ch === '\t') {
      key.name = 'tab';
      key.meta = escaped;
    } else if (ch === '\b' || ch === '\x7f') {
      key.name = 'backspace';
      key.meta = escaped;
    } else if (ch === kEscape) {
      key.name = 'escape';
      key.meta = escaped;
    } else if (ch === ' ') {
      key.name = 'space';
      key.meta = escaped;
    } else if (!escaped && ch <= '\x1a') {
      key.name = String.fromCharCode(ch.charCodeAt(0) + 96);
      key.ctrl = true;
    } else if (/^[0-9A-Za-z]$/.test(ch)) {
      key.name = ch.toLowerCase();
      key.shift = ch !== key.name;
      key.meta = escaped;
    } else if (escaped) {
      key.name = ch.length ? undefined : 'escape';
      key.meta = true;
    }

    key.sequence = s;
    if (s.length !== 0 && (key.name !== undefined || escaped)) {
      stream.emit('keypress', escaped ? undefined : s, key);
    } else if (charLengthAt(s, 0) === s.length) {
      stream.emit('keypress', s, key);
    }
  }
}

function commonPrefix(strings) {
  if (strings.length === 0) return '';
  if (strings.length === 1) return strings[0];
  const sorted = strings.slice().sort();
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  let i = 0;
  while (i < first.length && first[i] === last[i]) i++;
  return first.slice(0, i);
}

module.exports = {
  charLengthAt,
  charLengthLeft,
  commonPrefix,
  emitKeys,
  kSubstringSearch,
  CSI,
};
