/**
 * Post text is untrusted: a draft can contain ANSI escape sequences (colours, OSC 8 links, a new
 * window title), other control characters or bidi overrides that would rewrite or reorder what the
 * reviewer's terminal shows, and line breaks that would forge extra output lines ("PASS  x.txt").
 * Everything quoted from a post, a file name or a plugin goes through here and comes out as one
 * line of visible characters.
 */
// C0 and C1 controls (tab aside), DEL, line/paragraph separators, bidi marks, embeddings,
// overrides and isolates.
const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r' };

export function escapeForTerminal(text: string): string {
  return text.replace(CONTROL, (ch) => NAMED[ch] ?? `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Replaces lone surrogates (possible in a JavaScript string, never in UTF-8) with U+FFFD. */
export const wellFormed = (text: string): string => text.replace(LONE_SURROGATE, '\ufffd');
