'use strict';

// The Console class behind `node:console`. Every method formats its
// arguments with internal/util/inspect and writes one string (plus '\n') per
// call to the instance's stdout or stderr stream. The global console
// (internal/console/global) is a plain object built from Console.prototype.

const {
  codes: {
    ERR_CONSOLE_WRITABLE_STREAM,
    ERR_INCOMPATIBLE_OPTION_PAIR,
    ERR_INVALID_ARG_VALUE,
  },
} = require('internal/errors');
const {
  validateArray,
  validateInteger,
  validateObject,
} = require('internal/validators');

let inspectModule;
function lazyInspect() {
  if (inspectModule === undefined) inspectModule = require('internal/util/inspect');
  return inspectModule;
}

let typesModule;
function lazyTypes() {
  if (typesModule === undefined) typesModule = require('internal/util/types');
  return typesModule;
}

let cliTable;

const kBindStreamsEager = Symbol('kBindStreamsEager');
const kBindStreamsLazy = Symbol('kBindStreamsLazy');
const kBindProperties = Symbol('kBindProperties');
const kWriteToConsole = Symbol('kWriteToConsole');
const kGetInspectOptions = Symbol('kGetInspectOptions');
const kFormatForStdout = Symbol('kFormatForStdout');
const kDirectFd = Symbol('kDirectFd');
const kStreamOrFd = Symbol('kStreamOrFd');

// util.format's result when no argument needs inspecting: all strings, and
// the first has no format specifiers.
function formatPlainStrings(args) {
  const n = args.length;
  if (n === 0) return '';
  const first = args[0];
  if (typeof first !== 'string') return undefined;
  if (n === 1) return first;
  if (first.includes('%')) return undefined;
  let out = first;
  for (let i = 1; i < n; i++) {
    const a = args[i];
    if (typeof a !== 'string') return undefined;
    out += ` ${a}`;
  }
  return out;
}
const kFormatForStderr = Symbol('kFormatForStderr');
const kCounts = Symbol('counts');
const kColorMode = Symbol('kColorMode');
const kIsConsole = Symbol('kIsConsole');
const kGroupIndent = Symbol('kGroupIndent');
const kGroupIndentationWidth = Symbol('kGroupIndentWidth');
const kUseStdout = Symbol('kUseStdout');
const kUseStderr = Symbol('kUseStderr');

const kMaxGroupIndentation = 1000;

const kColorInspectOptions = { colors: true };
const kNoColorInspectOptions = {};

// Console instance -> the inspectOptions it was created with.
const optionsMap = new WeakMap();

const hiddenProp = { writable: true, enumerable: false, configurable: true };

function noop() {}

function isStackOverflowError(err) {
  return err !== null && typeof err === 'object' &&
    err.name === 'RangeError' && typeof err.message === 'string' &&
    /call stack/i.test(err.message);
}

// Whether colored output suits `stream` (colorMode 'auto'): FORCE_COLOR wins,
// otherwise a TTY with more than 2 colors (or one that cannot tell).
function shouldColorize(stream) {
  const force = process.env.FORCE_COLOR;
  if (force !== undefined) {
    return force === '' || force === '1' || force === 'true' ||
      force === '2' || force === '3';
  }
  if (stream == null || !stream.isTTY) return false;
  return typeof stream.getColorDepth === 'function' ? stream.getColorDepth() > 2 : true;
}

function Console(options /* or: stdout, stderr, ignoreErrors = true */) {
  // Calling Console without `new` behaves like `new Console(...)`.
  if (new.target === undefined) {
    return Reflect.construct(Console, arguments);
  }

  if (!options || typeof options.write === 'function') {
    options = {
      stdout: options,
      stderr: arguments[1],
      ignoreErrors: arguments[2],
    };
  }

  const {
    stdout,
    stderr = stdout,
    ignoreErrors = true,
    colorMode = 'auto',
    inspectOptions,
    groupIndentation,
  } = options;

  if (!stdout || typeof stdout.write !== 'function') {
    throw new ERR_CONSOLE_WRITABLE_STREAM('stdout');
  }
  if (!stderr || typeof stderr.write !== 'function') {
    throw new ERR_CONSOLE_WRITABLE_STREAM('stderr');
  }
  if (typeof colorMode !== 'boolean' && colorMode !== 'auto') {
    throw new ERR_INVALID_ARG_VALUE('colorMode', colorMode);
  }
  if (groupIndentation !== undefined) {
    validateInteger(groupIndentation, 'groupIndentation', 0, kMaxGroupIndentation);
  }
  if (inspectOptions !== undefined) {
    validateObject(inspectOptions, 'options.inspectOptions');
    if (inspectOptions.colors !== undefined && options.colorMode !== undefined) {
      throw new ERR_INCOMPATIBLE_OPTION_PAIR('options.inspectOptions.color', 'colorMode');
    }
    optionsMap.set(this, inspectOptions);
  }

  // Methods are bound so they work detached (`[1, 2].forEach(c.log)`); the
  // lookup goes through `this` so subclasses can override them.
  const keys = Object.keys(Console.prototype);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    this[key] = Function.prototype.bind.call(this[key], this);
    Object.defineProperty(this[key], 'name', { value: key });
  }

  this[kBindStreamsEager](stdout, stderr);
  this[kBindProperties](ignoreErrors, colorMode, groupIndentation);
}

