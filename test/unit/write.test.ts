/**
 * The writer (server/src/io/write.ts): property tests over every kind of thing that can sit at the
 * target or at FILE.bak (nothing, a file, a link to a victim, a broken link, a folder, a FIFO, a hard
 * link to the input, the input itself) with every option; a write swapped under its feet; an error
 * in the middle of a write; and SIGKILL at random points of a large write in a child process, which
 * must leave the target with exactly its old or its new content.
 */
import * as assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, linkSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, symlinkSync, unlinkSync, watch, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as fc from 'fast-check';
import { backupFile, sameFile, writeFileAtomic, WriteRefused } from '../../server/src/io/write';

const RUNS = Number(process.env.FC_NUM_RUNS) || 40;
const SEED = process.env.FC_SEED ? Number(process.env.FC_SEED) : 20261203;

function hasMkfifo(): boolean {
  if (process.platform === 'win32') return false;
  const probe = mkdtempSync(path.join(tmpdir(), 'policy-report-fifo-'));
  try {
    return spawnSync('mkfifo', [path.join(probe, 'p')]).status === 0;
  } finally {
    rmSync(probe, { recursive: true, force: true });
  }
}
const MKFIFO = hasMkfifo();

function mkfifo(p: string): void {
  const r = spawnSync('mkfifo', [p]);
  assert.equal(r.status, 0, `mkfifo ${p}: ${r.stderr}`);
}

/** What is at a path, with enough detail to see any change: kind, inode, link text, content. */
function snapshot(p: string): string {
  let st;
  try {
    st = lstatSync(p);
  } catch {
    return 'absent';
  }
  if (st.isSymbolicLink()) return `link ${st.ino} -> ${readlinkSync(p)}`;
  if (st.isDirectory()) return `dir ${st.ino}`;
  if (st.isFIFO()) return `fifo ${st.ino}`;
  return `file ${st.ino} ${(st.mode & 0o7777).toString(8)} ${readFileSync(p, 'hex')}`;
}

/** A small seeded generator (mulberry32): uniform in [0, 1), the same sequence for the same seed. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const tmpFiles = (dir: string): string[] => readdirSync(dir).filter((n) => n.endsWith('.tmp'));

type Kind = 'absent' | 'file' | 'link-to-victim' | 'broken-link' | 'folder' | 'fifo';
type TargetKind = Kind | 'hard-link-to-input' | 'input-itself';

/** Puts a thing of this kind at `at` (a file holds `content`; a link points at `victim`). */
function plant(kind: Kind, at: string, victim: string, content: string): void {
  if (kind === 'file') writeFileSync(at, content);
  else if (kind === 'link-to-victim') symlinkSync(victim, at);
  else if (kind === 'broken-link') symlinkSync(`${at}.nowhere`, at);
  else if (kind === 'folder') mkdirSync(at);
  else if (kind === 'fifo') mkfifo(at);
}
const TARGET_KINDS: TargetKind[] = ['absent', 'file', 'link-to-victim', 'broken-link', 'folder', ...(MKFIFO ? (['fifo'] as const) : []), 'hard-link-to-input', 'input-itself'];
const BAK_KINDS: Kind[] = ['absent', 'file', 'link-to-victim', 'broken-link', 'folder', ...(MKFIFO ? (['fifo'] as const) : [])];

