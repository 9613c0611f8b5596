/**
 * Post text is untrusted: a draft can contain ANSI escape sequences or other control characters
 * that would rewrite the reviewer's terminal. Everything quoted from a post goes through here.
 */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function escapeForTerminal(text: string): string {
  return text.replace(CONTROL, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
