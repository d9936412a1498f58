// Linear memory, handed out by one bump pointer: the JavaScript side reserves its columns once per
// worker, and count pages are taken as values first land in them. Nothing is freed one by one:
// `release(mark)` drops everything reserved after `mark` (the end of a run).
//
// The module starts with 32 MiB (`--initialMemory 512` in package.json's build:kernels), more than a
// run of mission takes at any sample count (its sub-bins do not grow with it), so the memory rarely
// grows: a grow detaches the buffer JavaScript views, and once a buffer of a thread is detached V8
// checks every typed-array access of that thread for detachment (the model ran ~20% slower). Pages
// the run does not touch cost no physical memory.

let top: usize = (__heap_base + 15) & ~<usize>15;
/** Above this, memory has never been handed out: it is zero as the host gave it (and untouched). */
let used: usize = top;

/** Reserves `bytes` (rounded up to 16), zeroed, growing the memory as needed; returns their address. */
export function reserve(bytes: usize): usize {
  const at = top;
  const end = (at + bytes + 15) & ~<usize>15;
  const have = <usize>memory.size() << 16;
  if (end > have) {
    // Grow at least by the memory's own size: every grow replaces the buffer JavaScript views (and
    // costs the host a new one), so a run that takes pages one by one should grow a few times only.
    const needed = <i32>((end - have + 0xffff) >>> 16);
    const pages = max(needed, memory.size());
    if (memory.grow(pages) < 0 && memory.grow(needed) < 0) unreachable();
  }
  // Only memory handed out before (and released) needs zeroing: writing zeros over fresh memory
  // would make the host commit pages a run may never use (a page's first touch is slow).
  if (at < used) memory.fill(at, 0, min(end, used) - at);
  top = end;
  if (end > used) used = end;
  return at;
}

/** The current top: everything reserved after it is dropped by release(mark). */
export function mark(): usize {
  return top;
}

export function release(to: usize): void {
  top = to;
}
