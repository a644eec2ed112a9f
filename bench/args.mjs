// The benches' command line (keystroke.mjs, check1mb.mjs, memory.mjs).
import { resolve } from 'node:path';

/**
 * Reads `argv` by `options`, each option with its default: `--draft-kb` is `args.draftKb`. What
 * an option takes follows its default: a number, the next argument as a number; false, nothing
 * (a flag: true); a list, the next argument split on white space, appended (a repeatable set of
 * node options); null, the next argument. Every other argument is a path, resolved and appended
 * to the list `args[paths]`.
 */
export function readArgs(argv, options, paths) {
  const key = (option) => option.slice(2).replace(/-([a-z0-9])/g, (_, c) => c.toUpperCase());
  const args = { [paths]: [] };
  for (const [option, value] of Object.entries(options)) args[key(option)] = Array.isArray(value) ? [...value] : value;
  for (let i = 0; i < argv.length; i++) {
    if (!(argv[i] in options)) {
      args[paths].push(resolve(argv[i]));
      continue;
    }
    const k = key(argv[i]);
    const given = options[argv[i]];
    if (given === false) args[k] = true;
    else if (Array.isArray(given)) args[k].push(argv[++i].split(/\s+/).filter(Boolean));
    else args[k] = typeof given === 'number' ? Number(argv[++i]) : argv[++i];
  }
  return args;
}
