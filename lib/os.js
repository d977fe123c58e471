'use strict';
// node:os — operating system information, on top of internalBinding('os').

const {
  getAvailableParallelism,
  getCPUs,
  getFreeMem,
  getHomeDirectory: _getHomeDirectory,
  getHostname: _getHostname,
  getInterfaceAddresses: _getInterfaceAddresses,
  getLoadAvg,
  getOSInformation: _getOSInformation,
  getPriority: _getPriority,
  getTotalMem,
  getUptime: _getUptime,
  getUserInfo,
  setPriority: _setPriority,
  constants,
} = internalBinding('os');

// A SystemError subclass: message 'A system error occurred: <syscall> returned
// <code> (<message>)', with `info`, `errno` and `syscall`.
const ERR_SYSTEM_ERROR = require('internal/errors').makeSystemErrorWithCode('ERR_SYSTEM_ERROR');
const { validateInt32 } = require('internal/validators');

// Wraps a binding function that fills a context object on failure.
function checked(fn) {
  function wrappedFn(...args) {
    const ctx = {};
    const ret = fn(...args, ctx);
    if (ret === undefined) throw new ERR_SYSTEM_ERROR(ctx);
    return ret;
  }
  return wrappedFn;
}

const getHomeDirectory = checked(_getHomeDirectory);
const getHostname = checked(_getHostname);
const getInterfaceAddresses = checked(_getInterfaceAddresses);
const getUptime = checked(_getUptime);

let osInfo;
function osInformation() {
  if (osInfo === undefined) osInfo = checked(_getOSInformation)();
  return osInfo;
}

function getOSType() {
  return osInformation()[0];
}
function getOSVersion() {
  return osInformation()[1];
}
function getOSRelease() {
  return osInformation()[2];
}
function getMachine() {
  return osInformation()[3];
}

function arch() {
  return process.arch;
}

function platform() {
  return process.platform;
}

function endianness() {
  return new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 'LE' : 'BE';
}

function loadavg() {
  return getLoadAvg();
}

function cpus() {
  const data = getCPUs() || [];
  const result = [];
  for (let i = 0; i + 6 < data.length; i += 7) {
    result.push({
      model: data[i],
      speed: data[i + 1],
      times: {
        user: data[i + 2],
        nice: data[i + 3],
        sys: data[i + 4],
        idle: data[i + 5],
        irq: data[i + 6],
      },
    });
  }
  return result;
}

function tmpdir() {
  if (process.platform === 'win32') {
    let path = process.env.TEMP || process.env.TMP ||
      `${process.env.SystemRoot || process.env.windir}\\temp`;
    if (path.length > 1 && path[path.length - 1] === '\\' && path[path.length - 2] !== ':') {
      path = path.slice(0, -1);
    }
    return path;
  }
  let path = process.env.TMPDIR || process.env.TMP || process.env.TEMP || '/tmp';
  if (path.length > 1 && path[path.length - 1] === '/') path = path.slice(0, -1);
  return path;
}

// The prefix length of a netmask ('255.255.0.0' -> 16), or null when the mask
// has holes.
function netmaskPrefix(netmask, family) {
  let bits = 0;
  let ended = false;
  if (family === 'IPv4') {
    const parts = netmask.split('.');
    for (let i = 0; i < parts.length; i++) {
      const n = Number(parts[i]);
      for (let b = 7; b >= 0; b--) {
        if ((n >> b) & 1) {
          if (ended) return null;
          bits++;
        } else {
          ended = true;
        }
      }
    }
    return bits;
  }
  // IPv6: expand '::' and read the 8 groups.
  let groups = netmask.split(':');
  const gap = netmask.indexOf('::');
  if (gap !== -1) {
    const head = netmask.slice(0, gap);
    const tail = netmask.slice(gap + 2);
    const h = head ? head.split(':') : [];
    const t = tail ? tail.split(':') : [];
    groups = h.concat(new Array(Math.max(0, 8 - h.length - t.length)).fill('0'), t);
  }
  for (let i = 0; i < groups.length; i++) {
    const n = parseInt(groups[i] || '0', 16);
    for (let b = 15; b >= 0; b--) {
      if ((n >> b) & 1) {
        if (ended) return null;
        bits++;
      } else {
        ended = true;
      }
    }
  }
  return bits;
}

