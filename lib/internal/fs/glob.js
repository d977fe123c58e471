'use strict';
// fs.glob, fs.globSync and fsPromises.glob: minimatch-style patterns (`*`, `**`, `?`,
// `[...]`, `{a,b}`; a backslash separates segments, as in node; names starting with `.`
// only match a pattern segment that starts with `.`) matched by one depth-first walk from
// cwd (and one from `/` for absolute patterns). Within a directory, matching non-directories come before directories, each
// directory followed by what matches inside it; `**` does not enter symbolic links.

const {
  codes: { ERR_INVALID_ARG_TYPE },
} = require('internal/errors');
const { validateFunction, validateObject } = require('internal/validators');

const path = require('path');
const { DirentFromStats } = require('internal/fs/utils');

let lazyFs;
const fs = () => (lazyFs ??= require('fs'));

const GLOBSTAR = Symbol('globstar');

// ---- patterns ----

// 'a{b,c{d,e}}f' -> ['abf', 'acdf', 'acef']; unbalanced braces stay literal.
function expandBraces(pattern) {
  let depth = 0;
  let open = -1;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '{') {
      if (depth++ === 0) open = i;
    } else if (c === '}' && depth > 0 && --depth === 0) {
      const alternatives = splitTopLevel(pattern.slice(open + 1, i));
      if (alternatives.length < 2) continue;
      const head = pattern.slice(0, open);
      const tail = expandBraces(pattern.slice(i + 1));
      const out = [];
      for (const alt of alternatives) {
        for (const a of expandBraces(alt)) {
          for (const t of tail) out.push(head + a + t);
        }
      }
      return out;
    }
  }
  return [pattern];
}

