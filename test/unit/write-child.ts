/**
 * Not a test: the child process of write.test.ts's kill test. `node write-child.js TARGET BYTES CHAR`
 * writes BYTES copies of CHAR to TARGET with writeFileAtomic (replacing it), printing `ready` once
 * loaded and `done MS` (the write's duration) when finished. The parent kills it at random points.
 */
import { writeFileAtomic } from '../../server/src/io/write';

const [target, bytes, char] = process.argv.slice(2);
const data = Buffer.alloc(Number(bytes), char);
process.stdout.write('ready\n', () => {
  const t0 = process.hrtime.bigint();
  writeFileAtomic(target, data, { force: true }).then(
    () => process.stdout.write(`done ${Number(process.hrtime.bigint() - t0) / 1e6}\n`),
    (e) => {
      process.stderr.write(String(e));
      process.exitCode = 1;
    },
  );
});