Object.defineProperty(Console, Symbol.hasInstance, {
  value(instance) {
    return instance != null && instance[kIsConsole] === true;
  },
});

function createWriteErrorHandler(instance, streamSymbol) {
  return (err) => {
    // An asynchronous write error is also emitted as 'error' on the stream;
    // a one-shot no-op listener keeps it from becoming an uncaught
    // exception when nobody else listens.
    const stream = streamSymbol === kUseStdout ? instance._stdout : instance._stderr;
    if (err == null || stream == null) return;
    const state = stream._writableState;
    if (state && state.errorEmitted) return;
    if (typeof stream.listenerCount === 'function' && typeof stream.once === 'function' &&
        stream.listenerCount('error') === 0) {
      stream.once('error', noop);
    }
  };
}

const internalMethods = {
  [kBindStreamsEager](stdout, stderr) {
    Object.defineProperties(this, {
      '_stdout': { __proto__: null, ...hiddenProp, value: stdout },
      '_stderr': { __proto__: null, ...hiddenProp, value: stderr },
    });
  },

  // Reads object.stdout / object.stderr on first use, so that creating the
  // global console does not create the process streams.
  [kBindStreamsLazy](object) {
    let stdout;
    let stderr;
    // While process.stdout/stderr were never used, the global console writes to
    // fds 1 and 2 directly (synchronously, as the stream would): printing a
    // line then needs neither the stream nor the Buffer module.
    this[kDirectFd] = (useStdout) => {
      if (object !== process || (useStdout ? stdout : stderr) !== undefined) return -1;
      const fd = useStdout ? 1 : 2;
      return require('internal/process/per_thread').isStdioPristine(fd) ? fd : -1;
    };
    Object.defineProperties(this, {
      '_stdout': {
        __proto__: null,
        enumerable: false,
        configurable: true,
        get() {
          if (!stdout) stdout = object.stdout;
          return stdout;
        },
        set(value) { stdout = value; },
      },
      '_stderr': {
        __proto__: null,
        enumerable: false,
        configurable: true,
        get() {
          if (!stderr) stderr = object.stderr;
          return stderr;
        },
        set(value) { stderr = value; },
      },
    });
  },

  [kBindProperties](ignoreErrors, colorMode, groupIndentation = 2) {
    Object.defineProperties(this, {
      '_stdoutErrorHandler': {
        __proto__: null, ...hiddenProp,
        value: createWriteErrorHandler(this, kUseStdout),
      },
      '_stderrErrorHandler': {
        __proto__: null, ...hiddenProp,
        value: createWriteErrorHandler(this, kUseStderr),
      },
      '_ignoreErrors': { __proto__: null, ...hiddenProp, value: Boolean(ignoreErrors) },
      '_times': { __proto__: null, ...hiddenProp, value: new Map() },
      [kCounts]: { __proto__: null, ...hiddenProp, value: new Map() },
      [kColorMode]: { __proto__: null, ...hiddenProp, value: colorMode },
      [kIsConsole]: { __proto__: null, ...hiddenProp, value: true },
      [kGroupIndent]: { __proto__: null, ...hiddenProp, value: '' },
      [kGroupIndentationWidth]: { __proto__: null, ...hiddenProp, value: groupIndentation },
      [Symbol.toStringTag]: {
        __proto__: null,
        writable: false,
        enumerable: false,
        configurable: true,
        value: 'console',
      },
    });
  },

  [kWriteToConsole](streamSymbol, string) {
    const ignoreErrors = this._ignoreErrors;
    const groupIndent = this[kGroupIndent];
    const useStdout = streamSymbol === kUseStdout;

    if (groupIndent.length !== 0) {
      if (string.includes('\n')) {
        string = string.split('\n').join(`\n${groupIndent}`);
      }
      string = groupIndent + string;
    }
    string += '\n';

    const directFd = this[kDirectFd] !== undefined ? this[kDirectFd](useStdout) : -1;
    if (directFd >= 0) {
      try {
        internalBinding('tty').writeString(directFd, string);
      } catch (e) {
        if (ignoreErrors === false) throw e;
      }
      return;
    }
    const stream = useStdout ? this._stdout : this._stderr;
    const errorHandler = useStdout ? this._stdoutErrorHandler : this._stderrErrorHandler;
    if (ignoreErrors === false) return stream.write(string);

    // Errors may come synchronously (thrown, or emitted during write) or
    // later through the callback; swallow both, except a stack overflow,
    // which would hide a real bug.
    let addedNoop = false;
    try {
      if (typeof stream.listenerCount === 'function' && typeof stream.once === 'function' &&
          stream.listenerCount('error') === 0) {
        stream.once('error', noop);
        addedNoop = true;
      }
      stream.write(string, errorHandler);
    } catch (e) {
      if (isStackOverflowError(e)) throw e;
    } finally {
      if (addedNoop && typeof stream.removeListener === 'function') {
        stream.removeListener('error', noop);
      }
    }
  },

  [kGetInspectOptions](stream) {
    let color = this[kColorMode];
    if (color === 'auto') color = shouldColorize(stream);
    const options = optionsMap.get(this);
    if (options) {
      if (options.colors === undefined) options.colors = color;
      return options;
    }
    return color ? kColorInspectOptions : kNoColorInspectOptions;
  },

  [kFormatForStdout](args) {
    const plain = formatPlainStrings(args);
    if (plain !== undefined) return plain;
    const opts = this[kGetInspectOptions](this[kStreamOrFd](true));
    return Reflect.apply(lazyInspect().formatWithOptions, null, [opts, ...args]);
  },

  [kFormatForStderr](args) {
    const plain = formatPlainStrings(args);
    if (plain !== undefined) return plain;
    const opts = this[kGetInspectOptions](this[kStreamOrFd](false));
    return Reflect.apply(lazyInspect().formatWithOptions, null, [opts, ...args]);
  },

  // The stream to decide colors from; a stand-in for a pristine stdio fd.
  [kStreamOrFd](useStdout) {
    const fd = this[kDirectFd] !== undefined ? this[kDirectFd](useStdout) : -1;
    if (fd < 0) return useStdout ? this._stdout : this._stderr;
    const tty = internalBinding('tty');
    if (!tty.isatty(fd)) return { isTTY: false };
    return {
      isTTY: true,
      getColorDepth: () => require('internal/process/stdio').getColorDepth(),
    };
  },
};

