'use strict';
// jsdom runs a page's inline <script> in a vm context (runScripts: 'dangerously'):
// scripts add elements, declare globals, handle a click event and use a timer in the
// window; code outside reads and writes the window's globals.
const { JSDOM, VirtualConsole } = require('jsdom');

const html = `<!DOCTYPE html>
<html><head><title>Cairn test</title></head>
<body>
<ul id="list"></ul>
<button id="btn">Click me</button>
<div id="named">named element</div>
<script>
  var clicks = 0;
  function addItem(text) {
    const li = document.createElement('li');
    li.textContent = text;
    document.getElementById('list').appendChild(li);
    return li;
  }
  addItem('one');
  addItem('two');
  document.getElementById('btn').addEventListener('click', function (ev) {
    clicks++;
    window.lastEvent = ev.type + ' on ' + ev.target.id + ' bubbles=' + ev.bubbles;
    addItem('clicked ' + clicks);
  });
  document.body.addEventListener('click', (ev) => { window.bodySaw = ev.target.tagName; });
  window.fromScript = [1, 2, 3].map((x) => x * 2).join(',') + ' ' + typeof Array.prototype.map;
  window.namedId = typeof named === 'object' ? named.textContent : 'missing';
  setTimeout(function () {
    document.title = 'Changed by timer';
    window.timerRan = true;
  }, 10);
</script>
<script>
  var second = clicks + 100;
  window.errorLine = (function () { try { undefinedFunction(); } catch (e) { return e.name; } })();
</script>
</body></html>`;

const errors = [];
const virtualConsole = new VirtualConsole();
virtualConsole.on('jsdomError', (e) => errors.push(e.message));
const dom = new JSDOM(html, { runScripts: 'dangerously', virtualConsole });
const { window } = dom;
const { document } = window;

const items = () => [...document.querySelectorAll('#list li')]
  .map((li) => li.textContent).join('|');
console.log('title:', document.title);
console.log('items:', items());
console.log('var clicks:', window.clicks, 'second:', window.second);
console.log('function addItem:', typeof window.addItem);
console.log('fromScript:', window.fromScript);
console.log('named element:', window.namedId);
console.log('error caught in script:', window.errorLine);

window.later = 'set from outside';
console.log('later inside:', window.eval('typeof later === "string" ? later : "missing"'));
window.addItem('from outside');

const btn = document.getElementById('btn');
btn.dispatchEvent(new window.MouseEvent('click', { bubbles: true }));
btn.click();
console.log('clicks after two:', window.clicks);
console.log('lastEvent:', window.lastEvent);
console.log('body saw:', window.bodySaw);
console.log('items:', items());

const p = document.createElement('p');
p.className = 'note';
p.innerHTML = '<b>bold</b> text';
document.body.appendChild(p);
console.log('p:', document.querySelector('p.note').outerHTML);
console.log('instanceof:', p instanceof window.HTMLParagraphElement, p instanceof window.Element);
console.log('window === self:', window.eval('window === self && window === globalThis'));
console.log('errors:', errors.length);

setTimeout(() => {
  console.log('timerRan:', window.timerRan);
  console.log('title after timer:', document.title);
  console.log('serialize length:', dom.serialize().length);
  window.close();
}, 50);
