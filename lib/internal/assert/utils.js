'use strict';
// assert.ok() and its message: without a message of its own, a failing
// assert.ok(expr) shows the source text of the call, read from the file
// named by the caller's stack frame.

const AssertionError = require('internal/assert/assertion_error');

const ReflectSet = Reflect.set;

// filename + line + column -> message (or undefined when the source could not
// be used), so that a failing assertion in a loop reads its file once.
const errorCache = new Map();

function isError(value) {
  if (typeof Error.isError === 'function') return Error.isError(value);
  return value instanceof Error;
}

// The file, line and column (both 1-based) of the innermost frame of a stack
// string; JavaScriptCore frames look like "fn@file:line:col", V8-style ones
// like "    at fn (file:line:col)". Returns null when the frame has no
// source position (native code, eval, new Function).
function parseTopFrame(stack) {
  if (typeof stack !== 'string') return null;
  const lines = stack.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    // Function.prototype.apply/call show up as native frames in
    // JavaScriptCore (V8 hides them): the caller is the next frame.
    if (/^(?:\s+at )?(?:Function\.prototype\.)?(?:apply|call)(?:@\[native code\]| \((?:native|<anonymous>|\[native code\])\))$/.test(line)) {
      continue;
    }
    let m = /^\s+at (?:.*? \()?(.+?):(\d+):(\d+)\)?$/.exec(line);
    if (m === null && /^\s+at /.test(line)) return null;
    if (m === null) {
      const at = line.indexOf('@');
      if (at === -1) continue;  // A header line such as "Error".
      m = /^(.+):(\d+):(\d+)$/.exec(line.slice(at + 1));
      if (m === null) return null;
      return { file: m[1], line: +m[2], column: +m[3] };
    }
    return { file: m[1], line: +m[2], column: +m[3] };
  }
  return null;
}

function captureCallSite(fn) {
  const holder = {};
  const limit = Error.stackTraceLimit;
  if (typeof limit === 'number' && limit >= 2) {
    Error.captureStackTrace(holder, fn);
  } else {
    // Frames are needed even when the program turned them off (two: the
    // first may be a native apply/call frame).
    ReflectSet(Error, 'stackTraceLimit', 2);
    Error.captureStackTrace(holder, fn);
    ReflectSet(Error, 'stackTraceLimit', limit);
  }
  return parseTopFrame(holder.stack);
}

function toPath(file) {
  if (file.startsWith('file://')) {
    try {
      return require('url').fileURLToPath(file);
    } catch {
      return null;
    }
  }
  // Builtin modules ("node:events") and pseudo files ("[eval]") are never read.
  return file.startsWith('/') ? file : null;
}

// ---- a small JavaScript tokenizer: enough to find where a call starts and ends ----

const kPunct = 0;
const kName = 1;
const kLiteral = 2;
const kTemplate = 3;

// Keywords after which a `/` starts a regular expression, and which cannot
// end a callee expression.
const kOperatorKeywords = new Set([
  'await', 'break', 'case', 'catch', 'class', 'const', 'continue', 'debugger', 'default',
  'delete', 'do', 'else', 'export', 'extends', 'finally', 'for', 'function', 'if', 'in',
  'instanceof', 'let', 'new', 'of', 'return', 'switch', 'throw', 'try', 'typeof', 'var',
  'void', 'while', 'with', 'yield',
]);

function isIdentChar(c) {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) ||
    c === 36 || c === 95 || c > 127 || c === 92;
}

function skipString(src, i, quote) {
  for (i++; i < src.length; i++) {
    const c = src.charCodeAt(i);
    if (c === 92) i++;
    else if (c === quote) return i + 1;
    else if (c === 10) return i;
  }
  return i;
}

// Skips a template literal starting at the backquote; returns the end offset.
function skipTemplate(src, i) {
  for (i++; i < src.length; i++) {
    const c = src.charCodeAt(i);
    if (c === 92) {
      i++;
    } else if (c === 96) {
      return i + 1;
    } else if (c === 36 && src.charCodeAt(i + 1) === 123) {
      i = skipBraces(src, i + 2) - 1;
    }
  }
  return i;
}

// Skips code up to the `}` closing a template substitution.
function skipBraces(src, i) {
  let depth = 0;
  const tokens = tokenize(src, i, (token) => {
    if (token.type !== kPunct) return false;
    if (token.value === '{') depth++;
    else if (token.value === '}') {
      if (depth === 0) return true;
      depth--;
    }
    return false;
  });
  const last = tokens[tokens.length - 1];
  return last === undefined ? src.length : last.end;
}

function regexAllowed(prev) {
  if (prev === undefined) return true;
  if (prev.type === kName) return kOperatorKeywords.has(prev.value);
  if (prev.type === kPunct) return prev.value !== ')' && prev.value !== ']' && prev.value !== '}';
  return false;
}

