'use strict';
// util.parseArgs: command-line option parsing in two phases. The arguments
// are first split into tokens (options, positionals, the `--` terminator),
// then the tokens are checked against the configuration and stored.

const {
  validateArray,
  validateBoolean,
  validateBooleanArray,
  validateObject,
  validateString,
  validateStringArray,
  validateUnion,
} = require('internal/validators');
const {
  codes: {
    ERR_INVALID_ARG_VALUE,
    ERR_PARSE_ARGS_INVALID_OPTION_VALUE,
    ERR_PARSE_ARGS_UNKNOWN_OPTION,
    ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL,
  },
} = require('internal/errors');

const hasOwn = Object.hasOwn;

function own(obj, key) {
  return hasOwn(obj, key) ? obj[key] : undefined;
}

function optionProperty(options, longOption, key) {
  return hasOwn(options, longOption) ? own(options[longOption], key) : undefined;
}

// The user's arguments: without the runtime and, unless code came from
// -e/-p, the script.
function mainArgs() {
  const execArgv = process.execArgv;
  if (execArgv.includes('-e') || execArgv.includes('--eval') ||
      execArgv.includes('-p') || execArgv.includes('--print')) {
    return process.argv.slice(1);
  }
  return process.argv.slice(2);
}

function longNameForShort(short, options) {
  for (const name of Object.keys(options)) {
    if (own(options[name], 'short') === short) return name;
  }
  return short;
}

const isLoneShort = (arg) => arg.length === 2 && arg[0] === '-' && arg[1] !== '-';
const isLongNoValue = (arg) => arg.length > 2 && arg.startsWith('--') && !arg.includes('=', 3);
const isLongWithValue = (arg) => arg.length > 2 && arg.startsWith('--') && arg.includes('=', 3);
const isShortCluster = (arg) => arg.length > 2 && arg[0] === '-' && arg[1] !== '-';

function isOptionLikeValue(value) {
  return value != null && value.length > 1 && value[0] === '-';
}

function tokenize(args, options) {
  const tokens = [];
  const pending = args.slice();
  let index = -1;
  // Arguments expanded from a short option group share its index.
  let expandedLeft = 0;
  while (pending.length > 0) {
    const arg = pending.shift();
    const next = pending[0];
    if (expandedLeft > 0) {
      expandedLeft--;
    } else {
      index++;
    }

    if (arg === '--') {
      tokens.push({ kind: 'option-terminator', index });
      for (const rest of pending) tokens.push({ kind: 'positional', index: ++index, value: rest });
      break;
    }

    if (isLoneShort(arg)) {
      const name = longNameForShort(arg[1], options);
      let value;
      let inlineValue;
      if (optionProperty(options, name, 'type') === 'string' && next != null) {
        value = pending.shift();
        inlineValue = false;
      }
      tokens.push({ kind: 'option', name, rawName: arg, index, value, inlineValue });
      if (value != null) index++;
      continue;
    }

    if (isShortCluster(arg)) {
      const name = longNameForShort(arg[1], options);
      if (optionProperty(options, name, 'type') !== 'string') {
        // -abc is -a -b -c; a string option inside takes the rest: -abfFILE.
        const expanded = [];
        for (let i = 1; i < arg.length; i++) {
          const short = arg[i];
          const long = longNameForShort(short, options);
          if (optionProperty(options, long, 'type') !== 'string' || i === arg.length - 1) {
            expanded.push(`-${short}`);
          } else {
            expanded.push(`-${arg.slice(i)}`);
            break;
          }
        }
        pending.unshift(...expanded);
        expandedLeft = expanded.length;
        continue;
      }
      // -fVALUE
      tokens.push({
        kind: 'option', name, rawName: `-${arg[1]}`, index, value: arg.slice(2), inlineValue: true,
      });
      continue;
    }

    if (isLongNoValue(arg)) {
      const name = arg.slice(2);
      let value;
      let inlineValue;
      if (optionProperty(options, name, 'type') === 'string' && next != null) {
        value = pending.shift();
        inlineValue = false;
      }
      tokens.push({ kind: 'option', name, rawName: arg, index, value, inlineValue });
      if (value != null) index++;
      continue;
    }

    if (isLongWithValue(arg)) {
      const eq = arg.indexOf('=');
      const name = arg.slice(2, eq);
      tokens.push({
        kind: 'option', name, rawName: `--${name}`, index, value: arg.slice(eq + 1), inlineValue: true,
      });
      continue;
    }

    tokens.push({ kind: 'positional', index, value: arg });
  }
  return tokens;
}

