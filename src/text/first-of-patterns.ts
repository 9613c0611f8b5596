/**
 * Several regular expressions searched as if they were one alternation `(?<p0>…)|(?<p1>…)|…` with
 * the `g` flag: each match is the leftmost place where any pattern matches, and where several match
 * at the same place the one listed first wins.
 *
 * V8 builds the bytecode of one large expression super-linearly: value-added's 25 patterns cost
 * ~40 ms to compile as one alternation and about half as 25 expressions, which matters when a run
 * checks one draft. But one alternation scans a text once where 25 expressions scan it 25 times,
 * ~1.5× faster per post. So the patterns are searched one by one at first, and a run that goes on
 * past COMBINE_AFTER texts compiles the alternation and uses it from then on. Both give the same
 * matches (test/first-of-patterns.test.ts).
 */
export interface PatternMatch {
  /** Which pattern matched, as an index into the list. */
  pattern: number;
  index: number;
  text: string;
}

/** Texts searched before the patterns are compiled into one alternation. */
export const COMBINE_AFTER = 200;

/**
 * Whether every match of a pattern starts with a digit: its first element is a required `\d`
 * (after an optional `\b`) and it has no `|` outside brackets and groups. Such a pattern cannot match a
 * text without digits, so it is neither compiled nor run on one: most of value-added's patterns
 * (amounts, dates, times, counts) start so, and most drafts have few digits.
 */
export function startsWithDigit(source: string): boolean {
  // `\d?`, `\d*` and `\d{0,n}` may match no digit at all.
  if (!/^(?:\\b)?\\d(?![?*]|\{0[,}])/.test(source)) return false;
  let depth = 0;
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const char = source[i];
    if (char === '\\') i++;
    else if (inClass) inClass = char !== ']';
    else if (char === '[') inClass = true;
    else if (char === '(') depth++;
    else if (char === ')') depth--;
    else if (char === '|' && depth === 0) return false;
  }
  return true;
}

export class FirstOfPatterns {
  private readonly separate: Array<RegExp | undefined>;
  private readonly needsDigit: boolean[];
  private combined: RegExp | undefined;
  private searched = 0;

  constructor(
    private readonly sources: readonly string[],
    private readonly flags = '',
    private readonly combineAfter = COMBINE_AFTER,
  ) {
    this.separate = sources.map(() => undefined);
    this.needsDigit = sources.map(startsWithDigit);
  }

  /**
   * Every match, left to right, not overlapping. `resumeAt` says where the search goes on after a
   * match (by default its end, or one past its start for an empty match, as `g` does).
   */
  matchAll(text: string, resumeAt: (match: PatternMatch) => number = defaultResume): PatternMatch[] {
    this.searched++;
    if (this.searched > this.combineAfter) return this.matchCombined(text, resumeAt);
    return this.matchSeparately(text, resumeAt);
  }

  private matchCombined(text: string, resumeAt: (match: PatternMatch) => number): PatternMatch[] {
    const regex = (this.combined ??= new RegExp(this.sources.map((source, i) => `(?<p${i}>${source})`).join('|'), this.globalFlags()));
    const matches: PatternMatch[] = [];
    regex.lastIndex = 0;
    for (let found = regex.exec(text); found; found = regex.exec(text)) {
      const groups = found.groups!;
      const pattern = this.sources.findIndex((_, i) => groups[`p${i}`] !== undefined);
      const match = { pattern, index: found.index, text: found[0] };
      matches.push(match);
      regex.lastIndex = resumeAt(match);
    }
    return matches;
  }

  private matchSeparately(text: string, resumeAt: (match: PatternMatch) => number): PatternMatch[] {
    // Each pattern's next match at or after the search position, found lazily and reused until
    // the search passes its start. Null: the pattern has no more matches.
    const hasDigit = /\d/.test(text);
    const next: Array<{ index: number; text: string } | null | undefined> = this.sources.map((_, pattern) => (!hasDigit && this.needsDigit[pattern] ? null : undefined));
    const matches: PatternMatch[] = [];
    let position = 0;
    while (position <= text.length) {
      let best: PatternMatch | undefined;
      for (let pattern = 0; pattern < this.sources.length; pattern++) {
        let found = next[pattern];
        if (found === null) continue;
        if (found === undefined || found.index < position) {
          const regex = (this.separate[pattern] ??= new RegExp(this.sources[pattern], this.globalFlags()));
          regex.lastIndex = position;
          const match = regex.exec(text);
          found = next[pattern] = match ? { index: match.index, text: match[0] } : null;
          if (found === null) continue;
        }
        if (!best || found.index < best.index) best = { pattern, index: found.index, text: found.text };
      }
      if (!best) break;
      matches.push(best);
      position = resumeAt(best);
    }
    return matches;
  }

  private globalFlags(): string {
    return `${this.flags.replace('g', '')}g`;
  }
}

function defaultResume(match: PatternMatch): number {
  return match.text.length === 0 ? match.index + 1 : match.index + match.text.length;
}