describe('io/write', function () {
  /** A fresh folder for these tests, removed after them. */
  let root: string;
  before(() => (root = mkdtempSync(path.join(tmpdir(), 'policy-report-write-'))));
  after(() => rmSync(root, { recursive: true, force: true }));

  describe('writeFileAtomic', () => {
    it('property: whatever is at the target and whatever the options, a link is never followed, a refusal changes nothing, a success leaves exactly the data, no temporary file stays', async () => {
      let n = 0;
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...TARGET_KINDS),
          fc.record({ force: fc.boolean(), createOnly: fc.boolean(), guardInput: fc.boolean() }),
          fc.uint8Array({ maxLength: 3000 }),
          fc.constantFrom(0o600, 0o640, 0o755),
          async (kind, opts, data, mode) => {
            const dir = path.join(root, `p${n++}`);
            mkdirSync(dir);
            const input = path.join(dir, 'input.report.md');
            const victim = path.join(dir, 'victim');
            writeFileSync(input, 'the input');
            writeFileSync(victim, 'the victim');
            const target = kind === 'input-itself' ? input : path.join(dir, 'out.md');
            if (kind === 'hard-link-to-input') linkSync(input, target);
            else if (kind !== 'input-itself') plant(kind, target, victim, 'old content');
            if (kind === 'file') chmodSync(target, mode);
            const before = { target: snapshot(target), input: snapshot(input), victim: snapshot(victim) };
            const options = { force: opts.force, createOnly: opts.createOnly, inputs: opts.guardInput ? [input] : undefined };
            // The expected outcome, from the contract.
            const isInput = kind === 'input-itself' || kind === 'hard-link-to-input';
            const expected =
              isInput && opts.guardInput
                ? 'same-as-input'
                : kind === 'link-to-victim' || kind === 'broken-link'
                  ? 'symlink'
                  : kind === 'folder' || kind === 'fifo'
                    ? 'not-regular'
                    : kind !== 'absent' && (opts.createOnly || !opts.force)
                      ? 'exists'
                      : 'written';
            let outcome: string;
            try {
              await writeFileAtomic(target, data, options);
              outcome = 'written';
            } catch (e) {
              assert.ok(e instanceof WriteRefused, String(e));
              outcome = e.code;
              assert.ok(e.reason.vi && e.reason.en);
            }
            assert.equal(outcome, expected, `${kind} ${JSON.stringify(opts)}`);
            assert.equal(snapshot(victim), before.victim, 'the victim behind a link is untouched');
            if (outcome === 'written') {
              const st = lstatSync(target);
              assert.ok(st.isFile());
              assert.deepEqual(new Uint8Array(readFileSync(target)), data);
              if (kind === 'file') assert.equal(st.mode & 0o7777, mode, 'a replaced file keeps its mode');
              // A hard link to the input is a name of its own: replacing it leaves the input as it was.
              if (kind !== 'input-itself') assert.equal(snapshot(input), before.input);
            } else {
              assert.equal(snapshot(target), before.target, 'a refused write changes nothing');
              assert.equal(snapshot(input), before.input);
            }
            assert.deepEqual(tmpFiles(dir), []);
            rmSync(dir, { recursive: true, force: true });
          },
        ),
        { numRuns: RUNS * 2, seed: SEED, endOnFailure: true },
      );
    });

    it('a target whose folder does not exist is refused, nothing is created', async () => {
      await assert.rejects(writeFileAtomic(path.join(root, 'no', 'such', 'x.md'), 'x'), (e: unknown) => e instanceof WriteRefused && e.code === 'no-folder');
      assert.ok(!existsSync(path.join(root, 'no')));
    });

    it('a target swapped for a link to a victim during the write: not replaced, the victim untouched, no temporary file left', async () => {
      const dir = mkdtempSync(path.join(root, 'swap-'));
      const target = path.join(dir, 'out.md');
      const victim = path.join(dir, 'victim');
      writeFileSync(target, 'old');
      writeFileSync(victim, 'the victim');
      // The swap happens when the temporary file appears (an event, not a delay); 64 MB take many writes.
      let swapped = false;
      const watcher = watch(dir, (_event, name) => {
        if (!swapped && String(name).endsWith('.tmp')) {
          swapped = true;
          unlinkSync(target);
          symlinkSync(victim, target);
        }
      });
      try {
        await assert.rejects(writeFileAtomic(target, Buffer.alloc(64 << 20, 'n'), { force: true }), (e: unknown) => e instanceof WriteRefused && e.code === 'changed');
      } finally {
        watcher.close();
      }
      assert.ok(swapped, 'the watcher saw the temporary file');
      assert.equal(readFileSync(victim, 'utf8'), 'the victim');
      assert.ok(lstatSync(target).isSymbolicLink());
      assert.deepEqual(tmpFiles(dir), []);
    });

    it('an error in the middle of the write: the target untouched, the temporary file removed', async () => {
      const dir = mkdtempSync(path.join(root, 'err-'));
      const target = path.join(dir, 'out.md');
      writeFileSync(target, 'old');
      // A buffer that fails once writing has begun (as a full disk would).
      const data = new Uint8Array(3 << 20);
      let reads = 0;
      Object.defineProperty(data, 'length', {
        get() {
          if (++reads > 3) throw new Error('simulated write failure');
          return 3 << 20;
        },
      });
      await assert.rejects(writeFileAtomic(target, data, { force: true }), /simulated write failure/);
      assert.equal(readFileSync(target, 'utf8'), 'old');
      assert.deepEqual(tmpFiles(dir), []);
    });

    it('a text in pieces: written as the pieces joined, in UTF-8; a piece that fails leaves the target untouched', async () => {
      const dir = mkdtempSync(path.join(root, 'pieces-'));
      const target = path.join(dir, 'index.json');
      writeFileSync(target, 'old');
      // More than one write's worth (the pieces are joined about 512 K characters at a time), two-byte characters throughout.
      const pieces = Array.from({ length: 300 }, (_, i) => `${i ? ',' : '['}"Tỷ lệ hộ nghèo ${i} ${'đạt 2,3% '.repeat(i % 7 === 0 ? 400 : 3)}"`).concat([']']);
      await writeFileAtomic(target, { pieces }, { force: true });
      assert.equal(readFileSync(target, 'utf8'), pieces.join(''));
      // Pieces as bytes, or strings and bytes mixed: the same file.
      await writeFileAtomic(target, { pieces: pieces.map((p, i) => (i % 3 ? Buffer.from(p, 'utf8') : p)) }, { force: true });
      assert.equal(readFileSync(target, 'utf8'), pieces.join(''));
      assert.equal(JSON.parse(readFileSync(target, 'utf8')).length, 300);
      function* failing(): Generator<string> {
        yield 'x'.repeat(1 << 20);
        throw new Error('simulated piece failure');
      }
      await assert.rejects(writeFileAtomic(target, { pieces: failing() }, { force: true }), /simulated piece failure/);
      assert.equal(readFileSync(target, 'utf8'), pieces.join(''));
      assert.deepEqual(tmpFiles(dir), []);
    });

    it('unchangedSince: a target edited since the caller read it is not replaced (the edit is kept)', async () => {
      const dir = mkdtempSync(path.join(root, 'edit-'));
      const target = path.join(dir, 'draft.report.md');
      writeFileSync(target, 'as read');
      const seen = lstatSync(target);
      await writeFileAtomic(target, 'marked', { force: true, unchangedSince: seen });
      assert.equal(readFileSync(target, 'utf8'), 'marked');
      const seen2 = lstatSync(target);
      writeFileSync(target, 'an edit saved meanwhile');
      await assert.rejects(writeFileAtomic(target, 'marked again', { force: true, unchangedSince: seen2 }), (e: unknown) => e instanceof WriteRefused && e.code === 'changed');
      assert.equal(readFileSync(target, 'utf8'), 'an edit saved meanwhile');
      assert.deepEqual(tmpFiles(dir), []);
    });

    it('sameFile: the same file under another spelling, through a link or a hard link; not a different file', async () => {
      const dir = mkdtempSync(path.join(root, 'same-'));
      const a = path.join(dir, 'a.md');
      writeFileSync(a, 'a');
      mkdirSync(path.join(dir, 'sub'));
      symlinkSync(a, path.join(dir, 'link.md'));
      linkSync(a, path.join(dir, 'hard.md'));
      writeFileSync(path.join(dir, 'b.md'), 'a');
      assert.ok(await sameFile(a, path.join(dir, 'sub', '..', 'a.md')));
      assert.ok(await sameFile(path.join(dir, 'link.md'), a));
      assert.ok(await sameFile(path.join(dir, 'hard.md'), a));
      assert.ok(!(await sameFile(path.join(dir, 'b.md'), a)));
      assert.ok(!(await sameFile(path.join(dir, 'absent.md'), a)));
    });
  });


  describe('backupFile', () => {
    it('property: the backup takes the first free name of FILE.bak, FILE.bak.1, …; whatever holds the others is neither followed nor replaced', async () => {
      let n = 0;
      await fc.assert(
        fc.asyncProperty(fc.array(fc.constantFrom(...BAK_KINDS), { maxLength: 5 }), fc.uint8Array({ maxLength: 2000 }), async (kinds, content) => {
          const dir = path.join(root, `p${n++}`);
          mkdirSync(dir);
          const file = path.join(dir, 'draft.report.md');
          const victim = path.join(dir, 'victim');
          writeFileSync(file, content);
          writeFileSync(victim, 'the victim');
          const names = kinds.map((_, i) => `${file}.bak${i ? `.${i}` : ''}`);
          kinds.forEach((k, i) => plant(k, names[i], victim, `older backup ${i}`));
          const before = names.map(snapshot);
          const fileBefore = snapshot(file);
          const backup = await backupFile(file);
          const free = kinds.findIndex((k) => k === 'absent');
          const expected = free >= 0 ? free : kinds.length;
          assert.equal(path.resolve(backup), `${file}.bak${expected ? `.${expected}` : ''}`);
          assert.deepEqual(new Uint8Array(readFileSync(backup)), content);
          assert.ok(lstatSync(backup).isFile());
          names.forEach((nm, i) => {
            if (i !== expected) assert.equal(snapshot(nm), before[i], `${nm} untouched`);
          });
          assert.equal(readFileSync(victim, 'utf8'), 'the victim');
          assert.equal(snapshot(file), fileBefore);
          assert.deepEqual(tmpFiles(dir), []);
          rmSync(dir, { recursive: true, force: true });
        }),
        { numRuns: RUNS, seed: SEED, endOnFailure: true },
      );
    });

    it('a FILE that is a link is not followed: refused', async () => {
      const dir = mkdtempSync(path.join(root, 'link-'));
      writeFileSync(path.join(dir, 'real.md'), 'x');
      symlinkSync(path.join(dir, 'real.md'), path.join(dir, 'draft.report.md'));
      await assert.rejects(backupFile(path.join(dir, 'draft.report.md')), (e: unknown) => e instanceof WriteRefused && e.code === 'symlink');
      assert.deepEqual(readdirSync(dir).sort(), ['draft.report.md', 'real.md']);
    });

    it('a FILE that is a FIFO: refused at once, no hang', async function () {
      if (!MKFIFO) this.skip(); // no mkfifo on this system: nothing to test
      const dir = mkdtempSync(path.join(root, 'fifo-'));
      mkfifo(path.join(dir, 'draft.report.md'));
      await assert.rejects(backupFile(path.join(dir, 'draft.report.md')), (e: unknown) => e instanceof WriteRefused && e.code === 'not-regular');
    });
  });
});

