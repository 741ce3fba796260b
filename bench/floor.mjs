// The floor process of bench/commands.bench.ts: `node bench/floor.mjs file.csv` reads the file the way the
// ingest does (4 MiB chunks, the next one read while this one is scanned), splits lines and fields on bytes and
// folds every field's digits into a number (so every field is "parsed"), and does nothing else: no strings,
// no table. Plain JavaScript so that it starts as fast as `node` itself. Prints rows and a checksum.
import { open } from 'node:fs/promises';

const file = process.argv[2];
const fh = await open(file, 'r');
const chunk = 4 << 20;
let incoming = Buffer.allocUnsafe(chunk);
let spare = Buffer.allocUnsafe(chunk);
const work = Buffer.allocUnsafe(2 * chunk);
let have = 0;
let rows = 0;
let check = 0;
let pending = fh.read(incoming, 0, chunk, null);
for (;;) {
  const { bytesRead } = await pending;
  const data = incoming;
  if (bytesRead > 0) {
    [incoming, spare] = [spare, incoming];
    pending = fh.read(incoming, 0, chunk, null);
  }
  data.copy(work, have, 0, bytesRead);
  const end = have + bytesRead;
  let lineStart = 0;
  let value = 0;
  let scale = 0;
  let line = 0;
  for (let p = 0; p < end; p++) {
    const c = work[p];
    if (c >= 48 && c <= 57) {
      value = value * 10 + (c - 48);
      scale *= 10;
    } else if (c === 46) scale = 1;
    else if (c === 44 || c === 59 || c === 9) {
      line += scale > 1 ? value / scale : value;
      value = 0;
      scale = 0;
    } else if (c === 10) {
      check += line + (scale > 1 ? value / scale : value);
      line = 0;
      value = 0;
      scale = 0;
      rows++;
      lineStart = p + 1;
    }
  }
  if (bytesRead === 0) {
    if (lineStart < end) rows++;
    break;
  }
  // a line cut by the chunk end is scanned again with the next chunk
  work.copy(work, 0, lineStart, end);
  have = end - lineStart;
}
await fh.close();
process.stdout.write(`${rows} ${check}\n`);