for (const key of Reflect.ownKeys(internalMethods)) {
  Object.defineProperty(Console.prototype, key, {
    __proto__: null,
    writable: true,
    enumerable: false,
    configurable: true,
    value: internalMethods[key],
  });
}

const kSecond = 1000;
const kMinute = 60 * kSecond;
const kHour = 60 * kMinute;

function pad2(value) {
  return `${value}`.padStart(2, '0');
}

// Formats a duration in milliseconds like node: '1.234ms', '1.500s',
// '1:00.300 (m:ss.mmm)', '1:06:40.457 (h:mm:ss.mmm)'.
function formatTime(ms) {
  let hours = 0;
  let minutes = 0;
  let seconds = 0;
  if (ms >= kSecond) {
    if (ms >= kMinute) {
      if (ms >= kHour) {
        hours = Math.floor(ms / kHour);
        ms %= kHour;
      }
      minutes = Math.floor(ms / kMinute);
      ms %= kMinute;
    }
    seconds = ms / kSecond;
  }

  if (hours !== 0 || minutes !== 0) {
    const parts = seconds.toFixed(3).split('.');
    const head = hours !== 0 ? `${hours}:${pad2(minutes)}` : `${minutes}`;
    const unit = hours !== 0 ? 'h:mm:ss.mmm' : 'm:ss.mmm';
    return `${head}:${pad2(parts[0])}.${parts[1]} (${unit})`;
  }
  if (seconds !== 0) return `${seconds.toFixed(3)}s`;
  return `${Number(ms.toFixed(3))}ms`;
}

function hrtimeMs(start) {
  const diff = process.hrtime(start);
  return diff[0] * 1e3 + diff[1] / 1e6;
}