function skipRegExp(src, i) {
  let inClass = false;
  for (i++; i < src.length; i++) {
    const c = src.charCodeAt(i);
    if (c === 92) i++;
    else if (c === 10) return i;
    else if (c === 91) inClass = true;
    else if (c === 93) inClass = false;
    else if (c === 47 && !inClass) {
      i++;
      while (i < src.length && isIdentChar(src.charCodeAt(i))) i++;
      return i;
    }
  }
  return i;
}

const kPunctuators = ['>>>=', '...', '===', '!==', '**=', '<<=', '>>=', '>>>', '&&=', '||=',
                      '??=', '=>', '==', '!=', '<=', '>=', '&&', '||', '??', '?.', '++', '--',
                      '+=', '-=', '*=', '/=', '%=', '&=', '|=', '^=', '<<', '>>', '**'];

// Tokens of src from offset `start`, until `stop(token)` returns true (that
// token included; its index is the second argument) or the source ends. Comments and whitespace are skipped.
function tokenize(src, start, stop) {
  const tokens = [];
  let i = start;
  const len = src.length;
  while (i < len) {
    const c = src.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 11 || c === 12 || c === 0xa0 ||
        c === 0xfeff || c === 0x2028 || c === 0x2029) {
      i++;
      continue;
    }
    if (c === 47 && src.charCodeAt(i + 1) === 47) {
      while (i < len && src.charCodeAt(i) !== 10) i++;
      continue;
    }
    if (c === 47 && src.charCodeAt(i + 1) === 42) {
      const endComment = src.indexOf('*/', i + 2);
      i = endComment === -1 ? len : endComment + 2;
      continue;
    }
    let token;
    if (c === 39 || c === 34) {
      token = { type: kLiteral, value: '', start: i, end: skipString(src, i, c) };
    } else if (c === 96) {
      token = { type: kTemplate, value: '', start: i, end: skipTemplate(src, i) };
    } else if (c === 47 && regexAllowed(tokens[tokens.length - 1])) {
      token = { type: kLiteral, value: '', start: i, end: skipRegExp(src, i) };
    } else if ((c >= 48 && c <= 57) ||
               (c === 46 && src.charCodeAt(i + 1) >= 48 && src.charCodeAt(i + 1) <= 57)) {
      let j = i + 1;
      while (j < len) {
        const d = src.charCodeAt(j);
        if (isIdentChar(d) || d === 46) {
          j++;
        } else if ((d === 43 || d === 45) &&
                   (src[j - 1] === 'e' || src[j - 1] === 'E') && src[i + 1] !== 'x' &&
                   src[i + 1] !== 'X') {
          j++;
        } else {
          break;
        }
      }
      token = { type: kLiteral, value: '', start: i, end: j };
    } else if (isIdentChar(c) || c === 35) {
      let j = i + 1;
      while (j < len && isIdentChar(src.charCodeAt(j))) j++;
      token = { type: kName, value: src.slice(i, j), start: i, end: j };
    } else {
      let value = src[i];
      for (let k = 0; k < kPunctuators.length; k++) {
        const p = kPunctuators[k];
        if (src.startsWith(p, i)) {
          // `a?.5:b` is a conditional, not optional chaining.
          if (p === '?.' && src.charCodeAt(i + 2) >= 48 && src.charCodeAt(i + 2) <= 57) continue;
          value = p;
          break;
        }
      }
      token = { type: kPunct, value, start: i, end: i + value.length };
    }
    tokens[tokens.length] = token;
    i = token.end;
    if (stop(token, tokens.length - 1)) break;
  }
  return tokens;
}

const kClosers = { __proto__: null, ')': '(', ']': '[', '}': '{' };

// The index of the token opening the group that tokens[close] closes.
function findOpener(tokens, close) {
  const closer = tokens[close].value;
  const opener = kClosers[closer];
  let depth = 0;
  for (let i = close; i >= 0; i--) {
    const v = tokens[i].type === kPunct ? tokens[i].value : '';
    if (v === closer) depth++;
    else if (v === opener && --depth === 0) return i;
  }
  return -1;
}

// Whether a token can be the end of an expression that a following `[...]`,
// `(...)` or template applies to.
function endsOperand(token) {
  if (token === undefined) return false;
  if (token.type === kName) return !kOperatorKeywords.has(token.value);
  if (token.type === kPunct) return token.value === ')' || token.value === ']';
  return true;
}

// The offset where the callee ending at tokens[last] starts: a member chain
// such as a.b['c'](x).d, limited to the tokens read (the call's line on).
function calleeStart(tokens, last) {
  let j = last;
  while (j >= 0) {
    const token = tokens[j];
    let first;
    if (token.type === kPunct && (token.value === ')' || token.value === ']')) {
      first = findOpener(tokens, j);
      if (first === -1) return -1;
      if (endsOperand(tokens[first - 1])) {
        // A call or an element access on what precedes.
        j = first - 1;
        continue;
      }
    } else if (token.type === kName || token.type === kLiteral || token.type === kTemplate) {
      if (token.type === kTemplate && endsOperand(tokens[j - 1])) {
        j--;
        continue;
      }
      first = j;
    } else {
      return -1;
    }
    const prev = tokens[first - 1];
    if (prev !== undefined && prev.type === kPunct && (prev.value === '.' || prev.value === '?.') &&
        endsOperand(tokens[first - 2])) {
      j = first - 2;
      continue;
    }
    return tokens[first].start;
  }
  return -1;
}

