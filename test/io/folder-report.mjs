// The synthetic reports test/io/concurrent-writers.slow.test.ts writes: writer w's report i holds
// stamp.txt ("w i"), pages page-0 … page-(4 + w) of a few KB each carrying the stamp, and
// charts/w<w>.txt, so writers' reports differ in names as well as bytes (a write removes the
// previous report's files that the new one does not have).
export function reportFiles(writer, iteration) {
  const stamp = `${writer} ${iteration}`;
  const files = new Map([['stamp.txt', `${stamp}\n`]]);
  for (let page = 0; page <= 4 + writer; page += 1) files.set(`page-${page}.txt`, `${stamp} ${page}\n${'x'.repeat(1000 * (page + 1))}\n`);
  files.set(`charts/w${writer}.txt`, `${stamp} chart\n`);
  return files;
}
