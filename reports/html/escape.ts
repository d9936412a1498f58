/**
 * Safe HTML from strings: a tagged template that escapes every interpolated value unless it is
 * already markup built by this module, JSON that can sit inside a <script> element, and inline
 * scripts that cannot close their element early. Every string from a scenario (name,
 * description, sources) reaches the page through here.
 */

/** Markup that is already safe (built by `html` or by code, never from a scenario string). */
export class SafeHtml {
  constructor(readonly value: string) {}

  toString(): string {
    return this.value;
  }
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text as HTML text or attribute content: `&`, `<`, `>`, `"` and `'` become entities. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

function render(value: unknown): string {
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  if (value === null || value === undefined || value === false) return '';
  return escapeHtml(String(value));
}

/** A template whose interpolations are escaped (arrays are joined, SafeHtml is kept as is). */
export function html(strings: TemplateStringsArray, ...values: unknown[]): SafeHtml {
  let out = strings[0]!;
  values.forEach((value, i) => {
    out += render(value) + strings[i + 1]!;
  });
  return new SafeHtml(out);
}

/** Markup written by code (a constant), trusted as is. */
export function trusted(markup: string): SafeHtml {
  return new SafeHtml(markup);
}

/**
 * JSON to place inside `<script type="application/json">`: `<`, `>` and `&` are written as
 * \u003c, \u003e, \u0026 (and the line separators U+2028/9 escaped), so no string in it can
 * close the element or open a comment; JSON.parse reads it back unchanged.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** JavaScript to inline in a <script> element; refuses code that would end the element early. */
export function inlineScript(code: string, name: string): SafeHtml {
  if (/<\/script/i.test(code) || /<!--/.test(code)) throw new Error(`${name} cannot be inlined: it contains "</script" or "<!--"`);
  return new SafeHtml(`<script>${code}</script>`);
}
