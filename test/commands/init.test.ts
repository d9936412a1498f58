import { existsSync, lstatSync, mkdirSync, readFileSync, readlinkSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { DEPENDENCY_SCHEMA, initJob, schemaReference } from '../../src/commands/init.js';
import { SoraError } from '../../src/errors.js';
import { INPUT_KEYS } from '../../src/model/inputs.js';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { builtinNames } from '../../src/scenario/files.js';
import { loadScenario } from '../../src/scenario/resolve.js';
import { scratchDir } from '../helpers/scratch.js';

const scratch = scratchDir('sora-mc-init-');

describe('sora-mc init', () => {
  // The file init writes is the built-in it came from: same assumptions (hash), the same resolved
  // distribution, description and source for every input, the same seed, sample count and step cost.
  it.each(builtinNames())('round-trips the built-in %s', (name) => {
    const file = join(scratch.dir, `from-${name}.yaml`);
    const done = initJob({ file, from: name });
    const original = loadScenario(name);
    const written = loadScenario(file);
    expect(written.resolved.hash).toBe(original.resolved.hash);
    for (const key of INPUT_KEYS) {
      const [a, b] = [written.resolved.inputs[key], original.resolved.inputs[key]];
      expect({ key, spec: a.spec, description: a.description, source: a.source }).toEqual({ key, spec: b.spec, description: b.description, source: b.source });
    }
    expect([written.seed, written.samples, written.resolved.stepCost]).toEqual([original.seed, original.samples, original.resolved.stepCost]);
    expect(written.resolved.correlations).toEqual(original.resolved.correlations);
    expect(written.resolved.name).toBe(`from-${name}`);
    // Every uncertain input is written, and each input named has its comment.
    const text = readFileSync(file, 'utf8');
    const uncertain = INPUT_KEYS.filter((key) => original.resolved.inputs[key].spec.dist !== 'fixed');
    expect(done.inputs).toEqual(expect.arrayContaining(uncertain));
    for (const key of done.inputs) expect(text).toMatch(new RegExp(`^  # ${key}: .+\\n(?:  #.*\\n)*  ${key}:`, "m"));
  });

  it('starts with the yaml-language-server line, and points to the docs', () => {
    const file = join(scratch.dir, 'header.yaml');
    initJob({ file });
    const text = readFileSync(file, 'utf8');
    expect(text.split('\n')[0]).toMatch(/^# yaml-language-server: \$schema=\S+scenario\.schema\.json$/);
    expect(text).toContain('docs/scenarios.md (node_modules/sora-mc/docs/scenarios.md)');
    expect(text).toContain(`sora-mc run ${file}`);
    expect(parseDocument(text).errors).toEqual([]);
    // Comment lines fit 100 columns.
    expect(text.split('\n').filter((line) => line.startsWith('#') && [...line].length > 100)).toEqual([]);
  });

  it('refuses to write over a file, a folder or a link, and leaves each as it was', () => {
    const file = scratch.write('taken.yaml', 'mine\n');
    const folder = join(scratch.dir, 'folder.yaml');
    mkdirSync(folder);
    const link = join(scratch.dir, 'link.yaml');
    symlinkSync(join(scratch.dir, 'nowhere.yaml'), link);
    for (const target of [file, folder, link]) {
      let error: unknown;
      try {
        initJob({ file: target });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(SoraError);
      expect((error as SoraError).message).toContain('never writes over');
    }
    expect(readFileSync(file, 'utf8')).toBe('mine\n');
    expect(lstatSync(folder).isDirectory()).toBe(true);
    expect(readlinkSync(link)).toBe(join(scratch.dir, 'nowhere.yaml'));
    expect(existsSync(join(scratch.dir, 'nowhere.yaml'))).toBe(false);
  });

  it('refuses a file name that is not .yaml or .yml, writing nothing', () => {
    const file = join(scratch.dir, 'scenario.json');
    expect(() => initJob({ file })).toThrow(SoraError);
    expect(existsSync(file)).toBe(false);
  });

  it('refuses an unknown built-in before writing anything', () => {
    const file = join(scratch.dir, 'unknown.yaml');
    expect(() => initJob({ file, from: 'misison' })).toThrow(/no built-in scenario/);
    expect(existsSync(file)).toBe(false);
  });
});

describe('the $schema reference', () => {
  it('in a project that depends on sora-mc: its node_modules copy, relative to the file', () => {
    const project = join(scratch.dir, 'project');
    mkdirSync(join(project, 'node_modules', 'sora-mc', 'schema'), { recursive: true });
    writeFileSync(join(project, DEPENDENCY_SCHEMA), '{}');
    mkdirSync(join(project, 'scenarios'));
    expect(schemaReference(project)).toBe('node_modules/sora-mc/schema/scenario.schema.json');
    expect(schemaReference(join(project, 'scenarios'))).toBe('../node_modules/sora-mc/schema/scenario.schema.json');
  });

  it("in this package's own checkout: its schema/, relative to the file", () => {
    expect(schemaReference(join(PACKAGE_ROOT, 'scenarios'))).toBe('../schema/scenario.schema.json');
    expect(schemaReference(PACKAGE_ROOT)).toBe('schema/scenario.schema.json');
  });

  it('in a project that has not installed sora-mc yet: where npm will put it', () => {
    const project = join(scratch.dir, 'fresh');
    mkdirSync(join(project, 'sub'), { recursive: true });
    writeFileSync(join(project, 'package.json'), '{}');
    expect(schemaReference(join(project, 'sub'))).toBe('../node_modules/sora-mc/schema/scenario.schema.json');
  });

  it('anywhere else: the running package’s schema', () => {
    const reference = schemaReference(scratch.dir);
    // The scratch folder is under the system's temporary folder: no package.json above it (else this case does not apply).
    if (!relative(PACKAGE_ROOT, scratch.dir).startsWith('..')) return;
    expect(reference === join(PACKAGE_ROOT, 'schema', 'scenario.schema.json') || reference.endsWith('node_modules/sora-mc/schema/scenario.schema.json')).toBe(true);
  });
});
