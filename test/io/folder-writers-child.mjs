// A child process for test/io/concurrent-writers.slow.test.ts. Modes:
//   write <module> <target> <writer> <iterations>: writes report <writer>/<i> (folder-report.mjs)
//     into <target> <iterations> times with the compiled folder writer, printing "ok <writer> <i>"
//     after each write that returned, "busy <writer> <i> <message>" when it was refused because
//     another run held the folder, and "error <writer> <i> <message>" (exit 1) on anything else;
//   hold <module> <target>: takes the folder's lock, prints "holding", and keeps it until killed.
import { pathToFileURL } from 'node:url';
import { reportFiles } from './folder-report.mjs';

const [mode, writerModule, target, writer, iterations] = process.argv.slice(2);
const folder = await import(pathToFileURL(writerModule).href);
const say = (line) => process.stderr.write(`${line}\n`);

if (mode === 'hold') {
  await folder.withFolderLock(target, () => {
    process.stdout.write('holding\n');
    for (;;) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1000);
  });
} else {
  for (let i = 0; i < Number(iterations); i += 1) {
    try {
      await folder.writeFolder(target, reportFiles(Number(writer), i), { say });
      process.stdout.write(`ok ${writer} ${i}\n`);
    } catch (error) {
      const busy = /another sora-mc run is writing this folder/.test(error.message);
      process.stdout.write(`${busy ? 'busy' : 'error'} ${writer} ${i} ${error.message} ${JSON.stringify(error.details ?? {})}\n`);
      if (!busy) process.exitCode = 1;
    }
  }
}
