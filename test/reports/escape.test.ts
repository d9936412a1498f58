import { describe, expect, it } from 'vitest';
import { escapeHtml, html, inlineScript, jsonForScript, trusted } from '../../reports/html/escape.js';

describe('escapeHtml', () => {
  it('turns markup characters into entities', () => {
    expect(escapeHtml(`<script>alert("x") & 'y'</script>`)).toBe('&lt;script&gt;alert(&quot;x&quot;) &amp; &#39;y&#39;&lt;/script&gt;');
  });
});

describe('the html template', () => {
  it('escapes interpolated strings but keeps markup it built', () => {
    const name = '<b>bold</b>';
    const inner = html`<i>${name}</i>`;
    expect(html`<p>${inner} ${name}</p>`.value).toBe('<p><i>&lt;b&gt;bold&lt;/b&gt;</i> &lt;b&gt;bold&lt;/b&gt;</p>');
  });

  it('joins arrays and drops null, undefined and false', () => {
    expect(html`${['a', '<', html`<br>`]}${null}${undefined}${false}${0}`.value).toBe('a&lt;<br>0');
  });

  it('trusts only what code marks as trusted', () => {
    expect(html`${trusted('<hr>')}`.value).toBe('<hr>');
  });
});

describe('jsonForScript', () => {
  const value = { name: '</script><script>alert(1)</script>', note: '<!-- & -->', sep: '\u2028\u2029' };

  it('cannot close a script element or open a comment', () => {
    const text = jsonForScript(value);
    expect(text).not.toMatch(/<|>|&/);
    expect(text).not.toMatch(/[\u2028\u2029]/);
  });

  it('parses back to the same value', () => {
    expect(JSON.parse(jsonForScript(value))).toEqual(value);
  });
});

describe('inlineScript', () => {
  it('wraps code in a script element', () => {
    expect(inlineScript('var a = 1;', 'test').value).toBe('<script>var a = 1;</script>');
  });

  it('refuses code that would end the element early', () => {
    expect(() => inlineScript('var s = "</SCRIPT>";', 'test')).toThrow(/cannot be inlined/);
    expect(() => inlineScript('<!--', 'test')).toThrow(/cannot be inlined/);
  });
});
