/**
 * Command-line plumbing shared by the commands: one option parser (long and short options, `-h` /
 * `--help` on every command, `--` ends the options, `-` is a positional: standard input), the usage
 * text made from the same table, standard input read with the same limits as a file, and the
 * one-line message of a refused write.
 */
import { langFromLocale, msg, pick, type Lang } from '../core/i18n';
import { WriteRefused } from '../io/write';
import { decodeText, MAX_FILE_BYTES } from '../io/read';

/** The CLI's version (`--version`, the help, SARIF's tool). */
export const VERSION = '0.1.0';

export class UsageError extends Error {}

export interface OptionSpec {
  long: string;
  short?: string;
  /** The value's name in the usage ("FILE", "text|json"); absent for a flag. */
  value?: string;
  /** The values allowed, when they are a fixed set. */
  choices?: readonly string[];
  help: string;
  /** Accepted but not listed in the usage (transport options the language client adds). */
  hidden?: boolean;
}

export interface CommandSpec {
  name: string;
  /** What follows the command name in the synopsis, options excluded: "[paths…]", "FILE". */
  operands: string;
  /** One or more lines: what the command does (Vietnamese / English). */
  description: string;
  options: OptionSpec[];
  /** Lines after the options: exit codes, notes. */
  notes?: string;
}

export interface ParsedArgs {
  /** Value options by long name (the last one given wins). */
  values: Map<string, string>;
  /** Flags given, by long name. */
  flags: Set<string>;
  positionals: string[];
  /** `-h` or `--help` was given: print the usage, exit 0, whatever else is there. */
  help: boolean;
}

const HELP_OPTION: OptionSpec = { long: 'help', short: 'h', help: 'print this help and exit' };

/** Parses the arguments after the command name; throws UsageError with a plain sentence. */
export function parseCommand(spec: CommandSpec, argv: string[]): ParsedArgs {
  const parsed: ParsedArgs = { values: new Map(), flags: new Set(), positionals: [], help: false };
  const end = argv.indexOf('--');
  if ((end < 0 ? argv : argv.slice(0, end)).some((a) => a === '-h' || a === '--help')) {
    parsed.help = true;
    return parsed;
  }
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      parsed.positionals.push(...argv.slice(i + 1));
      break;
    }
    if (a === '-' || !a.startsWith('-')) {
      parsed.positionals.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const name = eq >= 0 ? a.slice(0, eq) : a;
    const opt = name.startsWith('--') ? spec.options.find((o) => o.long === name.slice(2)) : spec.options.find((o) => o.short === name.slice(1));
    if (!opt) throw new UsageError(`${spec.name}: unknown option ${name}`);
    const shown = `--${opt.long}`;
    if (!opt.value) {
      if (eq >= 0) throw new UsageError(`${spec.name}: ${shown} takes no value`);
      parsed.flags.add(opt.long);
      continue;
    }
    let v: string | undefined;
    if (eq >= 0) v = a.slice(eq + 1);
    else {
      v = argv[++i];
      if (v === undefined) throw new UsageError(`${spec.name}: ${shown} needs a value (${opt.value})`);
    }
    if (opt.choices && !opt.choices.includes(v)) throw new UsageError(`${spec.name}: ${shown} must be ${orList(opt.choices)}, not ${v || '""'}`);
    if (!opt.choices && !v) throw new UsageError(`${spec.name}: ${shown} needs a value (${opt.value})`);
    parsed.values.set(opt.long, v);
  }
  return parsed;
}

function orList(xs: readonly string[]): string {
  return xs.length < 2 ? xs.join('') : `${xs.slice(0, -1).join(', ')} or ${xs[xs.length - 1]}`;
}

/** The synopsis line of a command: `policy-report NAME [operands] [-x VALUE] …`. */
export function synopsis(spec: CommandSpec): string {
  const opts = spec.options.filter((o) => !o.hidden).map((o) => `[${o.short ? `-${o.short}|` : ''}--${o.long}${o.value ? ` ${o.value}` : ''}]`);
  return ['policy-report', spec.name, spec.operands, ...opts].filter(Boolean).join(' ');
}

/** The full usage of a command, printed by `--help`. */
export function usage(spec: CommandSpec): string {
  const rows = [...spec.options.filter((o) => !o.hidden), HELP_OPTION].map((o) => [`${o.short ? `-${o.short}, ` : '    '}--${o.long}${o.value ? ` ${o.value}` : ''}`, o.help]);
  const width = Math.max(...rows.map(([l]) => l.length)) + 2;
  const lines = rows.map(([l, h]) => `  ${l.padEnd(width)}${h}`);
  return [`Usage: ${synopsis(spec)}`, '', spec.description, '', 'Options:', ...lines, ...(spec.notes ? ['', spec.notes] : [])].join('\n');
}

/**
 * Reads standard input as text with the limits of a file (MAX_FILE_BYTES, no NUL byte, valid
 * UTF-8), or says why it cannot be used.
 */
export async function readStdinText(maxBytes = MAX_FILE_BYTES): Promise<{ text: string } | { reason: string }> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) {
      process.stdin.destroy();
      return { reason: `too large (over ${(maxBytes / (1024 * 1024)).toFixed(1)} MB)` };
    }
    chunks.push(chunk);
  }
  const r = decodeText(Buffer.concat(chunks));
  return 'text' in r ? r : { reason: r.reason };
}

/** The language of the CLI's own lines when no --lang applies: the locale's (LC_ALL, then LANG). */
export function localeLang(): Lang {
  return langFromLocale(process.env.LC_ALL || process.env.LANG);
}

/** A refused or failed write, in one line: `cannot write OUT: why`, in the locale's language. */
export function writeErrorText(target: string, e: unknown): string {
  const lang = localeLang();
  if (e instanceof WriteRefused) return pick(msg(`không ghi ${target}: ${e.reason.vi}`, `cannot write ${target}: ${e.reason.en}`), lang);
  return pick(msg(`không ghi ${target}`, `cannot write ${target}`), lang) + `: ${e instanceof Error ? e.message : String(e)}`;
}
