/** The tool's version, read from package.json so it is stated once. */
import { readFileSync } from 'node:fs';
import { packagePath } from './paths.js';

const manifest = JSON.parse(readFileSync(packagePath('package.json'), 'utf8')) as { version: string };

export const TOOL_VERSION: string = manifest.version;
