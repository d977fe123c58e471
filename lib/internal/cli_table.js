'use strict';

// Renders console.table() output: a box-drawn grid whose cells are already
// inspected strings. `head` holds the column titles and `columns` one sparse
// array of cells per column; missing cells render empty. Cells are left
// aligned and padded to the display width of the widest cell in the column.

let stringWidth;
function getStringWidth(str) {
  if (stringWidth === undefined) {
    const inspect = require('internal/util/inspect');
    stringWidth = typeof inspect.getStringWidth === 'function' ?
      inspect.getStringWidth : fallbackStringWidth;
  }
  return stringWidth(str);
}

// Used only while internal/util/inspect lacks getStringWidth: strips ANSI
// escapes and counts East Asian wide characters as two columns and
// combining / control characters as none.
function fallbackStringWidth(str) {
  // eslint-disable-next-line no-control-regex
  str = `${str}`.replace(/\u001b\[[0-9;]*[A-Za-z]/g, '').normalize('NFC');
  let width = 0;
  for (const ch of str) {
    const cp = ch.codePointAt(0);
    if (isZeroWidth(cp)) continue;
    width += isWide(cp) ? 2 : 1;
  }
  return width;
}

function isZeroWidth(cp) {
  return cp <= 0x1f || (cp >= 0x7f && cp <= 0x9f) ||
    (cp >= 0x300 && cp <= 0x36f) || (cp >= 0x200b && cp <= 0x200f) ||
    (cp >= 0x20d0 && cp <= 0x20ff) || (cp >= 0xfe00 && cp <= 0xfe0f) ||
    (cp >= 0xfe20 && cp <= 0xfe2f) || (cp >= 0xe0100 && cp <= 0xe01ef);
}

function isWide(cp) {
  if (cp < 0x1100) return false;
  return cp <= 0x115f || cp === 0x2329 || cp === 0x232a ||
    (cp >= 0x2e80 && cp <= 0x3247 && cp !== 0x303f) ||
    (cp >= 0x3250 && cp <= 0x4dbf) || (cp >= 0x4e00 && cp <= 0xa4c6) ||
    (cp >= 0xa960 && cp <= 0xa97c) || (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xfe10 && cp <= 0xfe19) ||
    (cp >= 0xfe30 && cp <= 0xfe6b) || (cp >= 0xff01 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) || (cp >= 0x1b000 && cp <= 0x1b001) ||
    (cp >= 0x1f200 && cp <= 0x1f251) || (cp >= 0x1f300 && cp <= 0x1f64f) ||
    (cp >= 0x20000 && cp <= 0x3fffd);
}

const H = '─';

function line(widths, left, mid, right) {
  let out = left;
  for (let i = 0; i < widths.length; i++) {
    if (i > 0) out += mid;
    out += H.repeat(widths[i] + 2);
  }
  return out + right;
}

function row(cells, widths) {
  let out = '│ ';
  for (let i = 0; i < widths.length; i++) {
    if (i > 0) out += ' │ ';
    const cell = cells[i];
    out += cell + ' '.repeat(widths[i] - getStringWidth(cell));
  }
  return out + ' │';
}

function table(head, columns) {
  const ncols = head.length;
  const widths = new Array(ncols);
  let nrows = 0;
  for (let c = 0; c < ncols; c++) {
    widths[c] = getStringWidth(head[c]);
    if (columns[c].length > nrows) nrows = columns[c].length;
  }

  const rows = new Array(nrows);
  for (let r = 0; r < nrows; r++) {
    const cells = new Array(ncols);
    for (let c = 0; c < ncols; c++) {
      const column = columns[c];
      const cell = Object.prototype.hasOwnProperty.call(column, r) ? column[r] : '';
      cells[c] = cell;
      const w = getStringWidth(cell);
      if (w > widths[c]) widths[c] = w;
    }
    rows[r] = cells;
  }

  let out = line(widths, '┌', '┬', '┐') + '\n' +
    row(head, widths) + '\n' +
    line(widths, '├', '┼', '┤') + '\n';
  for (let r = 0; r < nrows; r++) out += row(rows[r], widths) + '\n';
  return out + line(widths, '└', '┴', '┘');
}

module.exports = table;
