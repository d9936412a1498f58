import { describe, expect, it } from 'vitest';
import { withInputEntries } from '../../src/scenario/edit.js';

const entry = { dist: 'lognormal', p5: 0.2, p95: 0.6, truncate: [null, 1], basis: 'fitted', source: 'fitted: a, b' };
const lines = ['    dist: lognormal', '    p5: 0.2', '    p95: 0.6', '    truncate: [null, 1]', '    basis: fitted', '    source: "fitted: a, b"'];

describe('a scenario file with input entries replaced', () => {
  it('changes only the entry in a YAML file: comments, the other entries and a flow-style entry stay as written', () => {
    const text = '# my scenario\nname: x   # the name\ninputs:\n  # utilisation\n  inferMfu: { dist: uniform, min: 0.2, max: 0.5 }\n  trainDays: 60 # two months\n';
    expect(withInputEntries('/a/x.yaml', text, '/a/y.yaml', { inferMfu: entry })).toBe(
      ['# my scenario', 'name: x   # the name', 'inputs:', '  # utilisation', '  inferMfu:', ...lines, '  trainDays: 60 # two months', ''].join('\n'),
    );
  });

  it('adds an entry the file does not have at the end of inputs, or adds inputs', () => {
    expect(withInputEntries('/a/x.yaml', 'name: x\ninputs:\n  trainDays: 60\n', '/a/y.yaml', { inferMfu: entry }))
      .toBe(['name: x', 'inputs:', '  trainDays: 60', '  inferMfu:', ...lines, ''].join('\n'));
    expect(withInputEntries('/a/x.yaml', 'name: x\n', '/a/y.yaml', { inferMfu: entry })).toBe(['name: x', 'inputs:', '  inferMfu:', ...lines, ''].join('\n'));
  });

  it('keeps a relative extends pointing at the same file from the new file\'s folder', () => {
    const out = withInputEntries('/a/b/x.yaml', 'extends: ./base.yaml\ninputs:\n  trainDays: 60\n', '/a/c/y.yaml', {});
    expect(out.split('\n')[0]).toBe('extends: "../b/base.yaml"');
    expect(withInputEntries('/a/b/x.yaml', 'extends: mission\n', '/a/c/y.yaml', {})).toBe('extends: mission\n');
  });

  it('writes a JSON file whole, with the entries set', () => {
    const out = withInputEntries('/a/x.json', '{"name": "x", "inputs": {"trainDays": 60}}', '/a/y.json', { inferMfu: entry });
    expect(JSON.parse(out)).toEqual({ name: 'x', inputs: { trainDays: 60, inferMfu: entry } });
  });
});
