// A child process for test/io/kill.slow.test.ts: reads every file of a finished report folder into
// memory (as `report` holds its files before writing), says "ready", then writes them to the
// target with the folder writer `report` uses (the compiled module named first), and says how long
// it took. A refused write prints the error's message and exits 2.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';

const [writerModule, source, target] = process.argv.slice(2);
const writer = await import(pathToFileURL(writerModule).href);

function collect(dir, files = new Map()) {
  for (const name of readdirSync(dir)) {
    if (name === '.sora-mc') continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) collect(path, files);
    else files.set(relative(source, path), readFileSync(path));
  }
  return files;
}

const files = collect(source);
process.stdout.write('ready\n');
const start = process.hrtime.bigint();
try {
  await writer.writeFolder(target, files, { say: (line) => process.stderr.write(`${line}\n`) });
} catch (error) {
  process.stdout.write(`refused ${error.message}\n`);
  process.exit(2);
}
process.stdout.write(`done ${Number(process.hrtime.bigint() - start) / 1e6}\n`);