function splitTopLevel(body) {
  const parts = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === '{') depth++;
    else if (c === '}') depth--;
    else if (c === ',' && depth === 0) {
      parts.push(body.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(body.slice(start));
  return parts;
}

const kRegExpSpecial = /[\\^$.*+?()[\]{}|/]/;

// One path segment: GLOBSTAR, a literal name, or { re, dot }.
function compileSegment(seg) {
  if (seg === '**') return GLOBSTAR;
  if (!/[*?[]/.test(seg)) return seg;
  let src = '';
  let magic = false;
  let literal = '';
  for (let i = 0; i < seg.length; i++) {
    const c = seg[i];
    if (c === '*') {
      magic = true;
      src += '[^/]*';
    } else if (c === '?') {
      magic = true;
      src += '[^/]';
    } else if (c === '[') {
      const end = classEnd(seg, i);
      if (end === -1) {
        literal += c;
        src += '\\[';
        continue;
      }
      magic = true;
      let body = seg.slice(i + 1, end);
      let negate = false;
      if (body[0] === '!' || body[0] === '^') {
        negate = true;
        body = body.slice(1);
      }
      body = body.replace(/[\]^]/g, '\\$&');
      src += '[' + (negate ? '^/' : '') + body + ']';
      i = end;
    } else {
      literal += c;
      src += kRegExpSpecial.test(c) ? '\\' + c : c;
    }
  }
  if (!magic) return literal;
  return { re: new RegExp('^' + src + '$', 's'), dot: seg[0] === '.' };
}

// The index of the `]` closing the class opened at `start`, or -1.
function classEnd(seg, start) {
  let i = start + 1;
  if (seg[i] === '!' || seg[i] === '^') i++;
  if (seg[i] === ']') i++;
  for (; i < seg.length; i++) {
    if (seg[i] === ']') return i;
  }
  return -1;
}

function matchSegment(m, name) {
  if (typeof m === 'string') return m === name;
  if (name[0] === '.' && !m.dot) return false;
  return m.re.test(name);
}

function parsePattern(pattern) {
  // As in node, a backslash separates path segments (no escapes).
  pattern = pattern.replace(/\\/g, '/');
  const absolute = pattern[0] === '/';
  const dirOnly = pattern.length > 1 && pattern[pattern.length - 1] === '/';
  const segs = [];
  for (const s of pattern.split('/')) {
    if (s === '' || s === '.') continue;
    const last = segs[segs.length - 1];
    if (s === '..' && typeof last === 'string' && last !== '..') {
      segs.pop();
      continue;
    }
    if (s === '**' && last === GLOBSTAR) continue;
    segs.push(compileSegment(s));
  }
  return { absolute, dirOnly, segs };
}

// ---- matching a whole path (exclude patterns) ----

function matchPath(segs, parts, si = 0, pi = 0) {
  for (; si < segs.length; si++, pi++) {
    const seg = segs[si];
    if (seg === GLOBSTAR) {
      for (let k = pi; k <= parts.length; k++) {
        if (k > pi && parts[k - 1][0] === '.') return false;
        if (matchPath(segs, parts, si + 1, k)) return true;
      }
      return false;
    }
    if (pi >= parts.length || !matchSegment(seg, parts[pi])) return false;
  }
  return pi === parts.length;
}

// ---- the walk ----

// Adds the positions a globstar can skip to (it may match no segment at all).
function closure(patterns, positions) {
  const out = [];
  const seen = new Set();
  const add = (p, s) => {
    const key = p * 65536 + s;
    if (seen.has(key)) return;
    seen.add(key);
    out.push([p, s]);
    if (patterns[p].segs[s] === GLOBSTAR) add(p, s + 1);
  };
  for (const [p, s] of positions) add(p, s);
  return out;
}

function isComplete(patterns, positions, isDir) {
  for (const [p, s] of positions) {
    if (s === patterns[p].segs.length && (isDir || !patterns[p].dirOnly)) return true;
  }
  return false;
}

function readEntries(dir) {
  try {
    return fs().readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
}

function statDir(path) {
  try {
    return fs().statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function joinPath(dir, name) {
  if (dir === '') return name;
  if (dir === '/') return '/' + name;
  return dir + '/' + name;
}

class Walker {
  constructor(patterns, cwd, cwdOption, exclude, withFileTypes) {
    this.patterns = patterns;
    this.cwd = cwd;
    this.cwdOption = cwdOption;
    this.exclude = exclude;
    this.withFileTypes = withFileTypes;
    this.emitted = new Set();
    this.lastRel = undefined;
    this.lastDirent = undefined;
  }

  fsPath(rel) {
    if (rel[0] === '/') return rel;
    return rel === '' ? this.cwd : this.cwd + '/' + rel;
  }

  // The result for rel (a path relative to cwd, or absolute): the path, or with
  // withFileTypes a Dirent (undefined when the entry has gone). The last Dirent is kept, as
  // an exclude function and then the result ask for the same entry.
  result(rel, name) {
    if (!this.withFileTypes) return rel === '' ? '.' : rel;
    if (this.lastRel === rel) return this.lastDirent;
    let dirent;
    try {
      const stats = fs().lstatSync(this.fsPath(rel));
      // As in node: the directory of the result joined to the cwd option as given.
      const full = rel[0] === '/' ? rel : path.join(this.cwdOption ?? '.', rel);
      dirent = new DirentFromStats(name, stats, path.dirname(full));
    } catch {
      dirent = undefined;
    }
    this.lastRel = rel;
    this.lastDirent = dirent;
    return dirent;
  }

  excluded(rel, name) {
    const exclude = this.exclude;
    if (exclude === undefined) return false;
    if (typeof exclude === 'function') {
      if (this.withFileTypes) {
        const d = this.result(rel, name);
        return d !== undefined && exclude(d);
      }
      return exclude(rel === '' ? '.' : rel);
    }
    const parts = rel.split('/').filter((s) => s !== '');
    return exclude.some((e) => matchPath(e.segs, parts));
  }

  * emit(rel, name) {
    const key = rel === '' ? '.' : rel;
    if (this.emitted.has(key)) return;
    this.emitted.add(key);
    const r = this.result(rel, name);
    if (r !== undefined) yield r;
  }

  * run(rootRel, indices) {
    const start = closure(this.patterns, indices.map((p) => [p, 0]));
    const rootName = rootRel === '/' ? '/' : '.';
    if (isComplete(this.patterns, start, true) && !this.excluded(rootRel, rootName)) {
      yield* this.emit(rootRel, rootName);
    }
    yield* this.visit(rootRel, start);
  }

  // Visits directory rel with the pattern positions still open there.
  * visit(rel, positions) {
    const patterns = this.patterns;
    const open = positions.filter(([p, s]) => s < patterns[p].segs.length);
    if (open.length === 0) return;
    const literalOnly = open.every(([p, s]) => typeof patterns[p].segs[s] === 'string');
    let entries;
    if (literalOnly) {
      entries = [];
      for (const [p, s] of open) {
        const name = patterns[p].segs[s];
        if (entries.some((e) => e.name === name)) continue;
        const full = this.fsPath(joinPath(rel, name));
        let st;
        try {
          st = fs().lstatSync(full);
        } catch {
          continue;
        }
        entries.push({ name, dir: st.isDirectory(), link: st.isSymbolicLink() });
      }
    } else {
      entries = readEntries(this.fsPath(rel)).map((d) => ({
        name: d.name, dir: d.isDirectory(), link: d.isSymbolicLink(),
      }));
      for (const [p, s] of open) {
        if (patterns[p].segs[s] === '..' && !entries.some((e) => e.name === '..')) {
          entries.push({ name: '..', dir: true, link: false });
        }
      }
    }
    const later = [];
    for (const e of entries) {
      const named = [];
      const stay = [];
      for (const [p, s] of open) {
        const seg = patterns[p].segs[s];
        if (seg === GLOBSTAR) {
          // `**` matches any name not starting with a dot.
          if (e.name[0] !== '.') stay.push([p, s]);
        } else if (matchSegment(seg, e.name)) {
          named.push([p, s + 1]);
        }
      }
      if (named.length === 0 && stay.length === 0) continue;
      const childRel = joinPath(rel, e.name);
      if (this.excluded(childRel, e.name)) continue;
      const matched = isComplete(patterns, closure(patterns, [...named, ...stay]), e.dir);
      // `**` goes on into real directories only; a named segment may follow a link.
      const inside = e.dir ? closure(patterns, [...named, ...stay]) :
        e.link && named.length > 0 && statDir(this.fsPath(childRel)) ?
          closure(patterns, named) : null;
      if (inside === null) {
        if (matched) yield* this.emit(childRel, e.name);
      } else {
        later.push([e, childRel, matched, inside]);
      }
    }
    for (const [e, childRel, matched, inside] of later) {
      if (matched) yield* this.emit(childRel, e.name);
      yield* this.visit(childRel, inside);
    }
  }
}

// ---- the API ----

function validatePatterns(patterns) {
  if (typeof patterns === 'string') return [patterns];
  if (Array.isArray(patterns) && patterns.every((p) => typeof p === 'string')) return patterns;
  throw new ERR_INVALID_ARG_TYPE('patterns', 'string', patterns);
}

function prepare(pattern, options) {
  const list = validatePatterns(pattern);
  if (options === undefined || options === null) options = {};
  validateObject(options, 'options');
  let cwdOption = options.cwd;
  if (cwdOption instanceof URL) cwdOption = require('internal/url').fileURLToPath(cwdOption);
  if (cwdOption !== undefined && typeof cwdOption !== 'string') {
    throw new ERR_INVALID_ARG_TYPE('options.cwd', ['string', 'URL'], cwdOption);
  }
  const cwd = path.resolve(cwdOption ?? '.');
  let exclude = options.exclude;
  if (exclude !== undefined && typeof exclude !== 'function') {
    if (!Array.isArray(exclude) || !exclude.every((e) => typeof e === 'string')) {
      throw new ERR_INVALID_ARG_TYPE('options.exclude', ['function', 'string[]'], exclude);
    }
    exclude = exclude.flatMap(expandBraces).map(parsePattern);
  }
  const withFileTypes = Boolean(options.withFileTypes);
  const patterns = list.flatMap(expandBraces).map(parsePattern);
  return { patterns, cwd, cwdOption, exclude, withFileTypes };
}

function* walkAll({ patterns, cwd, cwdOption, exclude, withFileTypes }) {
  const walker = new Walker(patterns, cwd, cwdOption, exclude, withFileTypes);
  const relative = [];
  const absolute = [];
  patterns.forEach((p, i) => (p.absolute ? absolute : relative).push(i));
  if (relative.length > 0) yield* walker.run('', relative);
  if (absolute.length > 0) yield* walker.run('/', absolute);
}

function globSync(pattern, options) {
  return [...walkAll(prepare(pattern, options))];
}

function glob(pattern, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  validateFunction(callback, 'callback');
  const prepared = prepare(pattern, options);
  setImmediate(() => {
    let results;
    try {
      results = [...walkAll(prepared)];
    } catch (err) {
      callback(err);
      return;
    }
    callback(null, results);
  });
}

async function* globAsync(pattern, options) {
  const prepared = prepare(pattern, options);
  for (const entry of walkAll(prepared)) yield entry;
}

module.exports = { glob, globSync, globAsync };
