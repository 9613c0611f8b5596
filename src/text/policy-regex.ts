/**
 * Regular expressions written in a policy (topic `patterns`) run on RE2, through the pure-JS
 * `re2js` port: its matching time grows linearly with the text, so no pattern — `(a+)+$` on a long
 * post included — can hang a run the way JavaScript's backtracking engine would.
 *
 * Patterns are written in JavaScript syntax, as before, and keep JavaScript's meaning: they are
 * checked by JavaScript first (so a typo gets the familiar message), then translated to RE2 where
 * the two differ (`\s` and `.` as JavaScript defines them, `\u` escapes, `\p{Letter}` long names).
 * What RE2 cannot run at all — lookahead, lookbehind, backreferences — is refused with a message
 * saying why and what to write instead. RE2 is loaded on first use: a policy without patterns never
 * pays for it.
 */
import type { RE2JS as RE2JSClass } from 're2js';
import { loadRe2js } from '../dependencies.js';

/** A policy pattern compiled for RE2. */
export interface PolicyRegex {
  /** The pattern as the policy wrote it. */
  readonly written: string;
  /** Every non-empty match in `text`, in order, as UTF-16 offsets. */
  matchAll(text: string): Generator<{ start: number; end: number; text: string }>;
  /** Whether the whole pattern can match empty text (such a pattern would match everywhere). */
  matchesEmpty(): boolean;
}

/** Thrown for a pattern that cannot be used; the message says why and what to write instead. */
export class PolicyRegexError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PolicyRegexError';
  }
}

const loadRe2 = (): { RE2JS: typeof RE2JSClass } => loadRe2js();

const WHY_RE2 = 'policy patterns run on RE2 (linear time, so no pattern can hang a run), which';

// JavaScript's `\s`: ECMAScript WhiteSpace and LineTerminator code points, as [first, last] ranges.
const JS_WHITESPACE: ReadonlyArray<readonly [number, number]> = [
  [0x09, 0x0d],
  [0x20, 0x20],
  [0xa0, 0xa0],
  [0x1680, 0x1680],
  [0x2000, 0x200a],
  [0x2028, 0x2029],
  [0x202f, 0x202f],
  [0x205f, 0x205f],
  [0x3000, 0x3000],
  [0xfeff, 0xfeff],
];
const MAX_CODE_POINT = 0x10ffff;

const hex = (codePoint: number) => `\\x{${codePoint.toString(16)}}`;
const rangeText = ([first, last]: readonly [number, number]) => (first === last ? hex(first) : `${hex(first)}-${hex(last)}`);

/** The complement of sorted, disjoint ranges within 0..U+10FFFF. */
function complement(ranges: ReadonlyArray<readonly [number, number]>): Array<[number, number]> {
  const result: Array<[number, number]> = [];
  let next = 0;
  for (const [first, last] of ranges) {
    if (first > next) result.push([next, first - 1]);
    next = last + 1;
  }
  if (next <= MAX_CODE_POINT) result.push([next, MAX_CODE_POINT]);
  return result;
}

// JavaScript's `\w` in a case-insensitive Unicode pattern: ASCII word characters, plus the long s
// and the Kelvin sign, which fold to "s" and "k".
const JS_WORD: ReadonlyArray<readonly [number, number]> = [
  [0x30, 0x39],
  [0x41, 0x5a],
  [0x5f, 0x5f],
  [0x61, 0x7a],
  [0x17f, 0x17f],
  [0x212a, 0x212a],
];

const WORD_ITEMS = JS_WORD.map(rangeText).join('');
const NON_WORD_ITEMS = complement(JS_WORD).map(rangeText).join('');
const WHITESPACE_ITEMS = JS_WHITESPACE.map(rangeText).join('');
const NON_WHITESPACE_ITEMS = complement(JS_WHITESPACE).map(rangeText).join('');
// JavaScript's `.` without the s flag: anything but a line terminator.
const JS_DOT = `[^${hex(0x0a)}${hex(0x0d)}${hex(0x2028)}${hex(0x2029)}]`;
const ANY_CHARACTER = `[${hex(0)}-${hex(MAX_CODE_POINT)}]`;
const NO_CHARACTER = `[^${hex(0)}-${hex(MAX_CODE_POINT)}]`;

