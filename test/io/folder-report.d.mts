/** Writer `writer`'s report number `iteration` (test/io/folder-report.mjs): file name → content. */
export function reportFiles(writer: number, iteration: number): Map<string, string>;
