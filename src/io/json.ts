/** JSON as sora-mc writes it: two-space indent, newline at the end (so a Result's first key is its format). */
export function toJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