function networkInterfaces() {
  const data = getInterfaceAddresses();
  const result = {};
  if (data === undefined) return result;
  for (let i = 0; i + 6 < data.length; i += 7) {
    const name = data[i];
    const family = data[i + 3];
    const prefix = netmaskPrefix(data[i + 2], family);
    const entry = {
      address: data[i + 1],
      netmask: data[i + 2],
      family,
      mac: data[i + 4],
      internal: data[i + 5],
      cidr: prefix === null ? null : `${data[i + 1]}/${prefix}`,
    };
    if (family === 'IPv6') entry.scopeid = data[i + 6];
    const list = result[name];
    if (list === undefined) result[name] = [entry];
    else list.push(entry);
  }
  return result;
}

function setPriority(pid, priority) {
  if (priority === undefined) {
    priority = pid;
    pid = 0;
  }
  validateInt32(pid, 'pid');
  validateInt32(priority, 'priority', -20, 19);
  const ctx = {};
  if (_setPriority(pid, priority, ctx) !== 0) throw new ERR_SYSTEM_ERROR(ctx);
}

function getPriority(pid) {
  if (pid === undefined) pid = 0;
  else validateInt32(pid, 'pid');
  const ctx = {};
  const priority = _getPriority(pid, ctx);
  if (priority === undefined) throw new ERR_SYSTEM_ERROR(ctx);
  return priority;
}

let BufferCtor;
function userInfo(options) {
  if (typeof options !== 'object') options = null;
  const encoding = options ? options.encoding : undefined;
  const ctx = {};
  const user = getUserInfo(ctx);
  if (user === undefined) throw new ERR_SYSTEM_ERROR(ctx);
  if (encoding !== undefined && encoding !== null && encoding !== 'utf8' &&
      encoding !== 'utf-8') {
    // Node encodes the raw bytes of each name in the requested encoding.
    if (BufferCtor === undefined) BufferCtor = require('buffer').Buffer;
    const enc = String(encoding);
    const convert = (s) => {
      if (typeof s !== 'string') return s;
      const buf = BufferCtor.from(s, 'utf8');
      if (enc === 'buffer') return buf;
      return BufferCtor.isEncoding(enc) ? buf.toString(enc) : s;
    };
    user.username = convert(user.username);
    user.homedir = convert(user.homedir);
    user.shell = convert(user.shell);
  }
  return user;
}

// `${os.hostname}` gives the host name, as in node.
for (const fn of [getAvailableParallelism, getFreeMem, getHomeDirectory, getHostname,
  getTotalMem, getUptime, getOSType, getOSRelease, getOSVersion, getMachine, arch,
  platform, endianness, tmpdir]) {
  Object.defineProperty(fn, Symbol.toPrimitive, {
    value: () => fn(),
    writable: true,
    enumerable: false,
    configurable: true,
  });
}

module.exports = {
  arch,
  availableParallelism: getAvailableParallelism,
  cpus,
  endianness,
  freemem: getFreeMem,
  getPriority,
  homedir: getHomeDirectory,
  hostname: getHostname,
  loadavg,
  networkInterfaces,
  platform,
  release: getOSRelease,
  setPriority,
  tmpdir,
  totalmem: getTotalMem,
  type: getOSType,
  userInfo,
  uptime: getUptime,
  version: getOSVersion,
  machine: getMachine,
};

Object.defineProperties(module.exports, {
  constants: {
    configurable: false,
    enumerable: true,
    value: constants,
  },
  EOL: {
    configurable: true,
    enumerable: true,
    writable: false,
    value: process.platform === 'win32' ? '\r\n' : '\n',
  },
  devNull: {
    configurable: true,
    enumerable: true,
    writable: false,
    value: process.platform === 'win32' ? '\\\\.\\nul' : '/dev/null',
  },
});
