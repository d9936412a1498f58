// A child process for test/io/kill.test.ts: reads every file of a finished report folder into
// memory (as `report` holds its files before writing), says "ready", then writes them to the
// target with the compiled writer `report` uses (dist/src/io/write.js), and says how long it took.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';

const [writerModule, source, target] = process.argv.slice(2);
const writer = await import(pathToFileURL(writerModule).href);
// (writeFiles: the name of the folder writer before issue 11, so the test can be run against it)
const writeFolder = writer.writeFolder ?? writer.writeFiles;

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
writeFolder(target, files);
process.stdout.write(`done ${Number(process.hrtime.bigint() - start) / 1e6}\n`);
