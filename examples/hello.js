'use strict';
// The example `make run` runs.
console.log(`Hello from cairn ${process.versions.cairn} (node ${process.version} compatible)`);