describe('io/write: SIGKILL at random points of a write', function () {
  this.timeout(600000);
  const child = path.join(__dirname, 'write-child.js');
  const ITERATIONS = Number(process.env.KILL_ITERATIONS) || 30;
  // Two contents of different lengths and bytes: any mix or truncation is neither.
  const A = { bytes: 16 << 20, char: 'a' };
  const B = { bytes: 24 << 20, char: 'b' };
  let dir: string;
  before(() => (dir = mkdtempSync(path.join(tmpdir(), 'policy-report-kill-'))));
  after(() => rmSync(dir, { recursive: true, force: true }));

  /** Runs the child; kills it `killAfterMs` after it says `ready` (never, if undefined). */
  function runChild(target: string, c: { bytes: number; char: string }, killAfterMs?: number): Promise<{ done: boolean; ms?: number }> {
    return new Promise((resolve, reject) => {
      const p = spawn(process.execPath, [child, target, String(c.bytes), c.char], { stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      let err = '';
      let timer: NodeJS.Timeout | undefined;
      p.stdout.on('data', (d: Buffer) => {
        const first = !out.includes('ready');
        out += d.toString();
        if (first && out.includes('ready') && killAfterMs !== undefined) timer = setTimeout(() => p.kill('SIGKILL'), killAfterMs);
      });
      p.stderr.on('data', (d: Buffer) => (err += d.toString()));
      p.on('error', reject);
      p.on('exit', (code, signal) => {
        if (timer) clearTimeout(timer);
        const m = /done (\S+)/.exec(out);
        if (m) resolve({ done: true, ms: Number(m[1]) });
        else if (signal === 'SIGKILL') resolve({ done: false });
        else reject(new Error(`child exited ${code}: ${err}`));
      });
    });
  }

  /** Which of the two contents the file holds exactly, or a description of what else it holds. */
  function holds(target: string): 'A' | 'B' | string {
    const st = lstatSync(target);
    if (!st.isFile()) return 'not a regular file';
    const buf = readFileSync(target);
    for (const [name, c] of [['A', A], ['B', B]] as const) {
      if (buf.length === c.bytes && buf.every((x) => x === c.char.charCodeAt(0))) return name;
    }
    return `${buf.length} bytes, starting ${JSON.stringify(buf.subarray(0, 8).toString())}`;
  }

  it(`${ITERATIONS} kills: the target holds exactly the old or the new content every time`, async () => {
    const target = path.join(dir, 'report.report.md');
    writeFileSync(target, Buffer.alloc(A.bytes, A.char));
    chmodSync(target, 0o640);
    // One undisturbed write: how long a write takes here, to spread the kills over it.
    const calibration = await runChild(target, B);
    assert.ok(calibration.done && calibration.ms !== undefined);
    assert.equal(holds(target), 'B');
    const span = Math.max(5, calibration.ms * 1.3);
    const random = mulberry32(SEED);
    const delays = Array.from({ length: ITERATIONS }, () => random() * span);
    let current: 'A' | 'B' = 'B';
    const tally = { old: 0, new: 0, tmpLeft: 0 };
    for (const delay of delays) {
      const next: 'A' | 'B' = current === 'A' ? 'B' : 'A';
      const r = await runChild(target, next === 'A' ? A : B, delay);
      const now = holds(target);
      assert.ok(now === current || now === next, `after a kill at ${delay.toFixed(1)} ms: ${now}`);
      assert.equal(statSync(target).mode & 0o7777, 0o640, 'the mode is kept');
      if (r.done) assert.equal(now, next, 'a finished write holds the new content');
      tally[now === current ? 'old' : 'new']++;
      current = now as 'A' | 'B';
      // A kill between the temporary file's creation and the rename leaves it behind (nothing can
      // remove it then); it is never the target. Clear it for the next round.
      for (const t of tmpFiles(dir)) {
        tally.tmpLeft++;
        unlinkSync(path.join(dir, t));
      }
    }
    // The kills landed on both sides of the rename and inside the write (else this proves nothing).
    assert.ok(tally.old > 0 && tally.new > 0 && tally.tmpLeft > 0, JSON.stringify(tally));
  });
});
