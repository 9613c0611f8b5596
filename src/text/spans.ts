/** Small span helpers every rule that works on offsets needs, in one place. */
import type { Span } from '../types.js';

export const overlaps = (a: Span, b: Span): boolean => a.start < b.end && b.start < a.end;

/**
 * Overwrites spans with `filler` (one UTF-16 unit), keeping every offset, so nothing inside them
 * can match a pattern while positions still point into the post.
 */
export function blankSpans(text: string, spans: Iterable<Span>, filler = ' '): string {
  let chars: string[] | undefined;
  for (const { start, end } of spans) {
    chars ??= text.split('');
    for (let i = start; i < end && i < chars.length; i++) chars[i] = filler;
  }
  return chars ? chars.join('') : text;
}

/** Escapes a literal for use inside a regular expression. */
export const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Something written as a link (scheme or www.), for masking before segmentation or capitals checks. */
export const URL_LIKE = /\b(?:[a-z][a-z0-9+.-]*:\/\/|www\.)\S+/giu;

/** Independent signs combined: 1 − Π(1 − strength), so two weak signs add up but never pass 1. */
export function combineStrengths(strengths: Iterable<number>): number {
  let remaining = 1;
  for (const strength of strengths) remaining *= 1 - strength;
  return 1 - remaining;
}

/**
 * Lower-cases one code point at a time, keeping any whose lower case has another length ("İ"), so
 * offsets into the copy are offsets into the text. Matching a lower-cased copy spares a pattern the
 * `i` flag, which makes V8 compile large patterns several times slower.
 */
export function lowerSameLength(text: string): string {
  const lower = text.toLowerCase();
  if (lower.length === text.length) return lower;
  let result = '';
  for (const char of text) {
    const lowered = char.toLowerCase();
    result += lowered.length === char.length ? lowered : char;
  }
  return result;
}
