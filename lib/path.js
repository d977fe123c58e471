'use strict';
// node:path — POSIX and Windows path manipulation, as pure string functions.
// Every function here must give node's result for every input, quirks
// included (dirname('//a') is '//', basename keeps trailing slashes when a
// suffix only partly matches, ...): the module loader and much user code
// depend on them byte for byte.

const { validateObject, validateString } = require('internal/validators');

const SLASH = 47; // '/'
const BACKSLASH = 92; // '\\'
const COLON = 58; // ':'
const DOT = 46; // '.'

function isPosixSep(code) {
  return code === SLASH;
}

function isWinSep(code) {
  return code === SLASH || code === BACKSLASH;
}

function isDriveLetter(code) {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

// The index of the first separator in path[from..] ('/' for posix, '/' or
// '\\' for win32), or path.length when there is none.
function nextSep(path, from, win) {
  if (!win) {
    const slash = path.indexOf('/', from);
    return slash === -1 ? path.length : slash;
  }
  let i = from;
  for (; i < path.length; i++) {
    const c = path.charCodeAt(i);
    if (c === SLASH || c === BACKSLASH) break;
  }
  return i;
}

// Resolves '.' and '..' segments of path[start..] and drops empty segments;
// returns the segments joined by `sep` (no leading or trailing separator).
// Without allowAboveRoot a '..' that has nothing left to remove vanishes.
// The separators are found with indexOf, not a per-character callback: the
// loader normalizes every path it resolves, and a per-character call made
// the engine's optimizing compiler run during the startup of any program.
function normalizeSegments(path, start, allowAboveRoot, sep, win) {
  const out = [];
  let ups = 0; // leading '..' entries kept in `out`
  const len = path.length;
  let i = start;
  while (i < len) {
    const c = path.charCodeAt(i);
    if (c === SLASH || (win && c === BACKSLASH)) {
      i++;
      continue;
    }
    const j = nextSep(path, i, win);
    const segLen = j - i;
    if (segLen === 1 && c === DOT) {
      // '.' is dropped.
    } else if (segLen === 2 && c === DOT && path.charCodeAt(i + 1) === DOT) {
      if (out.length > ups) {
        out.pop();
      } else if (allowAboveRoot) {
        out.push('..');
        ups++;
      }
    } else {
      out.push(path.slice(i, j));
    }
    i = j;
  }
  return out.join(sep);
}

// Where the last path segment of path[start..] lies, ignoring trailing
// separators: { segStart, segEnd }, or segEnd === -1 when there is none.
// (A plain object, not an array: destructuring an array would go through
// Array.prototype[Symbol.iterator], which user code may have replaced.)
function lastSegment(path, start, isSep) {
  let end = path.length;
  while (end > start && isSep(path.charCodeAt(end - 1))) end--;
  if (end === start) return { __proto__: null, segStart: start, segEnd: -1 };
  let begin = end;
  while (begin > start && !isSep(path.charCodeAt(begin - 1))) begin--;
  return { __proto__: null, segStart: begin, segEnd: end };
}

// The index of the extension dot in path[segStart, segEnd), or -1 when the
// segment has no extension ('.bashrc', '..', 'file').
function extDot(path, segStart, segEnd) {
  let dot = -1;
  for (let i = segEnd - 1; i >= segStart; i--) {
    if (path.charCodeAt(i) === DOT) {
      dot = i;
      break;
    }
  }
  if (dot <= segStart) return -1;
  if (segEnd - segStart === 2 && dot === segStart + 1 && path.charCodeAt(segStart) === DOT) {
    return -1;
  }
  return dot;
}

function basenameImpl(path, start, suffix, isSep) {
  const { segStart, segEnd } = lastSegment(path, start, isSep);
  if (suffix !== undefined && suffix.length > 0 && suffix.length <= path.length) {
    if (suffix === path) return '';
    // The suffix is compared from the end of the last segment backwards; if
    // the segment is used up before the suffix is (the segment is a proper
    // tail of the suffix), the result runs to the end of the whole string.
    if (segEnd === -1) return path.slice(start);
    let k = suffix.length - 1;
    let i = segEnd - 1;
    while (i >= segStart && k >= 0 && path.charCodeAt(i) === suffix.charCodeAt(k)) {
      i--;
      k--;
    }
    if (k < 0) {
      // The whole suffix matched; a segment equal to the suffix is kept.
      return i + 1 === segStart ? path.slice(segStart, segEnd) : path.slice(segStart, i + 1);
    }
    if (i < segStart) return path.slice(segStart);
    return path.slice(segStart, segEnd);
  }
  if (segEnd === -1) return '';
  return path.slice(segStart, segEnd);
}

function extnameImpl(path, start, isSep) {
  const { segStart, segEnd } = lastSegment(path, start, isSep);
  if (segEnd === -1) return '';
  const dot = extDot(path, segStart, segEnd);
  return dot === -1 ? '' : path.slice(dot, segEnd);
}

// Fills ret.base, ret.name and ret.ext from path[start..] and returns the
// start of the last segment's run of separators (for `dir`), or -1.
function parseTail(path, start, isSep, ret) {
  let end = path.length;
  while (end > start && isSep(path.charCodeAt(end - 1))) end--;
  let segStart = end;
  while (segStart > start && !isSep(path.charCodeAt(segStart - 1))) segStart--;
  if (end > start) {
    const dot = extDot(path, segStart, end);
    ret.base = path.slice(segStart, end);
    if (dot === -1) {
      ret.name = ret.base;
    } else {
      ret.name = path.slice(segStart, dot);
      ret.ext = path.slice(dot, end);
    }
  }
  return segStart > start ? segStart : -1;
}

function formatImpl(sep, pathObject) {
  validateObject(pathObject, 'pathObject');
  const dir = pathObject.dir || pathObject.root;
  let base = pathObject.base;
  if (!base) {
    const ext = pathObject.ext;
    base = `${pathObject.name || ''}${ext ? `${ext[0] === '.' ? '' : '.'}${ext}` : ''}`;
  }
  if (!dir) return base;
  return dir === pathObject.root ? `${dir}${base}` : `${dir}${sep}${base}`;
}

// ---------------------------------------------------------------- win32 ----

// The root of a Windows path: { end, device, absolute }. `device` is 'C:' or
// '\\\\server\\share' (separators normalized); `end` is where the rest starts.
function winRoot(path) {
  const len = path.length;
  if (len === 0) return { end: 0, device: '', absolute: false };
  const c0 = path.charCodeAt(0);
  if (isWinSep(c0)) {
    if (len > 1 && isWinSep(path.charCodeAt(1))) {
      // A UNC root needs a server and a share: \\server\share
      let j = 2;
      while (j < len && !isWinSep(path.charCodeAt(j))) j++;
      if (j < len && j !== 2) {
        const server = path.slice(2, j);
        while (j < len && isWinSep(path.charCodeAt(j))) j++;
        if (j < len) {
          const shareStart = j;
          while (j < len && !isWinSep(path.charCodeAt(j))) j++;
          return { end: j, device: `\\\\${server}\\${path.slice(shareStart, j)}`, absolute: true };
        }
      }
    }
    return { end: 1, device: '', absolute: true };
  }
  if (len > 1 && path.charCodeAt(1) === COLON && isDriveLetter(c0)) {
    if (len > 2 && isWinSep(path.charCodeAt(2))) {
      return { end: 3, device: path.slice(0, 2), absolute: true };
    }
    return { end: 2, device: path.slice(0, 2), absolute: false };
  }
  return { end: 0, device: '', absolute: false };
}

// The end of a '\\\\?\\' or '\\\\.\\' device namespace prefix, when something
// other than separators follows it; -1 otherwise.
function nsRootEnd(path) {
  const len = path.length;
  if (len < 5 || !isWinSep(path.charCodeAt(0)) || !isWinSep(path.charCodeAt(1)) ||
      !isWinSep(path.charCodeAt(3))) {
    return -1;
  }
  const c2 = path.charCodeAt(2);
  if (c2 !== 63 && c2 !== DOT) return -1; // '?', '.'
  let j = 4;
  while (j < len && isWinSep(path.charCodeAt(j))) j++;
  return j < len ? 4 : -1;
}

const reservedNames = /^(?:con|prn|aux|nul|com[1-9\u00b9\u00b2\u00b3]|lpt[1-9\u00b9\u00b2\u00b3])$/i;
function isReservedName(name) {
  return name.length >= 3 && name.length <= 4 && reservedNames.test(name);
}

// Whether a relative, normalized `tail` could be read by Windows as a drive
// ('c:x') or an alternate data stream root ('x:' or 'x:\\y'); such a result
// is given a leading '.\\' so it stays relative.
function mayLookRooted(path, tail) {
  let colon = path.indexOf(':');
  if (colon === -1) return false;
  if (tail.length >= 2 && isDriveLetter(tail.charCodeAt(0)) && tail.charCodeAt(1) === COLON) {
    return true;
  }
  const len = path.length;
  do {
    if (colon === len - 1 || isWinSep(path.charCodeAt(colon + 1))) return true;
    colon = path.indexOf(':', colon + 1);
  } while (colon !== -1);
  return false;
}

function driveStart(path) {
  return path.length >= 2 && path.charCodeAt(1) === COLON &&
    isDriveLetter(path.charCodeAt(0)) ? 2 : 0;
}

const win32 = {
  resolve(...args) {
    let device = '';
    let tail = '';
    let absolute = false;
    for (let i = args.length - 1; i >= -1; i--) {
      let path;
      if (i >= 0) {
        path = args[i];
        validateString(path, `paths[${i}]`);
        if (path.length === 0) continue;
      } else if (device.length === 0) {
        path = process.cwd();
      } else {
        // The current directory of another drive lives in the environment
        // variable '=C:'; fall back to that drive's root.
        path = process.env[`=${device}`] || process.cwd();
        if (path === undefined ||
            (path.slice(0, 2).toLowerCase() !== device.toLowerCase() &&
             path.charCodeAt(2) === BACKSLASH)) {
          path = `${device}\\`;
        }
      }
      const ns = nsRootEnd(path);
      const root = ns === -1 ? winRoot(path) :
        { end: ns, device: `\\\\${path[2]}`, absolute: true };
      if (root.device.length > 0) {
        if (device.length > 0) {
          if (root.device.toLowerCase() !== device.toLowerCase()) continue;
        } else {
          device = root.device;
        }
      }
      if (absolute) {
        if (device.length > 0) break;
      } else {
        tail = `${path.slice(root.end)}\\${tail}`;
        absolute = root.absolute;
        if (absolute && device.length > 0) break;
      }
    }
    tail = normalizeSegments(tail, 0, !absolute, '\\', true);
    return absolute ? `${device}\\${tail}` : `${device}${tail}` || '.';
  },

  normalize(path) {
    validateString(path, 'path');
    const len = path.length;
    if (len === 0) return '.';
    if (len === 1) return isWinSep(path.charCodeAt(0)) ? '\\' : path;
    const trailing = isWinSep(path.charCodeAt(len - 1));
    const ns = nsRootEnd(path);
    if (ns !== -1) {
      // A device namespace path ('\\\\?\\x', '\\\\.\\x'): what follows the
      // prefix is normalized as an absolute tail.
      let tail = normalizeSegments(path, ns, false, '\\', true);
      if (tail.length > 0 && trailing) tail += '\\';
      return `\\\\${path[2]}\\${tail}`;
    }
    const root = winRoot(path);
    if (root.device.length > 2 && root.end === len) {
      // Only a UNC root: it is given a trailing separator.
      return `${root.device}\\`;
    }
    let device = root.device;
    let rootEnd = root.end;
    let reserved = false;
    if (rootEnd === 0) {
      // 'CON:x' names a device: keep it a relative path, never a drive.
      // (Without a colon node tests the path minus its last character, so
      // 'CONA' counts too; kept for identical results.)
      const colon = path.indexOf(':');
      if (isReservedName(path.slice(0, colon))) {
        device = path.slice(0, colon + 1);
        rootEnd = colon + 1;
        reserved = true;
      }
    }
    let tail = rootEnd < len ?
      normalizeSegments(path, rootEnd, !root.absolute, '\\', true) : '';
    if (tail.length === 0 && !root.absolute) tail = '.';
    if (tail.length > 0 && trailing) tail += '\\';
    if (reserved) return `.\\${device}${tail}`;
    if (device.length === 0) {
      if (root.absolute) return `\\${tail}`;
      if (mayLookRooted(path, tail)) return `.\\${tail}`;
      return tail;
    }
    return root.absolute ? `${device}\\${tail}` : `${device}${tail}`;
  },

  isAbsolute(path) {
    validateString(path, 'path');
    const len = path.length;
    if (len === 0) return false;
    const c0 = path.charCodeAt(0);
    return isWinSep(c0) ||
      (len > 2 && isDriveLetter(c0) && path.charCodeAt(1) === COLON &&
       isWinSep(path.charCodeAt(2)));
  },

  join(...args) {
    if (args.length === 0) return '.';
    let joined;
    let first;
    for (let i = 0; i < args.length; ++i) {
      const arg = args[i];
      validateString(arg, 'path');
      if (arg.length > 0) {
        if (joined === undefined) joined = first = arg;
        else joined += `\\${arg}`;
      }
    }
    if (joined === undefined) return '.';
    // A joined path that starts with exactly two separators would turn into a
    // UNC root by accident ('//' + 'server'); keep it one. A first argument
    // that is itself a UNC-looking root ('//server') keeps its two.
    let needsReplace = true;
    let slashCount = 0;
    if (isWinSep(first.charCodeAt(0))) {
      ++slashCount;
      const firstLen = first.length;
      if (firstLen > 1 && isWinSep(first.charCodeAt(1))) {
        ++slashCount;
        if (firstLen > 2) {
          if (isWinSep(first.charCodeAt(2))) ++slashCount;
          else needsReplace = false;
        }
      }
    }
    if (needsReplace) {
      while (slashCount < joined.length && isWinSep(joined.charCodeAt(slashCount))) slashCount++;
      if (slashCount >= 2) joined = `\\${joined.slice(slashCount)}`;
    }
    return win32.normalize(joined);
  },

  relative(from, to) {
    validateString(from, 'from');
    validateString(to, 'to');
    if (from === to) return '';
    const fromOrig = win32.resolve(from);
    const toOrig = win32.resolve(to);
    if (fromOrig === toOrig) return '';
    from = fromOrig.toLowerCase();
    to = toOrig.toLowerCase();
    if (from === to) return '';

    // Compare without the leading and trailing separators.
    let fromStart = 0;
    while (fromStart < from.length && from.charCodeAt(fromStart) === BACKSLASH) fromStart++;
    let fromEnd = from.length;
    while (fromEnd - 1 > fromStart && from.charCodeAt(fromEnd - 1) === BACKSLASH) fromEnd--;
    const fromLen = fromEnd - fromStart;
    let toStart = 0;
    while (toStart < to.length && to.charCodeAt(toStart) === BACKSLASH) toStart++;
    let toEnd = to.length;
    while (toEnd - 1 > toStart && to.charCodeAt(toEnd - 1) === BACKSLASH) toEnd--;
    const toLen = toEnd - toStart;

    const length = fromLen < toLen ? fromLen : toLen;
    let lastCommonSep = -1;
    let i = 0;
    for (; i < length; i++) {
      const code = from.charCodeAt(fromStart + i);
      if (code !== to.charCodeAt(toStart + i)) break;
      if (code === BACKSLASH) lastCommonSep = i;
    }
    if (i !== length) {
      if (lastCommonSep === -1) return toOrig;
    } else {
      if (toLen > length) {
        if (to.charCodeAt(toStart + i) === BACKSLASH) {
          // `from` is a directory above `to`: 'C:\\a' -> 'C:\\a\\b'.
          return toOrig.slice(toStart + i + 1);
        }
        if (i === 2) {
          // `from` is a drive root: 'C:\\' -> 'C:\\b'.
          return toOrig.slice(toStart + i);
        }
      }
      if (fromLen > length) {
        if (from.charCodeAt(fromStart + i) === BACKSLASH) {
          lastCommonSep = i;
        } else if (i === 2) {
          lastCommonSep = 3;
        }
      }
      if (lastCommonSep === -1) lastCommonSep = 0;
    }

    let out = '';
    for (i = fromStart + lastCommonSep + 1; i <= fromEnd; ++i) {
      if (i === fromEnd || from.charCodeAt(i) === BACKSLASH) {
        out += out.length === 0 ? '..' : '\\..';
      }
    }
    toStart += lastCommonSep;
    if (out.length > 0) return `${out}${toOrig.slice(toStart, toEnd)}`;
    if (toOrig.charCodeAt(toStart) === BACKSLASH) ++toStart;
    return toOrig.slice(toStart, toEnd);
  },

  toNamespacedPath(path) {
    if (typeof path !== 'string' || path.length === 0) return path;
    const resolved = win32.resolve(path);
    if (resolved.length <= 2) return path;
    const c0 = resolved.charCodeAt(0);
    if (c0 === BACKSLASH) {
      if (resolved.charCodeAt(1) === BACKSLASH) {
        const c2 = resolved.charCodeAt(2);
        if (c2 !== 63 && c2 !== DOT) { // '?', '.'
          return `\\\\?\\UNC\\${resolved.slice(2)}`;
        }
      }
    } else if (isDriveLetter(c0) && resolved.charCodeAt(1) === COLON &&
               resolved.charCodeAt(2) === BACKSLASH) {
      return `\\\\?\\${resolved}`;
    }
    return resolved;
  },

  dirname(path) {
    validateString(path, 'path');
    const len = path.length;
    if (len === 0) return '.';
    const root = winRoot(path);
    let rootEnd = root.end;
    if (len === 1) return isWinSep(path.charCodeAt(0)) ? path : '.';
    if (root.device.length > 2) {
      // A UNC root: the dirname of '\\\\server\\share' is itself, and the
      // separator after the share belongs to the root.
      if (rootEnd === len) return path;
      rootEnd++;
    }
    // Scan back over trailing separators, the last segment, and one more
    // separator; stop at the root.
    let end = -1;
    let matchedSlash = true;
    for (let i = len - 1; i >= rootEnd; --i) {
      if (isWinSep(path.charCodeAt(i))) {
        if (!matchedSlash) {
          end = i;
          break;
        }
      } else {
        matchedSlash = false;
      }
    }
    if (end === -1) {
      if (rootEnd === 0) return '.';
      end = rootEnd;
    }
    return path.slice(0, end);
  },

  basename(path, suffix) {
    if (suffix !== undefined) validateString(suffix, 'suffix');
    validateString(path, 'path');
    return basenameImpl(path, driveStart(path), suffix, isWinSep);
  },

  extname(path) {
    validateString(path, 'path');
    return extnameImpl(path, driveStart(path), isWinSep);
  },

  format: formatImpl.bind(null, '\\'),

  parse(path) {
    validateString(path, 'path');
    const ret = { root: '', dir: '', base: '', ext: '', name: '' };
    const len = path.length;
    if (len === 0) return ret;
    let rootEnd = 0;
    const c0 = path.charCodeAt(0);
    if (len === 1) {
      if (isWinSep(c0)) {
        ret.root = ret.dir = path;
        return ret;
      }
      ret.base = ret.name = path;
      return ret;
    }
    const root = winRoot(path);
    if (root.device.length > 2) {
      // UNC root, with the separator that follows the share.
      rootEnd = root.end === len ? len : root.end + 1;
    } else {
      rootEnd = root.end;
    }
    if (rootEnd > 0) ret.root = path.slice(0, rootEnd);
    if (rootEnd === len) {
      ret.dir = ret.root;
      return ret;
    }
    const sepStart = parseTail(path, rootEnd, isWinSep, ret);
    if (sepStart !== -1 && sepStart - 1 !== rootEnd - 1 && sepStart - 1 > rootEnd) {
      ret.dir = path.slice(0, sepStart - 1);
    } else if (sepStart !== -1 && sepStart - 1 >= rootEnd) {
      ret.dir = sepStart - 1 === rootEnd && rootEnd === 0 ? '' : path.slice(0, sepStart - 1);
      if (ret.dir.length === 0) ret.dir = ret.root;
    } else {
      ret.dir = ret.root;
    }
    return ret;
  },

  sep: '\\',
  delimiter: ';',
  win32: null,
  posix: null,
};

// ---------------------------------------------------------------- posix ----

const posix = {
  resolve(...args) {
    let resolved = '';
    let absolute = false;
    for (let i = args.length - 1; i >= -1 && !absolute; i--) {
      let path;
      if (i >= 0) {
        path = args[i];
        validateString(path, `paths[${i}]`);
      } else {
        path = process.cwd();
      }
      if (path.length === 0) continue;
      resolved = `${path}/${resolved}`;
      absolute = path.charCodeAt(0) === SLASH;
    }
    resolved = normalizeSegments(resolved, 0, !absolute, '/', false);
    if (absolute) return `/${resolved}`;
    return resolved.length > 0 ? resolved : '.';
  },

  normalize(path) {
    validateString(path, 'path');
    const len = path.length;
    if (len === 0) return '.';
    const absolute = path.charCodeAt(0) === SLASH;
    const trailing = path.charCodeAt(len - 1) === SLASH;
    let out = normalizeSegments(path, 0, !absolute, '/', false);
    if (out.length === 0) {
      if (absolute) return '/';
      return trailing ? './' : '.';
    }
    if (trailing) out += '/';
    return absolute ? `/${out}` : out;
  },

  isAbsolute(path) {
    validateString(path, 'path');
    return path.length > 0 && path.charCodeAt(0) === SLASH;
  },

  join(...args) {
    if (args.length === 0) return '.';
    let joined;
    for (let i = 0; i < args.length; ++i) {
      const arg = args[i];
      validateString(arg, 'path');
      if (arg.length > 0) {
        if (joined === undefined) joined = arg;
        else joined += `/${arg}`;
      }
    }
    if (joined === undefined) return '.';
    return posix.normalize(joined);
  },

  relative(from, to) {
    validateString(from, 'from');
    validateString(to, 'to');
    if (from === to) return '';
    from = posix.resolve(from);
    to = posix.resolve(to);
    if (from === to) return '';
    // Both are normalized now: compare them segment by segment.
    const a = from.split('/');
    const b = to.split('/');
    const aLen = from === '/' ? 1 : a.length;
    const bLen = to === '/' ? 1 : b.length;
    let k = 1;
    while (k < aLen && k < bLen && a[k] === b[k]) k++;
    let out = '';
    for (let i = k; i < aLen; i++) out += out.length === 0 ? '..' : '/..';
    for (let i = k; i < bLen; i++) out += out.length === 0 ? b[i] : `/${b[i]}`;
    return out;
  },

  toNamespacedPath(path) {
    return path;
  },

  dirname(path) {
    validateString(path, 'path');
    const len = path.length;
    if (len === 0) return '.';
    const hasRoot = path.charCodeAt(0) === SLASH;
    let end = -1;
    let matchedSlash = true;
    for (let i = len - 1; i >= 1; --i) {
      if (path.charCodeAt(i) === SLASH) {
        if (!matchedSlash) {
          end = i;
          break;
        }
      } else {
        matchedSlash = false;
      }
    }
    if (end === -1) return hasRoot ? '/' : '.';
    if (hasRoot && end === 1) return '//';
    return path.slice(0, end);
  },

  basename(path, suffix) {
    if (suffix !== undefined) validateString(suffix, 'suffix');
    validateString(path, 'path');
    return basenameImpl(path, 0, suffix, isPosixSep);
  },

  extname(path) {
    validateString(path, 'path');
    return extnameImpl(path, 0, isPosixSep);
  },

  format: formatImpl.bind(null, '/'),

  parse(path) {
    validateString(path, 'path');
    const ret = { root: '', dir: '', base: '', ext: '', name: '' };
    if (path.length === 0) return ret;
    const absolute = path.charCodeAt(0) === SLASH;
    const start = absolute ? 1 : 0;
    if (absolute) ret.root = '/';
    const segStart = parseTail(path, start, isPosixSep, ret);
    if (absolute && segStart === -1 && ret.base === '..') {
      // node splits a '..' right after the root into name '.' and ext '.'.
      ret.name = ret.ext = '.';
    }
    if (segStart > 0 && segStart - 1 > 0) {
      ret.dir = path.slice(0, segStart - 1);
    } else if (absolute) {
      ret.dir = '/';
    }
    return ret;
  },

  sep: '/',
  delimiter: ':',
  win32: null,
  posix: null,
};

posix.win32 = win32.win32 = win32;
posix.posix = win32.posix = posix;
win32._makeLong = win32.toNamespacedPath;
posix._makeLong = posix.toNamespacedPath;

module.exports = process.platform === 'win32' ? win32 : posix;
