'use strict';
// A port with a 'message' listener keeps the process alive until closed; an
// unref'd one does not; messages already received are still delivered after
// close(), and posting on a closed port is a no-op.
const common = require('./common');
const assert = require('node:assert');
const { MessageChannel } = require('node:worker_threads');

{
  const { port1, port2 } = new MessageChannel();
  port1.on('message', common.mustCall(() => port1.close(), 2));
  port2.postMessage('a');
  port2.postMessage('b');
  port1.on('close', common.mustCall(() => {
    assert.strictEqual(port1.hasRef(), false);
    port2.postMessage('after close');
  }));
}

{
  // Unref'd: the process may exit with the listener still attached.
  const { port1 } = new MessageChannel();
  port1.on('message', common.mustNotCall());
  port1.unref();
  assert.strictEqual(port1.hasRef(), false);
}

{
  const { port1, port2 } = new MessageChannel();
  const f = () => {};
  port1.on('message', f);
  assert.strictEqual(port1.hasRef(), true);
  port1.off('message', f);
  assert.strictEqual(port1.hasRef(), false);
  port1.onmessage = f;
  assert.strictEqual(port1.hasRef(), true);
  port1.onmessage = null;
  assert.strictEqual(port1.hasRef(), false);
  port2.close(common.mustCall());
}
