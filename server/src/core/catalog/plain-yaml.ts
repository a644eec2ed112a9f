/**
 * The embedded default catalog's YAML read by a small reader of the plain subset its file is
 * written in (block mappings and lists, one-line flow lists and mappings, double-quoted strings
 * without escapes and plain scalars on one line, folded `>-` text), into the same nodes the yaml
 * package makes, so that load.ts reads them as it reads the package's. The package's
 * `parseDocument` takes about 0.5 s of CPU on a cold start for this 270 KB file, before the first
 * diagnostics when no saved parse is there (lsp/index-store.ts); this reader about a tenth. Only
 * the default catalog is read so: a workspace's catalog goes through the package, with its errors
 * and their positions. Anything outside the subset (an anchor, a tag, an escape, a multi-line plain
 * scalar, a duplicate key…) makes it give up (null), and the package reads the file;
 * test/unit/plain-yaml.test.ts checks that both give the same catalog.
 */
import { Pair, Scalar, YAMLMap, YAMLSeq, type Node } from 'yaml';

class Unsupported extends Error {}
const give = (): never => {
  throw new Unsupported();
};

const KEY = /^([A-Za-z_$][\w$-]*):(?= |$)/;
const NUMBER = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;
/** What the core schema reads otherwise (null, .inf, .nan, hex, octal), or what starts another construct. */
const OTHER = /^(?:~|[Nn]ull|NULL|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN|0[xo]\w*)$|^[&*!%@`|>?'#]|^-(?: |$)|: |:$/;

/** A scalar node (`source` as the package sets it: the text its value was read from); `plain`: resolved by the core schema. */
function scalar(source: string, start: number, end: number, plain = true): Scalar {
  if (plain && (source === '' || OTHER.test(source))) give();
  const s = new Scalar(!plain ? source : /^(?:true|True|TRUE)$/.test(source) ? true : /^(?:false|False|FALSE)$/.test(source) ? false : NUMBER.test(source) ? Number(source) : source);
  s.source = source;
  s.range = [start, end, end];
  return s;
}

class Reader {
  private readonly starts: number[] = [];
  private readonly lines: string[];
  private at = 0;

  constructor(text: string) {
    this.lines = text.split('\n');
    let offset = 0;
    for (const line of this.lines) {
      if (/[\r\t\\]/.test(line)) give();
      this.starts.push(offset);
      offset += line.length + 1;
    }
  }

  /** The next line holding something but a comment, from `at`, or -1. */
  next(): number {
    for (; this.at < this.lines.length; this.at++) {
      const t = this.lines[this.at].trimStart();
      if (t !== '' && t[0] !== '#') return this.at;
    }
    return -1;
  }

  indent(i: number): number {
    return i < 0 ? -1 : this.lines[i].length - this.lines[i].trimStart().length;
  }

  /** The block node on the next line, indented more than `col`. */
  block(col: number): Node {
    const i = this.next();
    const c = this.indent(i);
    if (c <= col) give();
    const rest = this.lines[i].slice(c);
    return rest === '-' || rest.startsWith('- ') ? this.seq(i, c) : this.map(i, c);
  }

  /** A block mapping whose first key is on line `i` at column `col`, its other keys on their own lines there. */
  map(i: number, col: number): YAMLMap {
    const map = new YAMLMap();
    const seen = new Set<string>();
    let end = 0;
    for (let line = i; ; line = this.next()) {
      const m = KEY.exec(this.lines[line].slice(col)) ?? give();
      if (seen.has(m[1])) give();
      seen.add(m[1]);
      const at = this.starts[line] + col;
      this.at = line + 1;
      const value = this.value(line, col + m[0].length, col);
      map.items.push(new Pair(scalar(m[1], at, at + m[1].length), value));
      end = value.range![1];
      const n = this.indent(this.next());
      if (n < col) break;
      if (n > col) give();
    }
    return this.ranged(map, i, col, end);
  }

  /** A block list whose first "-" is on line `i` at column `col`. */
  seq(i: number, col: number): YAMLSeq {
    const seq = new YAMLSeq();
    let end = 0;
    for (let line = i; ; line = this.next()) {
      const text = this.lines[line];
      if (!(text.length === col + 1 || text.startsWith(' ', col + 1))) give();
      let c = col + 1;
      while (text[c] === ' ') c++;
      this.at = line + 1;
      const item = c >= text.length ? this.block(col) : KEY.test(text.slice(c)) ? this.map(line, c) : this.value(line, c, col);
      seq.items.push(item);
      end = item.range![1];
      const n = this.indent(this.next());
      if (n < col || (n === col && this.lines[this.at][col] !== '-')) break;
      if (n > col) give();
    }
    return this.ranged(seq, i, col, end);
  }

  /** A collection's range, from its first line's column to its last item's end. */
  ranged<T extends YAMLMap | YAMLSeq>(node: T, i: number, col: number, end: number): T {
    node.range = [this.starts[i] + col, end, end];
    return node;
  }

  /** The value on line `i` from column `from`; `col` is its key's or its "-"'s column. */
  value(i: number, from: number, col: number): Node {
    const text = this.lines[i];
    const base = this.starts[i];
    let c = from;
    while (text[c] === ' ') c++;
    const rest = text.slice(c);
    if (rest === '' || rest[0] === '#') return this.block(col);
    if (rest.startsWith('>-')) {
      if (rest.trim() !== '>-') give();
      return this.folded(col, base + c);
    }
    let node: Node;
    let after: number;
    if (/^["[{]/.test(rest)) {
      [node, after] = flow(text, c, base);
    } else {
      const hash = rest.indexOf(' #');
      const source = (hash < 0 ? rest : rest.slice(0, hash)).trimEnd();
      node = scalar(source, base + c, base + c + source.length);
      after = c + source.length;
      // A plain scalar going on to the next line.
      const n = this.indent(this.next());
      if (n > col && !(this.lines[this.at][n] === '-' || KEY.test(this.lines[this.at].slice(n)))) give();
    }
    if (!/^(?: *| +#.*)$/.test(text.slice(after))) give();
    return node;
  }

  /** A folded, stripped block scalar (`>-`) after a key at column `col`: its lines from `at`, one indent. */
  folded(col: number, start: number): Scalar {
    let indent = -1;
    let value = '';
    let blank = 0;
    let end = start;
    for (; this.at < this.lines.length; this.at++) {
      const line = this.lines[this.at];
      if (line.trim() === '') {
        if (line.length > Math.max(indent, col)) give();
        blank++;
        continue;
      }
      const n = this.indent(this.at);
      if (n <= col) break;
      if (indent < 0) indent = n;
      else if (n !== indent) give();
      // One line break between two lines is a space; each empty line between them a line break.
      value += value === '' ? (blank ? give() : '') : blank ? '\n'.repeat(blank) : ' ';
      value += line.slice(indent);
      blank = 0;
      end = this.starts[this.at] + line.length;
    }
    if (value === '') give();
    return scalar(value, start, end, false);
  }
}

/** A one-line flow node or double-quoted string at `c` of `line` (`base`: the line's offset): the node and the column after it. */
function flow(line: string, c: number, base: number): [Node, number] {
  const ch = line[c];
  if (ch === '"') {
    const k = line.indexOf('"', c + 1);
    if (k < 0) give();
    return [scalar(line.slice(c + 1, k), base + c, base + k + 1, false), k + 1];
  }
  if (ch !== '[' && ch !== '{') {
    const m = /^[^,[\]{}#"]*?(?=\s*(?:[,\]}]|: |$))/.exec(line.slice(c))!;
    return [scalar(m[0], base + c, base + c + m[0].length), c + m[0].length];
  }
  const map = ch === '{';
  const node = map ? new YAMLMap() : new YAMLSeq();
  node.flow = true;
  const seen = new Set<unknown>();
  let k = c + 1;
  const item = (): Node => {
    while (line[k] === ' ') k++;
    const [n, after] = flow(line, k, base);
    k = after;
    while (line[k] === ' ') k++;
    return n;
  };
  while (line[k] !== (map ? '}' : ']')) {
    if (k >= line.length) give();
    const n = item();
    if (map) {
      const key = n instanceof Scalar ? n.value : give();
      if (line[k++] !== ':' || seen.has(key)) give();
      seen.add(key);
      node.items.push(new Pair(n, item()) as never);
    } else node.items.push(n as never);
    if (line[k] === ',') k++;
    else if (line[k] !== (map ? '}' : ']')) give();
  }
  node.range = [base + c, base + k + 1, base + k + 1];
  return [node, k + 1];
}

/** The catalog file's top-level mapping as the yaml package would make it, or null when the text is outside the subset read here. */
export function plainYaml(text: string): YAMLMap | null {
  try {
    const r = new Reader(text);
    const root = r.map(r.next(), 0);
    return r.next() < 0 ? root : null;
  } catch (e) {
    if (e instanceof Unsupported) return null;
    throw e;
  }
}
