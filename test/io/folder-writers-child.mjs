// A child process for test/io/concurrent-writers.slow.test.ts. Modes:
//   write <module> <target> <writer> <iterations>: writes report <writer>/<i> (folder-report.mjs)
//     into <target> <iterations> times with the compiled folder writer, printing "ok <writer> <i>"
//     after each write that returned, "busy <writer> <i> <message>" when it was refused because
//     another run held the folder, and "error <writer> <i> <message>" (exit 1) on anything else;
//   hold <module> <target>: takes the folder's lock, prints "holding", and keeps it until killed;
//   exclusive <module> <target> <iterations> <die one in> <seed>: takes the lock <iterations> times;
//     inside, creates the file "inside" exclusively with its pid (one left by a killed holder is
//     replaced), printing "violation <pid>" if another live process is inside; then, once in
//     <die one in> holds (seeded), kills itself with SIGKILL while holding the lock, else holds a
//     moment, removes the file and releases.
import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { reportFiles } from './folder-report.mjs';

const [mode, writerModule, target, writer, iterations] = process.argv.slice(2);
const folder = await import(pathToFileURL(writerModule).href);
const say = (line) => process.stderr.write(`${line}\n`);

function alive(pid) {
  try {
    process.kill(pid, 0);
    return !/^State:\s+Z/m.test(readFileSync(`/proc/${pid}/status`, 'utf8'));
  } catch {
    return false;
  }
}

if (mode === 'exclusive') {
  const inside = join(target, 'inside');
  const [dieOneIn, seed] = process.argv.slice(6).map(Number);
  let state = seed;
  const uniform = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  for (let i = 0; i < Number(writer); i += 1) {
    await folder.withFolderLock(target, () => {
      for (;;) {
        try {
          const fd = openSync(inside, 'wx');
          writeSync(fd, String(process.pid));
          closeSync(fd);
          break;
        } catch {
          try {
            const other = Number(readFileSync(inside, 'utf8'));
            if (other && alive(other)) process.stdout.write(`violation ${other}\n`);
            unlinkSync(inside);
          } catch (error) {
            process.stdout.write(`violation (${error.code}: another holder removed the file)\n`); // only a holder touches it
          }
        }
      }
      if (uniform() * dieOneIn < 1) process.kill(process.pid, 'SIGKILL');
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
      try {
        unlinkSync(inside);
      } catch (error) {
        process.stdout.write(`violation (${error.code}: another holder removed the file)\n`);
      }
    }, { say });
    process.stdout.write(`ok ${i}\n`);
  }
} else if (mode === 'hold') {
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