// Prints `label: <elapsed> ...data` for console.timeLog() / timeEnd();
// returns false (after a warning) if the label was never started.
function timeLogImpl(self, name, label, data) {
  const start = self._times.get(label);
  if (start === undefined) {
    process.emitWarning(`No such label '${label}' for console.${name}()`);
    return false;
  }
  const formatted = formatTime(hrtimeMs(start));
  if (data === undefined) {
    self.log('%s: %s', label, formatted);
  } else {
    self.log('%s: %s', label, formatted, ...data);
  }
  return true;
}

const tableIndexKey = '(index)';
const tableIterKey = '(iteration index)';
const tableKeyKey = 'Key';
const tableValuesKey = 'Values';

// The remaining entries of a Map or Set iterator as [items, isKeyValue],
// without advancing it when the util binding can read the iterator's state;
// key-value items are flattened [k0, v0, k1, v1, ...].
function previewIteratorEntries(iterator) {
  let binding;
  try {
    binding = internalBinding('util');
  } catch {
    binding = undefined;
  }
  const state = binding && typeof binding.getIteratorState === 'function' ?
    binding.getIteratorState(iterator) : undefined;
  if (state !== undefined) {
    const { 0: collection, 1: index, 2: kind, 3: isMap } = state;
    const items = [];
    let i = 0;
    if (isMap) {
      for (const { 0: k, 1: v } of Map.prototype.entries.call(collection)) {
        if (i++ < index) continue;
        if (kind === 0) items.push(k);
        else if (kind === 1) items.push(v);
        else items.push(k, v);
      }
    } else {
      for (const v of Set.prototype.values.call(collection)) {
        if (i++ < index) continue;
        if (kind === 2) items.push(v, v);
        else items.push(v);
      }
    }
    return [items, kind === 2];
  }
  // Without the engine hook the iterator has to be consumed; a Map
  // entries() iterator yields fresh [key, value] pairs.
  const items = Array.from(iterator);
  const isKeyValue = lazyTypes().isMapIterator(iterator) && items.length > 0 &&
    items.every((item) => Array.isArray(item) && item.length === 2);
  if (!isKeyValue) return [items, false];
  const flat = [];
  for (const item of items) flat.push(item[0], item[1]);
  return [flat, true];
}