// Long names JavaScript accepts for Unicode general categories; RE2 knows only the short ones.
const GENERAL_CATEGORY_SHORT_NAMES: Record<string, string> = {
  Letter: 'L', Cased_Letter: 'LC', Uppercase_Letter: 'Lu', Lowercase_Letter: 'Ll', Titlecase_Letter: 'Lt', Modifier_Letter: 'Lm', Other_Letter: 'Lo',
  Mark: 'M', Combining_Mark: 'M', Nonspacing_Mark: 'Mn', Spacing_Mark: 'Mc', Enclosing_Mark: 'Me',
  Number: 'N', Decimal_Number: 'Nd', digit: 'Nd', Letter_Number: 'Nl', Other_Number: 'No',
  Punctuation: 'P', punct: 'P', Connector_Punctuation: 'Pc', Dash_Punctuation: 'Pd', Open_Punctuation: 'Ps', Close_Punctuation: 'Pe',
  Initial_Punctuation: 'Pi', Final_Punctuation: 'Pf', Other_Punctuation: 'Po',
  Symbol: 'S', Math_Symbol: 'Sm', Currency_Symbol: 'Sc', Modifier_Symbol: 'Sk', Other_Symbol: 'So',
  Separator: 'Z', Space_Separator: 'Zs', Line_Separator: 'Zl', Paragraph_Separator: 'Zp',
  Other: 'C', Control: 'Cc', cntrl: 'Cc', Format: 'Cf', Surrogate: 'Cs', Private_Use: 'Co', Unassigned: 'Cn',
};

function propertyName(written: string): string {
  const [key, value] = written.includes('=') ? written.split('=') : [undefined, written];
  if (key === 'Script_Extensions' || key === 'scx') {
    throw new PolicyRegexError(`\\p{${written}} (script extensions) is not supported: ${WHY_RE2} knows scripts only by name: \\p{Greek}, \\p{Latin}, …`);
  }
  return GENERAL_CATEGORY_SHORT_NAMES[value] ?? value;
}

interface Translated {
  text: string;
  length: number;
}

/** Translates the escape at `at` (a backslash) into RE2 syntax. */
function translateEscape(source: string, at: number, inClass: boolean): Translated {
  const letter = source[at + 1];
  const rest = source.slice(at);
  if (/^[1-9]$/.test(letter) || letter === 'k') {
    const written = letter === 'k' ? (/^\\k<[^>]*>/.exec(rest)?.[0] ?? '\\k') : (/^\\\d+/.exec(rest)?.[0] ?? rest);
    throw new PolicyRegexError(
      `backreference ${written} is not supported: ${WHY_RE2} cannot refer back to what a group matched; write the repeated words out ("bye bye" instead of "(bye) \\1")`,
    );
  }
  const braced = /^\\u\{([0-9a-fA-F]+)\}/.exec(rest);
  if (braced) return { text: hex(parseInt(braced[1], 16)), length: braced[0].length };
  const pair = /^\\u(d[89ab][0-9a-f]{2})\\u(d[c-f][0-9a-f]{2})/i.exec(rest);
  if (pair) return { text: hex(String.fromCharCode(parseInt(pair[1], 16), parseInt(pair[2], 16)).codePointAt(0)!), length: pair[0].length };
  const unit = /^\\u([0-9a-fA-F]{4})/.exec(rest);
  if (unit) {
    const codeUnit = parseInt(unit[1], 16);
    if (codeUnit >= 0xd800 && codeUnit <= 0xdfff) {
      throw new PolicyRegexError(`${unit[0]} is half of a surrogate pair: ${WHY_RE2} matches whole characters; write the character itself or \\u{…} with its code point`);
    }
    return { text: hex(codeUnit), length: unit[0].length };
  }
  const byte = /^\\x([0-9a-fA-F]{2})/.exec(rest);
  if (byte) return { text: hex(parseInt(byte[1], 16)), length: 4 };
  const control = /^\\c([A-Za-z])/.exec(rest);
  if (control) return { text: hex(control[1].charCodeAt(0) % 32), length: 3 };
  const property = /^\\([pP])\{([^}]*)\}/.exec(rest);
  if (property) return { text: `\\${property[1]}{${propertyName(property[2])}}`, length: property[0].length };
  switch (letter) {
    case '0':
      return { text: hex(0), length: 2 };
    case 'v':
      return { text: hex(0x0b), length: 2 };
    case 's':
      return { text: inClass ? WHITESPACE_ITEMS : `[${WHITESPACE_ITEMS}]`, length: 2 };
    case 'S':
      return { text: inClass ? NON_WHITESPACE_ITEMS : `[^${WHITESPACE_ITEMS}]`, length: 2 };
    case 'w':
      return { text: inClass ? WORD_ITEMS : `[${WORD_ITEMS}]`, length: 2 };
    case 'W':
      return { text: inClass ? NON_WORD_ITEMS : `[${NON_WORD_ITEMS}]`, length: 2 };
    case 'b':
      // Inside a class JavaScript's \b is a backspace, not a word boundary.
      return { text: inClass ? hex(0x08) : '\\b', length: 2 };
    default:
      // \d \D \B \f \n \r \t and escaped punctuation mean the same in RE2. (\b and \B are
      // ASCII-only in RE2, where JavaScript also counts ſ and K as word characters.)
      return { text: `\\${letter}`, length: 2 };
  }
}

