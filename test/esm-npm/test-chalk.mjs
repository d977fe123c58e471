// chalk 5 is ESM-only: its entry uses "exports" with "imports" (#ansi-styles),
// top-level feature detection and a default export. Run with FORCE_COLOR=1.
import chalk, { Chalk, supportsColor, chalkStderr } from 'chalk';

console.log(JSON.stringify(chalk.red('x')));
console.log(JSON.stringify(chalk.bold.underline.green('ok')));
console.log(JSON.stringify(chalk.hex('#ff8800')('hex') + chalk.rgb(1, 2, 3).bgBlue('rgb')));
console.log(JSON.stringify(new Chalk({ level: 0 }).red('plain')));
console.log(chalk.level, typeof supportsColor, typeof chalkStderr);
console.log(JSON.stringify(chalk`{red nope}` ?? null));
