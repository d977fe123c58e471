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
  if (file.startsWith('file://')) {
    // An ES module runs as the transform's rewrite of its source: its columns
    // are the rewrite's.
    column = esmSourceColumn(src, line, column);
    if (column === -1) return undefined;
  }
  let range = findCall(src, lineStart, lineStart + column - 1);
  if (range === null && line === 1) {
    // The first line may carry the module wrapper in front of the code.
    const shift = firstLineShift();
    if (shift > 0 && column - 1 - shift >= 0) {
      range = findCall(src, 0, column - 1 - shift);
    }
  }
  if (range === null) return undefined;
  // Like node 22, a call over several lines shows its first line only.
  let end = src.indexOf('\n', range[0]);
  if (end === -1 || end > range[1]) end = range[1];
  const code = escapeControl(src.slice(range[0], end));
  return `The expression evaluated to a falsy value:\n\n  ${code}\n`;
}

// ---- columns of ES modules ----
// The ES module transform (docs/esm.md) keeps lines but rewrites references
// to imports (`x` -> `__cairn_i0.x`, a call's callee -> `(0, __cairn_i0.x)`,
// a shorthand `{ x }` -> `{ x: __cairn_i0.x }`), `import.meta` and `import()`
// (-> `__cairn_m.meta`, `__cairn_m.import`), which moves the columns after
// them. The source line's tokens are matched against the rewrite's.

// The transform's reserved prefix for this source: "__cairn_", or the first of
// "__cairn1_", "__cairn2_", ... that the source does not contain.
function esmPrefix(src) {
  if (!src.includes('__cairn_')) return '__cairn_';
  for (let n = 1; ; n++) {
    if (!src.includes(`__cairn${n}_`)) return `__cairn${n}_`;
  }
}

function isPunct(token, value) {
  return token !== undefined && token.type === kPunct && token.value === value;
}

// Skips a rewritten reference at gen[g] (`__cairn_i0`, then `.name` or
// `["name"]`); returns the index after it, or -1.
function skipReference(gen, g, prefix) {
  const t = gen[g];
  if (t === undefined || t.type !== kName || !t.value.startsWith(prefix)) return -1;
  g++;
  if (isPunct(gen[g], '.') && gen[g + 1] !== undefined && gen[g + 1].type === kName) return g + 2;
  if (isPunct(gen[g], '[') && gen[g + 1] !== undefined && isPunct(gen[g + 2], ']')) return g + 3;
  return g;
}

// The 1-based column in the source of `line` for `column` in the module's
// rewrite, or -1 when the two could not be matched.
function esmSourceColumn(src, line, column) {
  let code;
  try {
    const r = internalBinding('module_wrap').transform(src, 0);
    if (!Array.isArray(r) || typeof r[0] !== 'string') return -1;
    code = r[0];
  } catch {
    return -1;
  }
  let genStart = lineOffset(code, line);
  const srcStart = lineOffset(src, line);
  if (genStart === -1 || srcStart === -1) return -1;
  const genEol = code.indexOf('\n', genStart);
  const srcEol = src.indexOf('\n', srcStart);
  let pos = genStart + column - 1;
  if (line === 1) {
    // Stacks shift the first line's columns back by its growth (the loader
    // takes it all for the prologue, which ends with ");yield;").
    pos += (genEol === -1 ? code.length : genEol) - (srcEol === -1 ? src.length : srcEol);
    const end = code.indexOf(');yield;');
    if (end === -1) return -1;
    genStart = end + 8;
  }
  const genLine = code.slice(0, genEol === -1 ? code.length : genEol);
  const srcLine = src.slice(0, srcEol === -1 ? src.length : srcEol);
  const gen = tokenize(genLine, genStart, (t) => t.start >= pos);
  const orig = tokenize(srcLine, srcStart, () => false);
  const prefix = esmPrefix(src);
  let g = 0;
  let o = 0;
  while (g < gen.length) {
    const gt = gen[g];
    const ot = orig[o];
    if (gt.start >= pos) {
      return (ot === undefined ? srcLine.length : ot.start) - (gt.start - pos) - srcStart + 1;
    }
    if (ot === undefined) return -1;
    // `(0, __cairn_i0.x)` for a callee `x`.
    if (isPunct(gt, '(') && !isPunct(ot, '(') && gen[g + 1]?.type === kLiteral &&
        genLine[gen[g + 1].start] === '0' && isPunct(gen[g + 2], ',')) {
      const after = skipReference(gen, g + 3, prefix);
      if (after === -1 || !isPunct(gen[after], ')')) return -1;
      g = after + 1;
      o++;
      continue;
    }
    // `{ x }` -> `{ x: __cairn_i0.x }`: the shorthand's rewrite has no source.
    if (isPunct(gt, ':') && !isPunct(ot, ':')) {
      const after = skipReference(gen, g + 1, prefix);
      if (after === -1) return -1;
      g = after;
      continue;
    }
    if (gt.type === kName && gt.value.startsWith(prefix)) {
      // `import.meta` is three source tokens, `import(...)`'s callee one.
      const next = ot.value === 'import' && isPunct(orig[o + 1], '.') &&
        orig[o + 2]?.value === 'meta' ? o + 3 : o + 1;
      // The binding object alone (a namespace) or with the imported name
      // (`ns.x` and a default import `x` may both read `__cairn_i0.x`): the
      // source's own `.x` tells.
      const full = skipReference(gen, g, prefix);
      const short = full === g + 3 && isPunct(orig[next], '.') &&
        orig[next + 1]?.value === gen[g + 2].value;
      g = short ? g + 1 : full;
      o = next;
      continue;
    }
    // A removed import declaration or `export` keyword left a `;`.
    if (ot.type === kName && ot.value === 'import' && !isPunct(orig[o + 1], '.') &&
        !isPunct(orig[o + 1], '(') && isPunct(gt, ';')) {
      o = skipImportDeclaration(orig, o);
      if (o === -1) return -1;
      g++;
      continue;
    }
    if (ot.type === kName && ot.value === 'export' && gt.value !== 'export' &&
        orig[o + 1]?.type === kName && kExportedDeclarations.has(orig[o + 1].value)) {
      if (isPunct(gt, ';')) g++;
      o++;
      continue;
    }
    if (!sameToken(gt, ot, Infinity)) return -1;
    g++;
    o++;
  }
  return -1;
}

const kExportedDeclarations = new Set(['const', 'let', 'var', 'function', 'class', 'async']);

// Whether a token of the rewrite is the same as one of the source (or lies at
// or past `pos`, where matching stops).
function sameToken(gt, ot, pos) {
  if (gt === undefined || ot === undefined) return gt === ot || (gt !== undefined && gt.start >= pos);
  if (gt.start >= pos) return true;
  return gt.type === ot.type && gt.end - gt.start === ot.end - ot.start &&
    (gt.type === kLiteral || gt.type === kTemplate || gt.value === ot.value);
}

// The index of the token after the import declaration at tokens[i] (its module
// specifier, attributes and `;`), or -1.
function skipImportDeclaration(tokens, i) {
  while (i < tokens.length && tokens[i].type !== kLiteral) i++;
  if (i === tokens.length) return -1;
  i++;
  if (tokens[i]?.type === kName && (tokens[i].value === 'with' || tokens[i].value === 'assert') &&
      isPunct(tokens[i + 1], '{')) {
    i += 2;
    while (i < tokens.length && !isPunct(tokens[i], '}')) i++;
    if (i === tokens.length) return -1;
    i++;
  }
  if (isPunct(tokens[i], ';')) i++;
  return i;
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