function checkUsage(config, token) {
  let name = token.name;
  if (!hasOwn(config.options, name)) {
    if (config.allowNegative && name.startsWith('no-') &&
        optionProperty(config.options, name.slice(3), 'type') === 'boolean') {
      name = name.slice(3);
    } else {
      throw new ERR_PARSE_ARGS_UNKNOWN_OPTION(token.rawName, config.allowPositionals);
    }
  }
  const short = optionProperty(config.options, name, 'short');
  const names = `${short ? `-${short}, ` : ''}--${name}`;
  const type = optionProperty(config.options, name, 'type');
  if (type === 'string' && typeof token.value !== 'string') {
    throw new ERR_PARSE_ARGS_INVALID_OPTION_VALUE(`Option '${names} <value>' argument missing`);
  }
  if (type === 'boolean' && token.value != null) {
    throw new ERR_PARSE_ARGS_INVALID_OPTION_VALUE(`Option '${names}' does not take an argument`);
  }
}

function checkOptionLikeValue(token) {
  if (!token.inlineValue && isOptionLikeValue(token.value)) {
    const example = token.rawName.startsWith('--') ?
      `'${token.rawName}=-XYZ'` :
      `'--${token.name}=-XYZ' or '${token.rawName}-XYZ'`;
    throw new ERR_PARSE_ARGS_INVALID_OPTION_VALUE(
      `Option '${token.rawName}' argument is ambiguous.\n` +
      `Did you forget to specify the option argument for '${token.rawName}'?\n` +
      `To specify an option argument starting with a dash use ${example}.`);
  }
}

function store(name, value, options, values, allowNegative) {
  if (allowNegative && value === undefined && name.startsWith('no-') &&
      !hasOwn(options, name) && optionProperty(options, name.slice(3), 'type') === 'boolean') {
    name = name.slice(3);
    value = false;
  }
  if (name === '__proto__') return;
  const newValue = value ?? true;
  if (optionProperty(options, name, 'multiple')) {
    if (values[name]) {
      values[name].push(newValue);
    } else {
      values[name] = [newValue];
    }
  } else {
    values[name] = newValue;
  }
}

function parseArgs(config = { __proto__: null }) {
  const args = own(config, 'args') ?? mainArgs();
  const strict = own(config, 'strict') ?? true;
  const allowPositionals = own(config, 'allowPositionals') ?? !strict;
  const returnTokens = own(config, 'tokens') ?? false;
  const allowNegative = own(config, 'allowNegative') ?? false;
  const options = own(config, 'options') ?? { __proto__: null };

  validateArray(args, 'args');
  validateBoolean(strict, 'strict');
  validateBoolean(allowPositionals, 'allowPositionals');
  validateBoolean(returnTokens, 'tokens');
  validateBoolean(allowNegative, 'allowNegative');
  validateObject(options, 'options');

  for (const { 0: name, 1: optionConfig } of Object.entries(options)) {
    validateObject(optionConfig, `options.${name}`);
    const type = own(optionConfig, 'type');
    validateUnion(type, `options.${name}.type`, ['string', 'boolean']);
    if (hasOwn(optionConfig, 'short')) {
      const short = optionConfig.short;
      validateString(short, `options.${name}.short`);
      if (short.length !== 1) {
        throw new ERR_INVALID_ARG_VALUE(`options.${name}.short`, short,
                                        'must be a single character');
      }
    }
    const multiple = own(optionConfig, 'multiple');
    if (hasOwn(optionConfig, 'multiple')) {
      validateBoolean(multiple, `options.${name}.multiple`);
    }
    const defaultValue = own(optionConfig, 'default');
    if (defaultValue !== undefined) {
      let validator;
      if (type === 'string') {
        validator = multiple ? validateStringArray : validateString;
      } else {
        validator = multiple ? validateBooleanArray : validateBoolean;
      }
      validator(defaultValue, `options.${name}.default`);
    }
  }

  const tokens = tokenize(args, options);
  const result = { values: { __proto__: null }, positionals: [] };
  if (returnTokens) {
    result.tokens = tokens;
  }
  const checkConfig = { options, allowPositionals, allowNegative };
  for (const token of tokens) {
    if (token.kind === 'option') {
      if (strict) {
        checkUsage(checkConfig, token);
        checkOptionLikeValue(token);
      }
      store(token.name, token.value, options, result.values, allowNegative);
    } else if (token.kind === 'positional') {
      if (!allowPositionals) {
        throw new ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL(token.value);
      }
      result.positionals.push(token.value);
    }
  }

  for (const { 0: name, 1: optionConfig } of Object.entries(options)) {
    const defaultValue = own(optionConfig, 'default');
    if (defaultValue !== undefined && result.values[name] === undefined && name !== '__proto__') {
      result.values[name] = defaultValue;
    }
  }
  return result;
}

module.exports = { parseArgs };
