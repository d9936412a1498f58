import { describe, expect, it } from 'vitest';
import { compareMarkdown, escapeMarkdown, reportMarkdown } from '../../reports/markdown.js';
import { headlines } from '../../reports/headline.js';
import { hostile, simulated } from './fixtures.js';

const mission = await simulated('mission');
const article = await simulated('article');

describe('Markdown summary', () => {
  it('escapes what GitHub would read as markup, math or HTML', () => {
    expect(escapeMarkdown('<script>alert(1)</script>')).toBe('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(escapeMarkdown('$0.80–$2.67 | *a* _b_ `c` [d]')).toBe('\\$0.80–\\$2.67 \\| \\*a\\* \\_b\\_ \\`c\\` \\[d\\]');
    expect(escapeMarkdown('two\nlines')).toBe('two lines');
  });

  it('has the headline sentences and a table row per headline output', () => {
    const md = reportMarkdown(mission);
    for (const h of headlines(mission)) expect(md).toContain(`- **${h.lead}:** ${escapeMarkdown(h.text)}`);
    expect(md.split('\n').filter((line) => line.startsWith('| ') && !line.startsWith('| Output'))).toHaveLength(5);
    expect(md).toContain('seed 2024');
  });

  it('shows a hostile scenario name as text', () => {
    const md = reportMarkdown(hostile(mission));
    expect(md).not.toContain('<script>');
    expect(md).toContain('### Sora compute: &lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('compares scenarios in one table', () => {
    const md = compareMarkdown([article, mission]);
    expect(md).toContain('| Output | article | mission | Article’s figure |');
    // The article scenario's training fleet takes two values (its two cases): both, not a median; the unit once.
    expect(md).toMatch(/\| Training H100s \| 4,211 or 10,528 \(two cases\) \| [\d,.k]+–[\d,.k]+ \([\d,.k]+\) \| 4,211 \/ 10,528 \|/);
  });
});
