/**
 * Input files were decoded as UTF-8 with replacement characters, so
 * a scenario saved in Latin-1 (`name: café`) ran silently as "caf\ufffd", and the broken name went
 * into every chart, table and baseline; a UTF-16 file was "malformed field (document)" quoting NULs.
 * Bytes that are not UTF-8 are now bad input naming the file and where the first one is.
 */
import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readInputFile } from '../../src/io/read.js';
import { loadScenario } from '../../src/scenario/resolve.js';
import { scratchDir } from '../helpers/scratch.js';
import { soraError } from '../helpers/scenario-error.js';

describe('input files must be UTF-8', () => {
  const scratch = scratchDir();
  const write = (name: string, bytes: number[] | string) => {
    const path = `${scratch.dir}/${name}`;
    writeFileSync(path, typeof bytes === 'string' ? Buffer.from(bytes, 'latin1') : Buffer.from(bytes));
    return path;
  };

  it('a Latin-1 é in a name is an error naming the file, the line and the byte', () => {
    const file = write('latin1.yaml', 'name: ok\ndescription: caf\u00e9\n');
    const error = soraError(() => loadScenario(file));
    expect(error.details.file).toBe(file);
    expect(error.message).toMatch(/UTF-8/);
    expect(error.details.found).toMatch(/0xe9.*line 2/i);
  });

  it('a UTF-16 file is named as UTF-16', () => {
    const file = write('utf16.yaml', [0xff, 0xfe, ...Buffer.from('name: x\n', 'utf16le')]);
    const error = soraError(() => loadScenario(file));
    expect(error.message).toMatch(/UTF-8/);
    expect(error.details.hint).toMatch(/UTF-16/);
  });

  it('UTF-8 text, with or without a byte-order mark, reads as before', () => {
    expect(readInputFile(write('bom.yaml', [0xef, 0xbb, 0xbf, ...Buffer.from('name: café\n', 'utf8')]), 'the file')).toBe('name: café\n');
    expect(loadScenario(write('utf8.yaml', [...Buffer.from('name: café\nextends: article\n', 'utf8')])).resolved.name).toBe('café');
  });
});
