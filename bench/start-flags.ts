import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The node flags `npm start` runs the embedded app with (package.json's `start` script in the checkout at
 * `root`), so a bench measures what users run, and a baseline checkout runs with its own.
 */
export function startFlags(root: string): string[] {
  const { scripts } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  };
  const command = scripts['start'].split('&&').pop() ?? '';
  return command
    .trim()
    .split(/\s+/)
    .filter((arg) => arg.startsWith('--'));
}
