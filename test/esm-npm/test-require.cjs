// require() of ESM-only packages (node 22.12+: require(esm) without a flag) and
// import() of them from CommonJS.
const { nanoid } = require('nanoid');
console.log(nanoid().length);
const chalk = require('chalk');
console.log(typeof chalk.default, chalk.__esModule, Object.keys(chalk).sort().join(','));
import('execa').then(async ({ execa }) => {
  const r = await execa('echo', ['from cjs']);
  console.log(r.stdout);
});
