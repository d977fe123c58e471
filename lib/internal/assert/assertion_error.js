'use strict';
// AssertionError and the messages node's assert generates for it, including
// the line-based "+ actual - expected" diff.

const { codes: { ERR_INVALID_ARG_TYPE } } = require('internal/errors');

let inspectFn;
function inspect(value, options) {
  if (inspectFn === undefined) inspectFn = require('internal/util/inspect').inspect;
  return inspectFn(value, options);
}

const ObjectDefineProperty = Object.defineProperty;
const ObjectGetPrototypeOf = Object.getPrototypeOf;
const ObjectKeys = Object.keys;

let blue = '';
let green = '';
let red = '';
let white = '';

const kReadableOperator = {
  __proto__: null,
  deepStrictEqual: 'Expected values to be strictly deep-equal:',
  strictEqual: 'Expected values to be strictly equal:',
  strictEqualObject: 'Expected "actual" to be reference-equal to "expected":',
  deepEqual: 'Expected values to be loosely deep-equal:',
  notDeepStrictEqual: 'Expected "actual" not to be strictly deep-equal to:',
  notStrictEqual: 'Expected "actual" to be strictly unequal to:',
  notStrictEqualObject: 'Expected "actual" not to be reference-equal to "expected":',
  notDeepEqual: 'Expected "actual" not to be loosely deep-equal to:',
  notIdentical: 'Values have same structure but are not reference-equal:',
  notDeepEqualUnequal: 'Expected values not to be loosely deep-equal:',
  partialDeepStrictEqual: 'Expected values to be partially and strictly deep-equal:',
};

// Single-line inputs up to this many characters (both together) are shown as
// "a !== b" instead of a diff.
const kMaxShortLength = 12;
// Lines beyond this count are collapsed.
const kMaxLines = 50;

function copyError(source) {
  const target = { __proto__: ObjectGetPrototypeOf(source) };
  const keys = ObjectKeys(source);
  for (let i = 0; i < keys.length; i++) target[keys[i]] = source[keys[i]];
  ObjectDefineProperty(target, 'message', { __proto__: null, value: source.message });
  return target;
}

function inspectValue(value) {
  // Fixed options: the util.inspect defaults may have been changed, and the
  // message must show what the comparison looked at.
  return inspect(value, {
    compact: false,
    customInspect: false,
    depth: 1000,
    maxArrayLength: Infinity,
    showHidden: false,
    showProxy: false,
    sorted: true,
    getters: true,
  });
}

