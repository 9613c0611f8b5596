/** Writing files so that nothing a user wrote is ever lost or half-written. */
import { chmodSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { PostlintError } from './errors.js';

/** Writes through a temporary file and a rename, so a reader never sees half a report. */
export function writeFileAtomic(path: string, content: string, mode?: number): void {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    writeFileSync(temporary, content, mode === undefined ? undefined : { mode });
    // writeFileSync's mode is filtered by the umask; the file keeps exactly the mode it had.
    if (mode !== undefined) chmodSync(temporary, mode);
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw new PostlintError(`cannot write output file: ${(error as Error).message}`, { file: path });
  }
}