const consoleMethods = {
  log(...args) {
    this[kWriteToConsole](kUseStdout, this[kFormatForStdout](args));
  },

  warn(...args) {
    this[kWriteToConsole](kUseStderr, this[kFormatForStderr](args));
  },

  dir(object, options) {
    const { inspect } = lazyInspect();
    this[kWriteToConsole](kUseStdout, inspect(object, {
      customInspect: false,
      ...this[kGetInspectOptions](this._stdout),
      ...options,
    }));
  },

  time(label = 'default') {
    label = `${label}`;
    if (this._times.has(label)) {
      process.emitWarning(`Label '${label}' already exists for console.time()`);
      return;
    }
    this._times.set(label, process.hrtime());
  },

  timeEnd(label = 'default') {
    label = `${label}`;
    if (timeLogImpl(this, 'timeEnd', label)) {
      this._times.delete(label);
    }
  },

  timeLog(label = 'default', ...data) {
    label = `${label}`;
    timeLogImpl(this, 'timeLog', label, data);
  },

  trace: function trace(...args) {
    const message = this[kFormatForStderr](args);
    const err = { name: 'Trace', message };
    Error.captureStackTrace(err, trace);
    const header = message.length !== 0 ? `Trace: ${message}` : 'Trace';
    // The engine's frames become V8's '    at fn (file:line:col)' layout.
    const { getStackString } = lazyInspect();
    let stack = typeof getStackString === 'function' ? getStackString(err) : err.stack;
    if (typeof stack !== 'string') {
      stack = header;
    } else if (!stack.startsWith(header)) {
      stack = stack.length !== 0 ? `${header}\n${stack}` : header;
    }
    this.error(stack);
  },

  assert(expression, ...args) {
    if (!expression) {
      args[0] = `Assertion failed${args.length === 0 ? '' : `: ${args[0]}`}`;
      Reflect.apply(this.warn, this, args);
    }
  },

  // Moves the cursor to the top left and clears the screen, on a TTY only.
  clear() {
    const stdout = this._stdout;
    if (stdout.isTTY && process.env.TERM !== 'dumb') {
      stdout.write('\x1b[1;1H');
      stdout.write('\x1b[0J');
    }
  },

  count(label = 'default') {
    label = `${label}`;
    const counts = this[kCounts];
    let count = counts.get(label);
    count = count === undefined ? 1 : count + 1;
    counts.set(label, count);
    this.log(`${label}: ${count}`);
  },

  countReset(label = 'default') {
    label = `${label}`;
    const counts = this[kCounts];
    if (!counts.has(label)) {
      process.emitWarning(`Count for '${label}' does not exist`);
      return;
    }
    counts.delete(label);
  },

  group(...data) {
    if (data.length > 0) {
      Reflect.apply(this.log, this, data);
    }
    this[kGroupIndent] += ' '.repeat(this[kGroupIndentationWidth]);
  },

  groupEnd() {
    const indent = this[kGroupIndent];
    this[kGroupIndent] = indent.slice(0, indent.length - this[kGroupIndentationWidth]);
  },

  table(tabularData, properties) {
    if (properties !== undefined) validateArray(properties, 'properties');

    if (tabularData === null || typeof tabularData !== 'object') {
      return this.log(tabularData);
    }

    if (cliTable === undefined) cliTable = require('internal/cli_table');
    const { inspect } = lazyInspect();
    const types = lazyTypes();
    const render = (head, columns) => this.log(cliTable(head, columns));

    const cell = (v) => {
      const depth = v !== null && typeof v === 'object' && !Array.isArray(v) &&
        Object.keys(v).length > 2 ? -1 : 0;
      return inspect(v, {
        depth,
        maxArrayLength: 3,
        breakLength: Infinity,
        ...this[kGetInspectOptions](this._stdout),
      });
    };
    const indexColumn = (length) => {
      const column = new Array(length);
      for (let i = 0; i < length; i++) column[i] = cell(i);
      return column;
    };

    const mapIter = types.isMapIterator(tabularData);
    let isKeyValue = false;
    if (mapIter) {
      const res = previewIteratorEntries(tabularData);
      tabularData = res[0];
      isKeyValue = res[1];
    }

    if (isKeyValue || types.isMap(tabularData)) {
      const keys = [];
      const values = [];
      if (mapIter) {
        for (let i = 0; i + 1 < tabularData.length; i += 2) {
          keys.push(cell(tabularData[i]));
          values.push(cell(tabularData[i + 1]));
        }
      } else {
        for (const { 0: k, 1: v } of tabularData) {
          keys.push(cell(k));
          values.push(cell(v));
        }
      }
      return render([tableIterKey, tableKeyKey, tableValuesKey],
                    [indexColumn(keys.length), keys, values]);
    }

    const setIter = types.isSetIterator(tabularData);
    if (setIter) tabularData = previewIteratorEntries(tabularData)[0];

    if (setIter || mapIter || types.isSet(tabularData)) {
      const values = [];
      for (const v of tabularData) values.push(cell(v));
      return render([tableIterKey, tableValuesKey], [indexColumn(values.length), values]);
    }

    // One column per property seen (or asked for), plus 'Values' for
    // primitive rows. `columns` has no prototype so that keys such as
    // '__proto__' are plain entries.
    const columns = { __proto__: null };
    let hasPrimitives = false;
    const primitiveColumn = [];
    const indexKeys = Object.keys(tabularData);
    for (let i = 0; i < indexKeys.length; i++) {
      const item = tabularData[indexKeys[i]];
      const primitive = item === null ||
        (typeof item !== 'function' && typeof item !== 'object');
      if (properties === undefined && primitive) {
        hasPrimitives = true;
        primitiveColumn[i] = cell(item);
        continue;
      }
      const keys = properties || Object.keys(item);
      for (const key of keys) {
        if (columns[key] === undefined) columns[key] = [];
        if ((primitive && properties) || !Object.prototype.hasOwnProperty.call(item, key)) {
          columns[key][i] = '';
        } else {
          columns[key][i] = cell(item[key]);
        }
      }
    }

    const head = Object.keys(columns);
    const values = Object.values(columns);
    if (hasPrimitives) {
      head.push(tableValuesKey);
      values.push(primitiveColumn);
    }
    head.unshift(tableIndexKey);
    values.unshift(indexKeys);
    return render(head, values);
  },
};

consoleMethods.debug = consoleMethods.log;
consoleMethods.info = consoleMethods.log;
consoleMethods.dirxml = consoleMethods.log;
consoleMethods.error = consoleMethods.warn;
consoleMethods.groupCollapsed = consoleMethods.group;

for (const key of Object.keys(consoleMethods)) {
  Console.prototype[key] = consoleMethods[key];
}

module.exports = {
  Console,
  formatTime,
  kBindStreamsLazy,
  kBindProperties,
  kWriteToConsole,
  kColorInspectOptions,
  kNoColorInspectOptions,
};