function removeColors(str) {
  // eslint-disable-next-line no-control-regex
  return str.replace(/\u001b\[\d\d?m/g, '');
}

function inspectColorsEnabled() {
  try {
    const defaults = require('internal/util/inspect').inspect.defaultOptions;
    return defaults !== undefined && defaults.colors === true;
  } catch {
    return false;
  }
}

// Lines identical on both sides around a change: up to two are printed after
// a change, and runs longer than that are shortened to their last lines.
function flushIdentical(lines, i, identical, state) {
  let out = '';
  if (identical > 2) {
    if (identical > 3) {
      if (identical > 4) {
        if (identical === 5) {
          out += `\n  ${lines[i - 3]}`;
          state.printed++;
        } else {
          out += `\n${blue}...${white}`;
          state.skipped = true;
        }
      }
      out += `\n  ${lines[i - 2]}`;
      state.printed++;
    }
    out += `\n  ${lines[i - 1]}`;
    state.printed++;
  }
  return out;
}

// header: a custom message that replaces the operator's headline.
function createErrDiff(actual, expected, operator, header) {
  let other = '';
  let res = '';
  let end = '';
  const actualInspected = inspectValue(actual);
  const actualLines = actualInspected.split('\n');
  const expectedLines = inspectValue(expected).split('\n');
  let i = 0;
  let indicator = '';
  const state = { printed: 0, skipped: false };

  // Two objects (or two functions) that failed strictEqual are not the same
  // reference, whatever they look like.
  if (operator === 'strictEqual' &&
      ((typeof actual === 'object' && actual !== null &&
        typeof expected === 'object' && expected !== null) ||
       (typeof actual === 'function' && typeof expected === 'function'))) {
    operator = 'strictEqualObject';
  }

  if (actualLines.length === 1 && expectedLines.length === 1 &&
      actualLines[0] !== expectedLines[0]) {
    const colors = inspectColorsEnabled();
    const actualRaw = colors ? removeColors(actualLines[0]) : actualLines[0];
    const expectedRaw = colors ? removeColors(expectedLines[0]) : expectedLines[0];
    const inputLength = actualRaw.length + expectedRaw.length;
    if (inputLength <= kMaxShortLength) {
      if ((typeof actual !== 'object' || actual === null) &&
          (typeof expected !== 'object' || expected === null) &&
          (actual !== 0 || expected !== 0)) {
        return `${header === undefined ? kReadableOperator[operator] : header}\n\n` +
          `${actualLines[0]} !== ${expectedLines[0]}\n`;
      }
    } else if (operator !== 'strictEqualObject') {
      // Point at the first differing character when the pair fits a line.
      const maxLength = stderrColumns();
      if (inputLength < maxLength) {
        while (actualRaw[i] === expectedRaw[i]) i++;
        if (i > 2) {
          indicator = `\n  ${' '.repeat(i)}^`;
          i = 0;
        }
      }
    }
  }

  // Drop the identical trailing lines; the last three stay as context.
  let a = actualLines[actualLines.length - 1];
  let b = expectedLines[expectedLines.length - 1];
  while (a === b) {
    if (i++ < 3) {
      end = `\n  ${a}${end}`;
    } else {
      other = a;
    }
    actualLines.pop();
    expectedLines.pop();
    if (actualLines.length === 0 || expectedLines.length === 0) break;
    a = actualLines[actualLines.length - 1];
    b = expectedLines[expectedLines.length - 1];
  }

  const maxLines = Math.max(actualLines.length, expectedLines.length);
  if (maxLines === 0) {
    // Both sides print identically (e.g. { a: Symbol() } twice).
    const lines = actualInspected.split('\n');
    if (lines.length > kMaxLines) {
      lines[46] = `${blue}...${white}`;
      lines.length = 47;
    }
    return `${kReadableOperator.notIdentical}\n\n${lines.join('\n')}\n`;
  }

  if (i >= 5) {
    end = `\n${blue}...${white}${end}`;
    state.skipped = true;
  }
  if (other !== '') {
    end = `\n  ${other}${end}`;
    other = '';
  }

  let identical = 0;
  const headline = header === undefined ? kReadableOperator[operator] : header;
  const msg = `${headline}\n${green}+ actual${white} ${red}- expected${white}`;
  const skippedMsg = ` ${blue}...${white} Lines skipped`;

  let lines = actualLines;
  let plusMinus = `${green}+${white}`;
  let shorter = expectedLines.length;
  if (actualLines.length < maxLines) {
    lines = expectedLines;
    plusMinus = `${red}-${white}`;
    shorter = actualLines.length;
  }

  for (i = 0; i < maxLines; i++) {
    if (shorter < i + 1) {
      // Only the longer side has lines left.
      res += flushIdentical(lines, i, identical, state);
      identical = 0;
      if (lines === actualLines) {
        res += `\n${plusMinus} ${lines[i]}`;
      } else {
        other += `\n${plusMinus} ${lines[i]}`;
      }
      state.printed++;
    } else {
      const expectedLine = expectedLines[i];
      let actualLine = actualLines[i];
      let diverging = actualLine !== expectedLine &&
        (!actualLine.endsWith(',') || actualLine.slice(0, -1) !== expectedLine);
      // A line that differs only by the trailing comma of the expected side
      // counts as identical (the comma is kept so the output reads well).
      if (diverging && expectedLine.endsWith(',') && expectedLine.slice(0, -1) === actualLine) {
        diverging = false;
        actualLine += ',';
      }
      if (diverging) {
        res += flushIdentical(actualLines, i, identical, state);
        identical = 0;
        // Consecutive changes print as +++--- rather than +-+-+-.
        res += `\n${green}+${white} ${actualLine}`;
        other += `\n${red}-${white} ${expectedLine}`;
        state.printed += 2;
      } else {
        res += other;
        other = '';
        identical++;
        if (identical <= 2) {
          res += `\n  ${actualLine}`;
          state.printed++;
        }
      }
    }
    if (state.printed > kMaxLines && i < maxLines - 2) {
      return `${msg}${skippedMsg}\n${res}\n${blue}...${white}${other}\n` +
        `${blue}...${white}`;
    }
  }

  return `${msg}${state.skipped ? skippedMsg : ''}\n${res}${other}${end}${indicator}`;
}

function stderrColumns() {
  try {
    const stderr = process.stderr;
    if (stderr && stderr.isTTY) return stderr.columns;
  } catch {
    // No usable stderr: use the default width.
  }
  return 80;
}

function updateColors() {
  let stderr;
  try {
    stderr = process.stderr;
  } catch {
    return;
  }
  if (!stderr || !stderr.isTTY) return;
  // Read on every error: the environment may have changed.
  if (typeof stderr.hasColors === 'function' && stderr.hasColors()) {
    blue = '\u001b[34m';
    green = '\u001b[32m';
    white = '\u001b[39m';
    red = '\u001b[31m';
  } else {
    blue = '';
    green = '';
    white = '';
    red = '';
  }
}

function generateMessage(actual, expected, operator) {
  if (operator === 'deepStrictEqual' || operator === 'strictEqual') {
    return createErrDiff(actual, expected, operator);
  }
  if (operator === 'notDeepStrictEqual' || operator === 'notStrictEqual') {
    // The values are equal but should not be: show one of them.
    let base = kReadableOperator[operator];
    const lines = inspectValue(actual).split('\n');
    if (operator === 'notStrictEqual' &&
        ((typeof actual === 'object' && actual !== null) || typeof actual === 'function')) {
      base = kReadableOperator.notStrictEqualObject;
    }
    if (lines.length > kMaxLines) {
      lines[46] = `${blue}...${white}`;
      lines.length = 47;
    }
    if (lines.length === 1) {
      return `${base}${lines[0].length > 5 ? '\n\n' : ' '}${lines[0]}`;
    }
    return `${base}\n\n${lines.join('\n')}\n`;
  }
  let res = inspectValue(actual);
  let other = inspectValue(expected);
  const known = kReadableOperator[operator];
  if (operator === 'notDeepEqual' && res === other) {
    res = `${known}\n\n${res}`;
    if (res.length > 1024) res = `${res.slice(0, 1021)}...`;
    return res;
  }
  if (res.length > 512) res = `${res.slice(0, 509)}...`;
  if (other.length > 512) other = `${other.slice(0, 509)}...`;
  if (operator === 'deepEqual') {
    res = `${known}\n\n${res}\n\nshould loosely deep-equal\n\n`;
  } else {
    const unequal = kReadableOperator[`${operator}Unequal`];
    if (unequal !== undefined) {
      res = `${unequal}\n\n${res}\n\nshould not loosely deep-equal\n\n`;
    } else {
      other = ` ${operator} ${other}`;
    }
  }
  return `${res}${other}`;
}

function defineHidden(target, key, value) {
  ObjectDefineProperty(target, key, {
    __proto__: null,
    value,
    enumerable: false,
    writable: true,
    configurable: true,
  });
}

// JavaScriptCore's `stack` lists only the frames; node's starts with
// "AssertionError [ERR_ASSERTION]: message".
function addStackHeader(error, message) {
  const stack = error.stack;
  const head = `AssertionError [ERR_ASSERTION]: ${message}`;
  if (typeof stack === 'string') {
    if (stack.startsWith('AssertionError [ERR_ASSERTION]')) return;
    defineHidden(error, 'stack', stack === '' ? head : `${head}\n${stack}`);
  } else {
    defineHidden(error, 'stack', head);
  }
}

// A string for inspecting an AssertionError: at most ten lines, and the
// first 512 characters dropped from a long single line (node's behaviour).
function addEllipsis(string) {
  const lines = string.split('\n', 11);
  if (lines.length > 10) {
    lines.length = 10;
    return `${lines.join('\n')}\n...`;
  } else if (string.length > 512) {
    return `${string.slice(512)}...`;
  }
  return string;
}

class AssertionError extends Error {
  constructor(options) {
    if (options === null || typeof options !== 'object' || Array.isArray(options)) {
      throw new ERR_INVALID_ARG_TYPE('options', 'Object', options);
    }
    const {
      message,
      operator,
      stackStartFn,
      details,
      // Compatibility with older versions.
      stackStartFunction,
      diff = 'simple',
    } = options;
    let { actual, expected } = options;

    let text;
    const diffOperator = operator === 'deepStrictEqual' || operator === 'strictEqual' ||
      operator === 'partialDeepStrictEqual';
    if (message != null && !diffOperator) {
      text = String(message);
    } else {
      updateColors();
      // Compare copies of errors so that the diff does not show the stacks
      // (node keeps the originals when a custom message is given).
      if (!message && typeof actual === 'object' && actual !== null &&
          typeof expected === 'object' && expected !== null &&
          'stack' in actual && actual instanceof Error &&
          'stack' in expected && expected instanceof Error) {
        actual = copyError(actual);
        expected = copyError(expected);
      }
      if (diffOperator) {
        // A custom message replaces the headline; the diff still follows.
        text = createErrDiff(actual, expected, operator, message ? String(message) : undefined);
      } else {
        text = generateMessage(actual, expected, operator);
      }
    }
    super(text);

    this.generatedMessage = !message;
    defineHidden(this, 'name', 'AssertionError [ERR_ASSERTION]');
    this.code = 'ERR_ASSERTION';
    if (details) {
      this.actual = undefined;
      this.expected = undefined;
      this.operator = undefined;
      for (let i = 0; i < details.length; i++) {
        this[`message ${i}`] = details[i].message;
        this[`actual ${i}`] = details[i].actual;
        this[`expected ${i}`] = details[i].expected;
        this[`operator ${i}`] = details[i].operator;
        this[`stack trace ${i}`] = details[i].stack;
      }
    } else {
      this.actual = actual;
      this.expected = expected;
      this.operator = operator;
    }
    // node 22: how much of a diff the message shows ('simple' or 'full').
    this.diff = diff;
    // JavaScriptCore keeps an existing `stack` on capture: drop it first.
    delete this.stack;
    Error.captureStackTrace(this, stackStartFn || stackStartFunction);
    addStackHeader(this, text);
    this.name = 'AssertionError';
  }

  toString() {
    return `${this.name} [${this.code}]: ${this.message}`;
  }

  [Symbol.for('nodejs.util.inspect.custom')](recurseTimes, ctx) {
    // Long strings are shortened: the message already shows them.
    const tmpActual = this.actual;
    const tmpExpected = this.expected;
    if (typeof this.actual === 'string') this.actual = addEllipsis(this.actual);
    if (typeof this.expected === 'string') this.expected = addEllipsis(this.expected);
    // depth 0 keeps `actual` and `expected` short next to the message.
    const result = inspect(this, { ...ctx, customInspect: false, depth: 0 });
    this.actual = tmpActual;
    this.expected = tmpExpected;
    return result;
  }
}

module.exports = AssertionError;
