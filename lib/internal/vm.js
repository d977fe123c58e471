'use strict';
// Timeouts for node:vm. JavaScriptCore can only stop running code by
// terminating everything up to the outermost entry into the engine (the whole
// program's current turn), while node throws a catchable
// ERR_SCRIPT_EXECUTION_TIMEOUT from runInContext(). So a script run with a
// timeout gets a call to a check function in the condition of each `while`
// and `for` loop (the only way code runs forever without recursing); the
// check throws once the deadline has passed. The engine's watchdog stays
// armed behind it (at a later deadline) for code the check cannot reach.

const kTickName = '__cairnVmTick__';

// Keywords after which a `/` starts a regular expression.
const kRegexAfterWord = new Set([
  'return', 'typeof', 'instanceof', 'in', 'of', 'new', 'delete', 'void',
  'throw', 'case', 'do', 'else', 'yield', 'await',
]);
const kBlockAfterWord = new Set(['else', 'try', 'finally', 'do']);

const kPunctuators = [
  '>>>=', '...', '===', '!==', '**=', '<<=', '>>=', '>>>', '&&=', '||=', '??=',
  '=>', '==', '!=', '<=', '>=', '&&', '||', '??', '?.', '++', '--', '+=', '-=',
  '*=', '/=', '%=', '&=', '|=', '^=', '**', '<<', '>>',
];