// The source of the call whose callee ends at offset `pos` (where
// JavaScriptCore places a call's position), as [start, end] offsets.
function findCall(src, lineStart, pos) {
  let depth = 0;
  let open = -1;
  const tokens = tokenize(src, lineStart, (token, index) => {
    if (open === -1) {
      if (token.start < pos) return false;
      if (token.type === kPunct && token.value === '?.') return false;
      if (token.type === kTemplate) return true;
      if (token.type !== kPunct || token.value !== '(') return true;
      open = index;
    }
    if (token.type !== kPunct) return false;
    const v = token.value;
    if (v === '(' || v === '[' || v === '{') depth++;
    else if (v === ')' || v === ']' || v === '}') return --depth === 0;
    return false;
  });
  const lastToken = tokens[tokens.length - 1];
  let calleeEnd;
  if (open !== -1) {
    if (depth !== 0) return null;
    calleeEnd = open - 1;
    if (tokens[calleeEnd] !== undefined && tokens[calleeEnd].value === '?.' &&
        tokens[calleeEnd].type === kPunct) {
      calleeEnd--;
    }
  } else if (lastToken !== undefined && lastToken.type === kTemplate && lastToken.start >= pos) {
    calleeEnd = tokens.length - 2;
  } else {
    return null;
  }
  if (calleeEnd < 0) return null;
  const start = calleeStart(tokens, calleeEnd);
  if (start === -1) return null;
  return [start, lastToken.end];
}

function escapeControl(str) {
  // eslint-disable-next-line no-control-regex
  return str.replace(/[\x00-\x08\x0b\x0c\x0e-\x1f]/g, (ch) => {
    if (ch === '\b') return '\\b';
    if (ch === '\f') return '\\f';
    return `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}

function lineOffset(src, line) {
  let offset = 0;
  for (let n = 1; n < line; n++) {
    offset = src.indexOf('\n', offset);
    if (offset === -1) return -1;
    offset++;
  }
  return offset;
}

// The message for a falsy assert.ok() call at file:line:column, or undefined.
function sourceMessage(file, line, column) {
  const path = toPath(file);
  if (path === null) return undefined;
  let src;
  try {
    src = require('fs').readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
  const lineStart = lineOffset(src, line);
  if (lineStart === -1) return undefined;
  let range = findCall(src, lineStart, lineStart + column - 1);
  if (range === null && line === 1) {
    // The first line may carry the module wrapper in front of the code.
    const shift = firstLineShift();
    if (shift > 0 && column - 1 - shift >= 0) {
      range = findCall(src, 0, column - 1 - shift);
    }
  }
  if (range === null) return undefined;
  const startColumn = range[0] - lineStart;
  let code = escapeControl(src.slice(range[0], range[1]));
  // Re-indent continuation lines relative to the start of the call.
  if (code.includes('\n')) {
    const lines = code.split('\n');
    code = lines[0];
    for (let i = 1; i < lines.length; i++) {
      const frame = lines[i];
      let pos = 0;
      while (pos < startColumn && (frame[pos] === ' ' || frame[pos] === '\t')) pos++;
      code += `\n  ${frame.slice(pos)}`;
    }
  }
  return `The expression evaluated to a falsy value:\n\n  ${code}\n`;
}

// The length of what the CommonJS loader puts before the first source line,
// when it wraps the module on that line.
function firstLineShift() {
  try {
    const wrapper = require('module').wrapper;
    if (Array.isArray(wrapper) && typeof wrapper[0] === 'string') return wrapper[0].length;
  } catch {
    // No loader information: the columns are taken as they are.
  }
  return 0;
}

function getErrMessage(fn) {
  const site = captureCallSite(fn);
  if (site === null) return undefined;
  const key = `${site.file}\n${site.line}\n${site.column}`;
  if (errorCache.has(key)) return errorCache.get(key);
  let message;
  try {
    message = sourceMessage(site.file, site.line, site.column);
  } catch {
    message = undefined;
  }
  errorCache.set(key, message);
  return message;
}

function innerOk(fn, argLen, value, message) {
  if (!value) {
    let generatedMessage = false;
    if (argLen === 0) {
      generatedMessage = true;
      message = 'No value argument passed to `assert.ok()`';
    } else if (message == null) {
      generatedMessage = true;
      message = getErrMessage(fn);
    } else if (isError(message)) {
      throw message;
    }
    const err = new AssertionError({
      actual: value,
      expected: true,
      message,
      operator: '==',
      stackStartFn: fn,
    });
    err.generatedMessage = generatedMessage;
    throw err;
  }
}

module.exports = {
  innerOk,
  isError,
  // For tests of the call-site reader.
  findCall,
  parseTopFrame,
};
