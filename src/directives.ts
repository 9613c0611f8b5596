/**
 * Inline waivers, in every post format, as HTML comments:
 *
 *   <!-- postlint-disable tone, pii -- quoting a customer's words on purpose -->
 *   <!-- postlint-enable tone -->
 *   <!-- postlint-disable-next-line sales-pitch-ratio -- our annual sale, approved by comms -->
 *   <!-- postlint-disable-line hashtags -->
 *
 * No rule list means every rule. Directives are taken out of the post's text before analysis (so
 * they count towards no length and match no lexicon), and work as a filter over findings, as
 * textlint's filter rules do: rules never see them.
 */
import type { RawFinding } from './check-post.js';
import type { PostSource, Span } from './types.js';

export type DirectiveKind = 'disable' | 'enable' | 'disable-next-line' | 'disable-line';

export interface Directive {
  kind: DirectiveKind;
  /** Rule ids; empty for every rule. */
  rules: string[];
  reason?: string;
  /** Where the comment was, in the text as analysed (after directives were removed). */
  at: number;
  /** The comment itself, in the original text, for findings about the directive. */
  original: Span;
}

const DIRECTIVE = /<!--\s*postlint-(disable-next-line|disable-line|disable|enable)\b([\s\S]*?)-->/g;

function parseBody(body: string): { rules: string[]; reason?: string } {
  const [list, ...why] = body.split(/\s--\s|\s--$/);
  const reason = why.join(' -- ').trim();
  const rules = list
    .split(/[\s,]+/)
    .map((rule) => rule.trim())
    .filter(Boolean);
  return { rules, ...(reason ? { reason } : {}) };
}

export interface ExtractedDirectives {
  /** The post with its directives taken out of the text; offsets still map into the file. */
  source: PostSource;
  directives: Directive[];
  /** Maps an offset in the analysed text back to the text as the reader gave it. */
  toOriginal: (offset: number) => number;
}

/** Takes directives out of a post's text, keeping every offset mappable back to the file. */
export function extractDirectives(source: PostSource): ExtractedDirectives {
  const found = [...source.text.matchAll(DIRECTIVE)];
  if (found.length === 0) return { source, directives: [], toOriginal: (offset) => offset };

  // Cut points: after each removed comment, the analysed text is `removed` characters shorter.
  const cuts: Array<{ at: number; removed: number }> = [];
  const directives: Directive[] = [];
  let text = '';
  let last = 0;
  let removed = 0;
  for (const match of found) {
    const start = match.index;
    const end = start + match[0].length;
    text += source.text.slice(last, start);
    removed += end - start;
    cuts.push({ at: text.length, removed });
    directives.push({ kind: match[1] as DirectiveKind, ...parseBody(match[2]), at: text.length, original: { start, end } });
    last = end;
  }
  text += source.text.slice(last);

  const toOriginal = (offset: number) => {
    let shift = 0;
    for (const cut of cuts) {
      if (cut.at <= offset) shift = cut.removed;
      else break;
    }
    return offset + shift;
  };
  const fromOriginal = (offset: number) => {
    let shift = 0;
    for (const [index, cut] of cuts.entries()) {
      const comment = directives[index].original;
      if (offset >= comment.end) shift = cut.removed;
      else if (offset > comment.start) return cut.at;
      else break;
    }
    return offset - shift;
  };
  const fileOffset = source.offsetMap ?? ((offset: number) => source.textStart + offset);
  return {
    source: {
      ...source,
      text,
      offsetMap: (offset) => fileOffset(toOriginal(offset)),
      segments: source.segments?.map((segment) => ({ ...segment, start: fromOriginal(segment.start), end: fromOriginal(segment.end) })),
    },
    directives,
    toOriginal,
  };
}

export interface DirectiveOutcome {
  kept: RawFinding[];
  /**
   * Findings about the directives themselves (unknown rules, missing reasons, unused ones), with
   * offsets into the text as the reader gave it — the comment is not in the analysed text.
   */
  problems: RawFinding[];
}

export interface DirectiveOptions {
  /** Rule ids that exist, so a typo in a directive is reported instead of silently waiving nothing. */
  knownRules: ReadonlySet<string>;
  requireReason: boolean;
  /** 'off', or the severity at which a directive that waived nothing is reported. */
  reportUnused: 'off' | 'warn' | 'error';
}

const lineOf = (text: string, offset: number) => {
  let line = 0;
  for (let i = 0; i < offset && i < text.length; i++) if (text[i] === '\n') line++;
  return line;
};

/**
 * Drops the findings a directive waives. Offsets of findings and directives are in the analysed
 * text; `analysedText` is used to tell lines apart for the *-line directives.
 */
export function applyDirectives(findings: readonly RawFinding[], directives: readonly Directive[], analysedText: string, options: DirectiveOptions): DirectiveOutcome {
  const problems: RawFinding[] = [];
  const problem = (directive: Directive, message: string, severity: 'warn' | 'error'): RawFinding => ({
    rule: 'postlint-directive',
    severity,
    message,
    start: directive.original.start,
    end: directive.original.end,
  });
  const used = new Set<Directive>();
  for (const directive of directives) {
    for (const rule of directive.rules) {
      if (!options.knownRules.has(rule)) problems.push(problem(directive, `postlint-${directive.kind} names unknown rule "${rule}"`, 'error'));
    }
    if (options.requireReason && directive.kind !== 'enable' && !directive.reason) {
      problems.push(problem(directive, `postlint-${directive.kind} needs a reason: add "-- why" before "-->"`, 'error'));
    }
  }
  const covers = (directive: Directive, rule: string) => directive.rules.length === 0 || directive.rules.includes(rule);

  const kept = findings.filter((finding) => {
    const line = lineOf(analysedText, finding.start);
    let waivedBy: Directive | undefined;
    // Region directives: the last disable/enable before the finding that mentions its rule decides.
    for (const directive of directives) {
      if (directive.at > finding.start) break;
      if ((directive.kind === 'disable' || directive.kind === 'enable') && covers(directive, finding.rule)) {
        waivedBy = directive.kind === 'disable' ? directive : undefined;
      }
    }
    for (const directive of directives) {
      if (!covers(directive, finding.rule)) continue;
      const directiveLine = lineOf(analysedText, directive.at);
      if ((directive.kind === 'disable-next-line' && line === directiveLine + 1) || (directive.kind === 'disable-line' && line === directiveLine)) {
        waivedBy = directive;
      }
    }
    if (waivedBy) used.add(waivedBy);
    return !waivedBy;
  });

  if (options.reportUnused !== 'off') {
    for (const directive of directives) {
      if (directive.kind !== 'enable' && !used.has(directive)) {
        const what = directive.rules.length > 0 ? ` (${directive.rules.join(', ')})` : '';
        problems.push(problem(directive, `unused postlint-${directive.kind} directive${what}: nothing here to waive`, options.reportUnused));
      }
    }
  }
  return { kept, problems };
}