const reIdent = /(?:[\p{ID_Continue}$\u200c\u200d#]|\\u[0-9a-fA-F]{4}|\\u\{[0-9a-fA-F]+\})+/uy;
const reNumber = /(?:0[xXoObB][\da-fA-F_]+n?|(?:\d[\d_]*\.?[\d_]*|\.\d[\d_]*)(?:[eE][+-]?\d[\d_]*)?n?)/y;
const reSpace = /(?:\s|\/\/[^\n\r\u2028\u2029]*|\/\*[\s\S]*?\*\/)+/y;
const reIdentStart = /[\p{ID_Start}$_\\#]/u;

// Splits source into tokens: { t: 'name'|'num'|'str'|'tpl'|'re'|'p', v, s, e }
// (kind, text for names and punctuators, start and end offsets). Returns null
// on input it cannot follow (an unterminated string, comment or template).
function tokenize(src) {
  const toks = [];
  // One entry per open `{` or `${`: true when it opened a template substitution.
  const braces = [];
  // For each open `(`: the word before it (to know if a `/` after `)` is a regex).
  const parens = [];
  let i = 0;
  const n = src.length;
  if (src.startsWith('#!')) {
    const nl = src.indexOf('\n');
    i = nl === -1 ? n : nl;
  }
  let lastParenWord;

  function regexAllowed() {
    const last = toks[toks.length - 1];
    if (last === undefined) return true;
    if (last.t === 'name') return kRegexAfterWord.has(last.v);
    if (last.t !== 'p') return false;
    if (last.v === ']') return false;
    if (last.v === ')') {
      return lastParenWord === 'if' || lastParenWord === 'while' ||
        lastParenWord === 'for' || lastParenWord === 'with';
    }
    return true;
  }

  // Scans template characters from i (just after ` or }) to the closing ` or
  // to a `${`; returns false if the template never ends.
  function templatePart() {
    for (; i < n; i++) {
      const c = src[i];
      if (c === '\\') {
        i++;
      } else if (c === '`') {
        i++;
        return true;
      } else if (c === '$' && src[i + 1] === '{') {
        i += 2;
        braces.push(true);
        return true;
      }
    }
    return false;
  }

  while (i < n) {
    reSpace.lastIndex = i;
    if (reSpace.test(src)) {
      i = reSpace.lastIndex;
      if (i >= n) break;
    }
    if (src.startsWith('/*', i)) return null;  // unterminated comment
    const s = i;
    const c = src[i];
    if (c === '"' || c === '\'') {
      for (i++; i < n && src[i] !== c; i++) {
        if (src[i] === '\\') i++;
        else if (src[i] === '\n') return null;
      }
      if (i >= n) return null;
      i++;
      toks.push({ t: 'str', s, e: i });
      continue;
    }
    if (c === '`') {
      i++;
      if (!templatePart()) return null;
      toks.push({ t: 'tpl', s, e: i });
      continue;
    }
    if (c === '}' && braces.length > 0 && braces[braces.length - 1] === true) {
      braces.pop();
      i++;
      if (!templatePart()) return null;
      toks.push({ t: 'tpl', s, e: i });
      continue;
    }
    if ((c >= '0' && c <= '9') || (c === '.' && src[i + 1] >= '0' && src[i + 1] <= '9')) {
      reNumber.lastIndex = i;
      if (reNumber.test(src)) {
        i = reNumber.lastIndex;
        toks.push({ t: 'num', s, e: i });
        continue;
      }
    }
    if (reIdentStart.test(c)) {
      reIdent.lastIndex = i;
      if (reIdent.test(src)) {
        i = reIdent.lastIndex;
        toks.push({ t: 'name', v: src.slice(s, i), s, e: i });
        continue;
      }
    }
    if (c === '/' && regexAllowed()) {
      let inClass = false;
      for (i++; i < n; i++) {
        const d = src[i];
        if (d === '\\') i++;
        else if (d === '\n') return null;
        else if (d === '[') inClass = true;
        else if (d === ']') inClass = false;
        else if (d === '/' && !inClass) break;
      }
      if (i >= n) return null;
      i++;
      reIdent.lastIndex = i;
      if (reIdent.test(src)) i = reIdent.lastIndex;  // flags
      toks.push({ t: 're', s, e: i });
      continue;
    }
    let v = c;
    for (const p of kPunctuators) {
      if (src.startsWith(p, i)) {
        v = p;
        break;
      }
    }
    i += v.length;
    if (v === '{') {
      braces.push(false);
    } else if (v === '}') {
      braces.pop();
    } else if (v === '(') {
      const last = toks[toks.length - 1];
      parens.push(last !== undefined && last.t === 'name' ? last.v : undefined);
    } else if (v === ')') {
      lastParenWord = parens.pop();
    }
    toks.push({ t: 'p', v, s, e: i });
  }
  return toks;
}

function isPunc(tok, v) {
  return tok !== undefined && tok.t === 'p' && tok.v === v;
}

// The index of the token closing the bracket opened at toks[open], or -1.
function matching(toks, open) {
  const o = toks[open].v;
  const c = o === '(' ? ')' : o === '[' ? ']' : '}';
  let depth = 0;
  for (let k = open; k < toks.length; k++) {
    const t = toks[k];
    if (t.t !== 'p') continue;
    if (t.v === '(' || t.v === '[' || t.v === '{') depth++;
    else if (t.v === ')' || t.v === ']' || t.v === '}') {
      depth--;
      if (depth === 0) return t.v === c ? k : -1;
    }
  }
  return -1;
}

// What each `{` opens: 'block', 'object' (literal) or 'class' (body).
function braceKinds(toks) {
  const kinds = new Map();
  let pendingClass = -1;  // bracket depth at a `class` keyword waiting for its body
  let depth = 0;
  for (let k = 0; k < toks.length; k++) {
    const t = toks[k];
    if (t.t === 'name' && t.v === 'class') {
      const prev = toks[k - 1];
      if (!isPunc(prev, '.') && !isPunc(prev, '?.')) pendingClass = depth;
      continue;
    }
    if (t.t !== 'p') continue;
    if (t.v === '{') {
      let kind;
      const prev = toks[k - 1];
      if (pendingClass === depth) {
        kind = 'class';
        pendingClass = -1;
      } else if (prev === undefined || (prev.t === 'p' &&
        (prev.v === ')' || prev.v === '=>' || prev.v === ';' || prev.v === '{' ||
         prev.v === '}'))) {
        kind = 'block';
      } else if (prev.t === 'name') {
        kind = kBlockAfterWord.has(prev.v) || !kRegexAfterWord.has(prev.v) ? 'block' : 'object';
        if (prev.v === 'return' || prev.v === 'case' || prev.v === 'yield' ||
            prev.v === 'await' || prev.v === 'typeof' || prev.v === 'void' ||
            prev.v === 'in' || prev.v === 'of' || prev.v === 'new' || prev.v === 'throw' ||
            prev.v === 'delete' || prev.v === 'instanceof') {
          kind = 'object';
        }
      } else {
        kind = 'object';
      }
      kinds.set(k, kind);
      depth++;
    } else if (t.v === '(' || t.v === '[') {
      depth++;
    } else if (t.v === '}' || t.v === ')' || t.v === ']') {
      depth--;
    }
  }
  return kinds;
}

// The kind of the innermost `{` enclosing toks[at].
function enclosingKind(toks, kinds, at) {
  let depth = 0;
  for (let k = at - 1; k >= 0; k--) {
    const t = toks[k];
    if (t.t !== 'p') continue;
    if (t.v === '}' || t.v === ')' || t.v === ']') depth++;
    else if (t.v === '(' || t.v === '[') depth--;
    else if (t.v === '{') {
      if (depth === 0) return kinds.get(k);
      depth--;
    }
  }
  return 'block';
}

// The source with a check call added to each loop condition, or null when the
// source cannot be followed (the caller then runs it unchanged).
function instrumentLoops(src) {
  const toks = tokenize(src);
  if (toks === null) return null;
  const inserts = [];  // [offset, text]
  let kinds;
  for (let k = 0; k < toks.length; k++) {
    const t = toks[k];
    if (t.t !== 'name' || (t.v !== 'while' && t.v !== 'for')) continue;
    const prev = toks[k - 1];
    if (isPunc(prev, '.') || isPunc(prev, '?.')) continue;
    const open = k + 1;
    if (!isPunc(toks[open], '(')) continue;
    const close = matching(toks, open);
    if (close === -1) return null;
    if (isPunc(toks[close + 1], '{')) {
      // `while (...) {` is also the shape of a method named `while`.
      kinds ??= braceKinds(toks);
      const kind = enclosingKind(toks, kinds, k);
      if (kind === 'class' || kind === 'object') continue;
    }
    if (t.v === 'while') {
      inserts.push([toks[open].e, `${kTickName}() && (`], [toks[close].s, ')']);
      continue;
    }
    const semis = [];
    let depth = 0;
    for (let j = open + 1; j < close; j++) {
      const u = toks[j];
      if (u.t !== 'p') continue;
      if (u.v === '(' || u.v === '[' || u.v === '{') depth++;
      else if (u.v === ')' || u.v === ']' || u.v === '}') depth--;
      else if (u.v === ';' && depth === 0) semis.push(j);
    }
    if (semis.length !== 2) continue;  // for-in / for-of
    const [a, b] = semis;
    if (b === a + 1) {
      inserts.push([toks[a].e, ` ${kTickName}()`]);
    } else {
      inserts.push([toks[a].e, ` ${kTickName}() && (`], [toks[b].s, ')']);
    }
  }
  if (inserts.length === 0) return src;
  inserts.sort((x, y) => x[0] - y[0]);
  let out = '';
  let pos = 0;
  for (const [at, text] of inserts) {
    out += src.slice(pos, at) + text;
    pos = at;
  }
  return out + src.slice(pos);
}

// ---- deadlines ----

// Active timed runs, outermost first: { deadline, timedOut }.
const frames = [];
let countdown = 0;
let anyTimedOut = false;
const kTimedOut = Symbol('kTimedOut');

function tick() {
  if (frames.length === 0) return true;
  // Once a run has timed out every check throws, so that no catch inside the
  // script can keep it going.
  if (--countdown > 0 && !anyTimedOut) return true;
  countdown = 16;
  const now = Date.now();
  for (let i = 0; i < frames.length; i++) {
    const f = frames[i];
    if (f.timedOut || now >= f.deadline) {
      f.timedOut = true;
      anyTimedOut = true;
      throw kTimedOut;
    }
  }
  return true;
}

const installed = new WeakSet();

// Makes the check function a global of `global` (once).
function installTick(global) {
  if (installed.has(global)) return;
  installed.add(global);
  try {
    Object.defineProperty(global, kTickName, {
      __proto__: null, value: tick, writable: false, enumerable: false, configurable: false,
    });
  } catch {
    // A frozen global: the watchdog alone applies.
  }
}

// Runs run() (which evaluates code made by instrumentLoops) under a deadline
// of `timeout` ms. Returns { value } or { timedOut: true }; other errors are
// thrown.
function withTimeout(binding, timeout, run) {
  if (binding.takeWatchdogFired()) {
    // A previous run was ended by the watchdog: its frames never unwound.
    frames.length = 0;
    anyTimedOut = false;
  }
  const frame = { deadline: Date.now() + timeout, timedOut: false };
  frames.push(frame);
  countdown = 0;
  const outermost = frames.length === 1;
  if (outermost) binding.startWatchdog(timeout * 2 + 100);
  try {
    const value = run();
    if (frame.timedOut) return { timedOut: true };
    return { value };
  } catch (err) {
    if (frame.timedOut) return { timedOut: true };
    throw err;
  } finally {
    const at = frames.lastIndexOf(frame);
    if (at !== -1) frames.length = at;
    anyTimedOut = frames.some((f) => f.timedOut);
    if (outermost) binding.stopWatchdog();
  }
}

module.exports = {
  instrumentLoops,
  installTick,
  withTimeout,
  tokenize,
  kTickName,
};
