/**
 * The one way every script parses its command line: `node:util` `parseArgs` with `strict: true`
 * over an option table, numbers read by {@link parseCliNumber}, and `--help` printed from the same
 * table. Node-only (scripts/*.ts and ./cli-args.ts).
 *
 * Accepted forms: `--name value`, `--name=value`, bare booleans, `--no-name`, and (as before this
 * helper) `--name true|false` / `--name=true|false` for booleans. `-h` is `--help`.
 */
import { parseArgs } from 'node:util';
import { parseCliNumber, type CliNumberBounds } from './cli-number';

/** One option of a command: its type, help line and (optional) default. */
export type CliOption =
  | { type: 'boolean'; help: string; default?: boolean }
  | { type: 'string'; help: string; default?: string; choices?: readonly string[]; arg?: string }
  | { type: 'number'; help: string; default?: number; bounds?: CliNumberBounds; arg?: string }
  | { type: 'numbers'; help: string; default?: readonly number[]; bounds?: CliNumberBounds; arg?: string };

/** A command's options by name (without the leading `--`). */
export type CliTable = Readonly<Record<string, CliOption>>;

type ValueOf<O> = O extends { type: 'boolean' }
  ? boolean
  : O extends { type: 'number' }
    ? number
    : O extends { type: 'numbers' }
      ? number[]
      : O extends { choices: readonly (infer C)[] }
        ? C
        : string;

/** Parsed values: an option with a default is always set, any other is undefined when absent. */
export type CliValues<T extends CliTable> = {
  -readonly [K in keyof T]: T[K] extends { default: unknown } ? ValueOf<T[K]> : ValueOf<T[K]> | undefined;
};

/** The result of {@link parseCli}: `help` true means print {@link formatHelp} and stop. */
export interface CliParse<T extends CliTable> {
  help: boolean;
  values: CliValues<T>;
}

/** Rewrites `--b true|false` and `--b=true|false` of boolean options as `--b` / `--no-b`. */
function normalizeBooleans(argv: readonly string[], table: CliTable): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      out.push(...argv.slice(i));
      break;
    }
    const m = /^--([^=]+)(?:=(.*))?$/.exec(arg);
    const name = m?.[1];
    if (!m || name === undefined || table[name]?.type !== 'boolean') {
      out.push(arg);
      continue;
    }
    let value = m[2];
    if (value === undefined && (argv[i + 1] === 'true' || argv[i + 1] === 'false')) value = argv[++i];
    if (value !== undefined && value !== 'true' && value !== 'false')
      throw new Error(`--${name} takes true or false (got '${value}')`);
    out.push(value === 'false' ? `--no-${name}` : `--${name}`);
  }
  return out;
}

/** The `parseArgs` options of a table (all values as strings; numbers are read afterwards). */
function parseArgsOptions(table: CliTable): Record<string, { type: 'string' | 'boolean'; short?: string }> {
  const options: Record<string, { type: 'string' | 'boolean'; short?: string }> = {
    help: { type: 'boolean', short: 'h' },
  };
  for (const [name, o] of Object.entries(table)) options[name] = { type: o.type === 'boolean' ? 'boolean' : 'string' };
  return options;
}

/**
 * Names the first argument that made strict `parseArgs` fail: an unknown flag, a string option
 * without a value, or a positional argument. Falls back to parseArgs' own message.
 */
function explainParseError(argv: string[], table: CliTable, error: Error): Error {
  const options = parseArgsOptions(table);
  const known = Object.keys(options)
    .map((k) => `--${k}`)
    .join(' ');
  const { tokens } = parseArgs({ args: argv, options, strict: false, allowNegative: true, tokens: true });
  for (const t of tokens) {
    if (t.kind === 'positional') return new Error(`unexpected argument '${t.value}' (flags start with --)`);
    if (t.kind !== 'option') continue;
    const o = options[t.name];
    if (!o || (t.rawName.startsWith('--no-') && o.type !== 'boolean'))
      return new Error(`unknown flag ${t.rawName} (known: ${known})`);
    if (o.type === 'string' && t.value === undefined) return new Error(`--${t.name} needs a value`);
    if (o.type === 'string' && !t.inlineValue && t.value?.startsWith('-')) {
      const dash = t.value.startsWith('--') ? '' : ` (write --${t.name}=${t.value} for a value that starts with -)`;
      return new Error(`--${t.name} needs a value${dash}`);
    }
  }
  return new Error(error.message.split('\n')[0], { cause: error });
}