function unsupportedGroup(source: string, at: number): string | undefined {
  if (source.startsWith('(?=', at) || source.startsWith('(?!', at)) return 'lookahead';
  if (source.startsWith('(?<=', at) || source.startsWith('(?<!', at)) return 'lookbehind';
  return undefined;
}

/**
 * Rewrites a pattern in JavaScript syntax (already checked by JavaScript) into RE2 syntax with the
 * same meaning, or throws `PolicyRegexError` for what RE2 cannot run.
 */
export function toRe2Syntax(source: string): string {
  let out = '';
  let inClass = false;
  let at = 0;
  while (at < source.length) {
    const ch = source[at];
    if (ch === '\\') {
      const translated = translateEscape(source, at, inClass);
      out += translated.text;
      at += translated.length;
    } else if (inClass) {
      if (ch === ']') inClass = false;
      // RE2 reads "[:alpha:]" inside a class as a POSIX class; JavaScript reads a literal "[".
      out += ch === '[' ? '\\[' : ch;
      at++;
    } else if (source.startsWith('[^]', at)) {
      out += ANY_CHARACTER;
      at += 3;
    } else if (source.startsWith('[]', at)) {
      out += NO_CHARACTER;
      at += 2;
    } else if (ch === '[') {
      inClass = true;
      const negated = source[at + 1] === '^';
      out += negated ? '[^' : '[';
      at += negated ? 2 : 1;
    } else if (ch === '(' && source[at + 1] === '?') {
      const kind = unsupportedGroup(source, at);
      if (kind) {
        throw new PolicyRegexError(
          `${kind} ${source.slice(at, at + (kind === 'lookahead' ? 3 : 4))}…) is not supported: ${WHY_RE2} cannot look around a match; ` +
            'make the surrounding words part of the pattern, or use \\b for a word boundary',
        );
      }
      // Named groups: RE2 spells them (?P<name>…).
      const named = source.startsWith('(?<', at);
      out += named ? '(?P<' : '(?';
      at += named ? 3 : 2;
    } else {
      out += ch === '.' ? JS_DOT : ch;
      at++;
    }
  }
  return out;
}

/** Turns RE2's own syntax error into a sentence for the policy author. */
function explainRe2Error(error: unknown): string {
  const message = error instanceof Error ? error.message.replace(/^error parsing regexp: /, '') : String(error);
  if (/invalid repeat count/.test(message)) return `${message}: ${WHY_RE2} allows repeat counts up to 1000`;
  if (/\\[pP]\{/.test(message)) {
    return `${message}: ${WHY_RE2} knows Unicode general categories (\\p{L}, \\p{Lu}, \\p{N}, \\p{P}, …) and scripts (\\p{Greek}, \\p{Han}, …) only`;
  }
  return `RE2 cannot run this pattern (${message}): ${WHY_RE2} supports the common subset of JavaScript regular expressions`;
}

/**
 * Compiles a policy pattern: case-insensitive and Unicode-aware, as the docs promise. Throws
 * `PolicyRegexError` (JavaScript's own message for a syntax error) for a pattern that cannot be used.
 */
export function compilePolicyRegex(written: string): PolicyRegex {
  try {
    // JavaScript checks the syntax it documents; compiling runs nothing, so it cannot hang.
    new RegExp(written, 'u');
  } catch (error) {
    throw new PolicyRegexError((error as Error).message);
  }
  const { RE2JS } = loadRe2();
  const translated = toRe2Syntax(written);
  let compiled: RE2JSClass;
  try {
    compiled = RE2JS.compile(translated, RE2JS.CASE_INSENSITIVE);
  } catch (error) {
    throw new PolicyRegexError(explainRe2Error(error));
  }
  return {
    written,
    *matchAll(text: string) {
      const matcher = compiled.matcher(text);
      while (matcher.find()) {
        const start = matcher.start();
        const end = matcher.end();
        if (end > start) yield { start, end, text: text.slice(start, end) };
      }
    },
    matchesEmpty: () => compiled.matches(''),
  };
}
