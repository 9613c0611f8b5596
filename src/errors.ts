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