/** Converts one raw value of option `name` to its type. @throws Error naming the option. */
function convert(name: string, option: CliOption, raw: string | boolean): unknown {
  switch (option.type) {
    case 'boolean':
      return raw;
    case 'number':
      return parseCliNumber(name, raw as string, option.bounds);
    case 'numbers':
      return (raw as string).split(',').map((v) => parseCliNumber(name, v, option.bounds));
    case 'string':
      if (option.choices && !option.choices.includes(raw as string))
        throw new Error(`--${name} must be one of ${option.choices.join(', ')} (got '${raw}')`);
      return raw;
  }
}

/** The defaults of a table (options without one are absent). */
function defaults<T extends CliTable>(table: T): CliValues<T> {
  const values: Record<string, unknown> = {};
  for (const [name, o] of Object.entries(table))
    if (o.default !== undefined) values[name] = Array.isArray(o.default) ? [...o.default] : o.default;
  return values as CliValues<T>;
}

/**
 * Parses `argv` (without node and the script) against `table`.
 * `--help`/`-h` anywhere returns `{ help: true }` with the defaults and checks nothing else.
 * @throws Error with a one-line reason: `unknown flag --x (known: …)`, `--x needs a value`,
 *   `unexpected argument 'v' (flags start with --)`, `--x given twice`, `--x takes true or false`,
 *   `--x must be one of a, b (got 'v')`, or the number errors of {@link parseCliNumber}.
 */
export function parseCli<T extends CliTable>(argv: readonly string[], table: T): CliParse<T> {
  const end = argv.indexOf('--');
  const flags = end >= 0 ? argv.slice(0, end) : argv;
  if (flags.includes('--help') || flags.includes('-h')) return { help: true, values: defaults(table) };
  const args = normalizeBooleans(argv, table);
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args, options: parseArgsOptions(table), strict: true, allowNegative: true, tokens: true });
  } catch (e) {
    throw explainParseError(args, table, e as Error);
  }
  const seen = new Set<string>();
  for (const t of parsed.tokens ?? []) {
    if (t.kind !== 'option') continue;
    if (seen.has(t.name)) throw new Error(`--${t.name} given twice`);
    seen.add(t.name);
  }
  const values: Record<string, unknown> = defaults(table);
  for (const [name, raw] of Object.entries(parsed.values)) {
    const option = table[name];
    if (option && raw !== undefined) values[name] = convert(name, option, raw as string | boolean);
  }
  return { help: false, values: values as CliValues<T> };
}

/** The placeholder of an option's value in the help text ('N', 'A,B,…', 'a|b'). */
function argName(o: CliOption): string {
  if (o.type === 'boolean') return '';
  if (o.arg) return o.arg;
  if (o.type === 'number') return 'N';
  if (o.type === 'numbers') return 'A,B,…';
  return o.choices ? o.choices.join('|') : 'VALUE';
}

/** `usage` then one line per option of `table` (with its default), then `--help`. */
export function formatHelp(usage: string, table: CliTable): string {
  const rows = Object.entries(table).map(([name, o]) => {
    const shown = o.default === undefined || o.type === 'boolean' ? '' : ` (default ${String(o.default)})`;
    return [`--${name} ${argName(o)}`.trimEnd(), `${o.help}${shown}`];
  });
  rows.push(['--help, -h', 'print this help']);
  const width = Math.max(...rows.map(([flag]) => flag.length));
  return [usage, ...rows.map(([flag, help]) => `  ${flag.padEnd(width)}  ${help}`)].join('\n');
}
