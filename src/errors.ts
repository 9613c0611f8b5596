/**
 * Errors the user can act on: a bad policy, an unreadable post file, a wrong flag. The CLI prints
 * them as one line, `file:line:col: message`, and exits 2; a stack trace only with --debug.
 */
export interface SourcePosition {
  file?: string;
  line?: number;
  column?: number;
}

export class PostlintError extends Error {
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;

  constructor(message: string, position: SourcePosition = {}, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PostlintError';
    this.file = position.file;
    this.line = position.line;
    this.column = position.column;
  }

  /** `postlint.yaml:4:12: unknown rule "tome"` — the form editors and terminals turn into links. */
  get located(): string {
    return formatLocated(this.message, this);
  }
}

export function formatLocated(message: string, position: SourcePosition): string {
  if (!position.file) return message;
  if (position.line === undefined) return `${position.file}: ${message}`;
  return `${position.file}:${position.line}:${position.column ?? 1}: ${message}`;
}

/** What a failed file-system call means, in words a user acts on (no errno codes, no stack). */
const SYSTEM_ERRORS: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ELOOP: 'symbolic link loop (too many levels of symbolic links)',
  EISDIR: 'is a directory',
  ENOTDIR: 'a part of the path is not a directory',
  ENAMETOOLONG: 'path too long',
  EMFILE: 'too many open files',
  ENFILE: 'too many open files',
  EIO: 'input/output error',
  ENXIO: 'not a file that can be read (a socket or a device)',
};

export function describeSystemError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code !== undefined && Object.hasOwn(SYSTEM_ERRORS, code)) return SYSTEM_ERRORS[code];
  // An unexpected error keeps Node's own words, on one line.
  return String((error as Error | undefined)?.message ?? error).split('\n')[0];
}
