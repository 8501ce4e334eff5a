import { parseArgs, type ParseArgsConfig } from 'node:util';

type ParseArgsOptionsConfig = NonNullable<ParseArgsConfig['options']>;

/** A flag with a value it does not accept; the message names the flag, the value and what it accepts. */
export class FlagError extends Error {
  override name = 'FlagError';
}

const INTEGER = /^[+-]?\d+$/;
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** A number flag checked against its range (whole numbers only with `integer`); undefined when the flag is absent. */
export function parseNumberFlag(flag: string, value: string | undefined, opts: NumberRange): number | undefined {
  return checkNumber(`--${flag}`, value, opts);
}

/** A positional number argument (named as the usage names it, e.g. "FRAMES"), checked like parseNumberFlag. */
export function parseNumberArg(name: string, value: string | undefined, opts: NumberRange): number | undefined {
  return checkNumber(name, value, opts);
}

interface NumberRange {
  min: number;
  max: number;
  integer?: boolean;
}

function checkNumber(label: string, value: string | undefined, opts: NumberRange): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  const shaped = (opts.integer ? INTEGER : DECIMAL).test(value.trim());
  if (!shaped || !Number.isFinite(n) || n < opts.min || n > opts.max) {
    const what = opts.integer ? 'a whole number' : 'a number';
    throw new FlagError(`${label} ${JSON.stringify(value)} is not valid: use ${what} from ${opts.min} to ${opts.max}`);
  }
  return n;
}

/** An enumerated flag: one of `choices`; undefined when the flag is absent. */
export function parseChoiceFlag<C extends string>(flag: string, value: string | undefined, choices: readonly C[]): C | undefined {
  if (value === undefined) return undefined;
  if (!(choices as readonly string[]).includes(value)) throw new FlagError(`--${flag} ${JSON.stringify(value)} is not valid: use one of ${choices.join(', ')}`);
  return value as C;
}

/** A comma-separated flag whose every item is one of `choices` ("a,b"); undefined when the flag is absent. */
export function parseListFlag<C extends string>(flag: string, value: string | undefined, choices: readonly C[]): C[] | undefined {
  if (value === undefined) return undefined;
  const items = value.split(',').map((v) => v.trim());
  const bad = items.find((v) => !(choices as readonly string[]).includes(v));
  if (bad !== undefined) throw new FlagError(`--${flag} ${JSON.stringify(value)} is not valid: ${JSON.stringify(bad)} is not one of ${choices.join(', ')}`);
  return items as C[];
}

/** A URL flag (http or https); undefined when the flag is absent. */
export function parseUrlFlag(flag: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const url = URL.canParse(value) ? new URL(value) : null;
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) throw new FlagError(`--${flag} ${JSON.stringify(value)} is not valid: use an http:// or https:// URL`);
  return value;
}

type Parsed<O extends ParseArgsOptionsConfig> = ReturnType<typeof parseArgs<{ options: O; allowPositionals: true; strict: true }>>;

export interface CommandLine<O extends ParseArgsOptionsConfig> {
  /** Printed for --help (stdout, exit 0). */
  usage: string;
  options: O;
  /** How many positional arguments the command takes (default: none). */
  positionals?: { min?: number; max?: number; name?: string };
}

/**
 * Reads argv with node's parseArgs and hands the raw values to `check`, which turns every numeric or enumerated
 * flag into its value with parseNumberFlag / parseChoiceFlag. Runs before the command does anything (no lock, no
 * server, no network): an unknown flag, a missing value or a FlagError prints the message and exits with code 2.
 */
export function parseCommandLine<O extends ParseArgsOptionsConfig, R>(
  line: CommandLine<O>,
  check: (values: Parsed<O>['values'], positionals: string[]) => R,
  argv: string[] = process.argv.slice(2),
): R {
  try {
    return readCommandLine(line, check, argv);
  } catch (err) {
    if (!(err instanceof FlagError)) throw err;
    console.error(`${err.message}\n(--help lists the flags)`);
    process.exit(2);
  }
}

/** parseCommandLine without the exit: throws FlagError (for callers that report errors themselves, and for tests). */
export function readCommandLine<O extends ParseArgsOptionsConfig, R>(line: CommandLine<O>, check: (values: Parsed<O>['values'], positionals: string[]) => R, argv: string[]): R {
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(line.usage);
    process.exit(0);
  }
  let parsed: Parsed<O>;
  try {
    parsed = parseArgs({ args: argv, options: line.options, allowPositionals: true, strict: true });
  } catch (err) {
    // node's messages ("Unknown option '--x'", "Option '--n <value>' argument missing") name the flag already
    if ((err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) throw new FlagError((err as Error).message.split('. ')[0]!);
    throw err;
  }
  const { min = 0, max = 0, name = 'argument' } = line.positionals ?? {};
  const count = parsed.positionals.length;
  if (count < min) throw new FlagError(`missing ${name}: give ${min === max ? min : `at least ${min}`}`);
  if (count > max) throw new FlagError(`${JSON.stringify(parsed.positionals[max])} is not a flag; this command takes ${max === 0 ? `no ${name}` : `at most ${max} ${name}(s)`}`);
  return check(parsed.values, parsed.positionals);
}
