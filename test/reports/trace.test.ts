import { describe, expect, it } from 'vitest';
import { loadEmbedAssets } from '../../reports/html/assets.js';
import { reportHtml } from '../../reports/html/report.js';
import { linkified } from '../../reports/html/trace.js';
import { publishedModels } from '../../reports/reference.js';
import { chartsOf, simulated } from './fixtures.js';

describe('tracing the numbers', () => {
  it('makes http(s) addresses links and escapes everything else', () => {
    expect(linkified('DiT paper https://arxiv.org/abs/2212.09748, table 4').value).toBe(
      'DiT paper <a href="https://arxiv.org/abs/2212.09748">https://arxiv.org/abs/2212.09748</a>, table 4',
    );
    expect(linkified('<a href="javascript:alert(3)">x</a>').value).toBe('&lt;a href=&quot;javascript:alert(3)&quot;&gt;x&lt;/a&gt;');
  });

  it('the report shows the formulas, the caveats and every published source as a link', async () => {
    const result = await simulated('evidence-2025');
    const page = reportHtml({ result, charts: chartsOf(result), assets: loadEmbedAssets(), files: [] });
    expect(page).toContain('id="formulas"');
    expect(page).toContain('trainGpuHours     = trainFlops / (gpuPeakFlops × trainMfu × 3600)');
    expect(page).toContain('4 × layers × dModel × tokens²');
    expect(page).toContain('<section id="caveats"><h2>Read with care</h2>');
    expect(page).toContain('Inputs are independent unless the scenario correlates them.');
    for (const url of publishedModels().flatMap((m) => m.sources).filter((s) => s.startsWith('http'))) {
      expect(page).toContain(`<a href="${url}">`);
    }
  });
});
