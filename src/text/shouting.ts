/**
 * Shouting in a post: runs of words in capitals (a lone acronym, a hashtag, a URL or a heading such
 * as "UPDATE:" is not shouting) and runs of exclamation marks. Used by the tone rule; kept apart so
 * other rules can ask the same question the same way.
 */
import type { Post, Span } from '../types.js';
import { overlaps, URL_LIKE } from './spans.js';

/** Masked before looking for capitals: a URL's path or a shortened link is not shouting. */
const EXCLAMATION_RUN = /[!?¡]*![!?¡]*/g;

export interface Shout extends Span {
  /** A run of words in capitals, or a run of exclamation marks. */
  kind: 'capitals' | 'exclamations';
  text: string;
  /** A single "!" for a run of exclamation marks only. */
  suggestion?: string;
}


export function findShouting(post: Pick<Post, 'text' | 'analysis'>, minCapsWords: number, minExclamations: number): Shout[] {
  const found: Shout[] = [];
  const urls = [...post.text.matchAll(URL_LIKE)].map((url) => ({ start: url.index!, end: url.index! + url[0].length }));
  // Words in capitals since the last break; a lone capital ("I", "A") joins a run but is not
  // counted, so "I AM SO ANGRY" is one run of three shouted words.
  let run: Array<Span & { counts: boolean }> = [];
  const closeRun = () => {
    if (run.filter((word) => word.counts).length >= minCapsWords) {
      const start = run[0].start;
      const end = run[run.length - 1].end;
      // A label opening a line ("UPDATE:", "STATEMENT FROM THE MAYOR:") is a heading, not a raised voice.
      const lineStart = post.text.lastIndexOf('\n', start - 1) + 1;
      const isHeading = /^[\s\p{P}\p{S}]*$/u.test(post.text.slice(lineStart, start)) && /^\s*:/.test(post.text.slice(end));
      if (!isHeading) {
        found.push({ start, end, kind: 'capitals', text: post.text.slice(start, end) });
      }
    }
    run = [];
  };
  for (const word of post.analysis.words) {
    const letters = word.text.replace(/[^\p{L}]/gu, '');
    // Numbers neither extend nor end a run: "WIN 2 TICKETS NOW" is one shout.
    if (letters === '') continue;
    // A run is one stretch of voice: a heading's colon or a full stop ends it.
    const previous = run[run.length - 1];
    if (previous && /[.:;!?]/.test(post.text.slice(previous.end, word.start))) closeRun();
    const before = post.text[word.start - 1];
    const isEntity = before === '#' || before === '@' || urls.some((url) => overlaps(url, word));
    const isCapitals = letters !== letters.toLowerCase() && letters === letters.toUpperCase();
    if (isEntity || !isCapitals) closeRun();
    else run.push({ start: word.start, end: word.end, counts: letters.length > 1 });
  }
  closeRun();
  for (const marks of post.text.matchAll(EXCLAMATION_RUN)) {
    const count = [...marks[0]].filter((mark) => mark === '!').length;
    if (count < minExclamations) continue;
    const start = marks.index!;
    found.push({
      start,
      end: start + marks[0].length,
      kind: 'exclamations',
      text: marks[0],
      suggestion: /^!+$/.test(marks[0]) ? '!' : undefined,
    });
  }
  return found.sort((a, b) => a.start - b.start);
}
