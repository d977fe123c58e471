'use strict';
// --cpu-prof: the engine's sampling profiler (the `profiler` binding), written when the
// process exits as a .cpuprofile file, the format node writes and Chrome DevTools and
// other tools read: a call tree of nodes, the node of each sample and the time between
// samples. The engine samples only while JavaScript runs; time between samples longer than
// two intervals becomes an "(idle)" sample, as node records idle time.

const binding = internalBinding('profiler');
const { pathToFileURL } = require('internal/url');

const kNoPosition = 4294967295; // the engine's "unknown" line, column and source id
let sequence = 0;

function nowMicros() {
  return Number(process.hrtime.bigint() / 1000n);
}

function start(options) {
  const interval = options.cpuProfInterval === undefined ?
    1000 : Math.max(1, Math.trunc(Number(options.cpuProfInterval)) || 1000);
  const startTime = nowMicros();
  if (!binding.start()) return;
  binding.onExit(() => {
    const json = binding.take();
    if (json === undefined) return;
    try {
      writeProfile(options, build(JSON.parse(json), startTime, nowMicros(), interval));
    } catch (err) {
      process._rawDebug(`cairn: could not write the CPU profile: ${err && err.message}`);
    }
  });
}

function scriptUrl(url) {
  if (url === undefined || url === '') return '';
  return url[0] === '/' ? pathToFileURL(url).href : url;
}

function frameKey(frame) {
  // The location starts with the hash of the function's code ("#AbC123:DFG:bc#12"), the
  // same in every tier: two anonymous functions of one script stay apart.
  const loc = typeof frame.location === 'string' ? frame.location : '';
  const colon = loc.indexOf(':');
  return `${frame.name}\0${frame.sourceID}\0${colon > 0 ? loc.slice(0, colon) : loc}`;
}

// data: the engine's samples ({ interval, traces: [{ timestamp, frames }], sources });
// startTime, endTime and interval in microseconds.
function build(data, startTime, endTime, interval) {
  const { wrapperOffsets } = require('internal/error_stack');
  const urls = new Map();
  const offsets = new Map(); // source id -> length of the CommonJS wrapper on line 1
  for (const source of data.sources || []) {
    urls.set(source.sourceID, scriptUrl(source.url));
    const offset = wrapperOffsets.get(source.url);
    if (offset !== undefined) offsets.set(source.sourceID, offset);
  }
  const nodes = [];
  const children = new Map(); // parent id + frame key -> node
  function makeNode(functionName, scriptId, url, line, column) {
    const node = {
      id: nodes.length + 1,
      callFrame: { functionName, scriptId: String(scriptId), url, lineNumber: line,
                   columnNumber: column },
      hitCount: 0,
    };
    nodes.push(node);
    return node;
  }
  const root = makeNode('(root)', 0, '', -1, -1);
  const program = makeNode('(program)', 0, '', -1, -1);
  const idle = makeNode('(idle)', 0, '', -1, -1);
  root.children = [program.id, idle.id];
  const ticks = new Map(); // node -> Map(line -> ticks)

  function child(parent, frame) {
    const key = `${parent.id}\0${frameKey(frame)}`;
    let node = children.get(key);
    const line = frame.line === kNoPosition ? -1 : frame.line - 1;
    let column = frame.column === kNoPosition ? -1 : frame.column - 1;
    if (line === 0 && column > 0) column = Math.max(0, column - (offsets.get(frame.sourceID) || 0));
    if (node === undefined) {
      const known = frame.sourceID !== kNoPosition;
      // the engine names top-level code "(program)"; node leaves it anonymous
      const name = frame.name === '(program)' ? '' : frame.name || '';
      node = makeNode(name, known ? frame.sourceID : 0,
                      known ? urls.get(frame.sourceID) ?? '' : '', line, column);
      children.set(key, node);
      (parent.children ??= []).push(node.id);
    } else if (line >= 0 && (node.callFrame.lineNumber < 0 || line < node.callFrame.lineNumber ||
               (line === node.callFrame.lineNumber && column < node.callFrame.columnNumber))) {
      // the earliest position seen stands for where the function is
      node.callFrame.lineNumber = line;
      node.callFrame.columnNumber = column;
    }
    return node;
  }

  const samples = [];
  const timeDeltas = [];
  let last = startTime;
  function sample(node, time) {
    let delta = time - last;
    if (delta > 2 * interval) {
      idle.hitCount++;
      samples.push(idle.id);
      timeDeltas.push(Math.round(delta - interval));
      delta = interval;
    }
    node.hitCount++;
    samples.push(node.id);
    timeDeltas.push(Math.max(0, Math.round(delta)));
    last = Math.max(last, time);
  }

  for (const trace of data.traces || []) {
    const frames = trace.frames || [];
    let node = root;
    for (let i = frames.length - 1; i >= 0; i--) node = child(node, frames[i]);
    if (node === root) node = program;
    else if (frames[0].line !== kNoPosition && frames[0].sourceID !== kNoPosition) {
      let lines = ticks.get(node);
      if (lines === undefined) ticks.set(node, lines = new Map());
      lines.set(frames[0].line, (lines.get(frames[0].line) || 0) + 1);
    }
    sample(node, trace.timestamp * 1e6);
  }
  if (endTime - last > 2 * interval) sample(idle, endTime);
  for (const [node, lines] of ticks) {
    node.positionTicks = [];
    for (const [line, count] of lines) node.positionTicks.push({ line, ticks: count });
  }
  return { nodes, startTime, endTime: Math.max(endTime, last), samples, timeDeltas };
}

function pad(n, width) {
  return String(n).padStart(width, '0');
}

function defaultName() {
  const d = new Date();
  const date = `${d.getFullYear()}${pad(d.getMonth() + 1, 2)}${pad(d.getDate(), 2)}`;
  const time = `${pad(d.getHours(), 2)}${pad(d.getMinutes(), 2)}${pad(d.getSeconds(), 2)}`;
  return `CPU.${date}.${time}.${process.pid}.0.${pad(++sequence, 3)}.cpuprofile`;
}

function writeProfile(options, profile) {
  const fs = require('fs');
  const path = require('path');
  const dir = path.resolve(options.cpuProfDir ?? '.');
  const name = options.cpuProfName === undefined ? defaultName() :
    options.cpuProfName.replaceAll('${pid}', String(process.pid));
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.resolve(dir, name), JSON.stringify(profile));
}

module.exports = { start };
