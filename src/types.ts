/**
 * The contracts every part of postlint agrees on. Data flows one way:
 *
 *   reader (src/inputs) → Post → analysis (src/text, once per post) → rules → Finding[]
 *   → verdict per post (src/lint.ts) → formatter (src/format)
 *
 * Built-in rules (rules/*.ts) and plugin rules (a team's own modules) use exactly the same
 * `Rule` contract; nothing here is private to the built-ins.
 */
import type { JSONSchemaType } from './json-schema.js';

export type Severity = 'off' | 'warn' | 'error';
/** What a finding can carry once the kernel has applied the policy. */
export type ReportedSeverity = Exclude<Severity, 'off'>;

/** A half-open range of UTF-16 offsets into `Post.text`. */
export interface Span {
  start: number;
  end: number;
}

/** An attached image or video, as front matter lists it: `media: [{file, alt}]`. */
export interface MediaItem {
  file: string;
  alt?: string;
}

/**
 * Fields a post file can carry beside its text (front matter, queue fields, CSV columns). Readers
 * validate the known ones (a wrong type is an input error at its line and column) and normalise
 * snake_case keys (`publish_at` → `publishAt`); unknown keys are kept as written.
 */
export interface PostMeta {
  platforms?: string[];
  category?: 'promotional' | 'informational' | 'service' | 'incident' | 'reply';
  /** ISO 8601 as written. */
  publishAt?: string;
  sponsored?: boolean;
  account?: string;
  media?: MediaItem[];
  /** Poll options, from front matter or twitter-together's trailing `( ) option` lines. */
  poll?: string[];
  /** The post this one answers (a URL or id): makes it a reply. */
  replyTo?: string;
  retweet?: string;
  /** A Mastodon content warning (spoiler text); it counts towards Mastodon's length. */
  contentWarning?: string;
  /** Everything else the reader found, as written. */
  [key: string]: unknown;
}

/**
 * One part of a post that a platform publishes on its own: each post of a thread. A post that is
 * not a thread has one segment covering its whole text. `meta` is that part's own front matter
 * (segment 0's is the post's).
 */
export interface Segment extends Span {
  meta: PostMeta;
}

/** One post as a reader produced it, before analysis. */
export interface PostSource {
  /** The text that is checked (front matter and other wrapping removed). */
  text: string;
  meta: PostMeta;
  /**
   * Maps an offset in `text` to an offset in the file's content. Readers whose text is a plain
   * substring of the file give `textStart`; readers that unescape (CSV cells) give `offsetMap`.
   */
  textStart: number;
  offsetMap?: (textOffset: number) => number;
  /** Thread parts, as spans of `text`; omitted for a single-part post. */
  segments?: Segment[];
  /**
   * File offsets of a front-matter value, so findings about a field (an image without alt text)
   * point at the line that sets it. `segment` picks the thread part whose front matter is meant.
   */
  locateMeta?: (path: ReadonlyArray<string | number>, segment: number) => Span | undefined;
}

export interface Token extends Span {
  text: string;
  /** Lower-cased text, apostrophes normalised to ' — what lexicons are matched against. */
  lower: string;
}

export interface Sentence extends Span {
  text: string;
  /** Indexes into `Analysis.words` of the words inside this sentence: [first, last + 1). */
  wordStart: number;
  wordEnd: number;
}

export interface Entity extends Span {
  text: string;
  /** The hashtag without '#', the handle without '@', or the URL as written. */
  value: string;
}

/**
 * Everything rules need to know about a post's text, computed once per post and shared by every
 * rule. Members are computed on first use, so a policy that needs no entities never pays for them.
 */
export interface Analysis {
  readonly words: readonly Token[];
  readonly sentences: readonly Sentence[];
  readonly hashtags: readonly Entity[];
  readonly mentions: readonly Entity[];
  readonly urls: readonly Entity[];
  readonly emoji: readonly Span[];
  /** Number of user-perceived characters (Intl.Segmenter graphemes). */
  readonly graphemeCount: number;
}

/** What a rule's check function receives. */
export interface Post {
  /** Path of the file as the user will read it (relative to the current directory), or `<stdin>`. */
  readonly file: string;
  /** Index of this post in its file (0 for single-post files). */
  readonly index: number;
  readonly text: string;
  readonly meta: PostMeta;
  /** Always at least one; see `Segment`. Length limits apply to each segment. */
  readonly segments: readonly Segment[];
  readonly analysis: Analysis;
}

/** What a rule reports. Offsets are into `post.text`; the kernel maps them to line and column. */
export interface FindingInput extends Span {
  message: string;
  /** Why this matters: the policy's own words where it gave them, otherwise the rule's rationale. */
  reason?: string;
  /** Replacement text for the span, where the rule is certain of one. */
  suggestion?: string;
  /**
   * For a finding about a front-matter field rather than words of the text (an image without alt
   * text): the field's path, e.g. ['media', 0, 'alt']. The kernel points the finding at that line;
   * `start`/`end` are still required (0, 0 is fine) and used when the field cannot be located.
   */
  metaPath?: ReadonlyArray<string | number>;
  /** The segment whose front matter `metaPath` is in (default 0). */
  segment?: number;
}

export interface CheckContext {
  report(finding: FindingInput): void;
  /** Records a number about the post; `name` defaults to the rule id. */
  metric(value: number, name?: string): void;
}

export type CheckFunction = (post: Post, context: CheckContext) => void;

/** A post as calendar rules see it: with its publish time read, when it has one. */
export interface CalendarPost extends Post {
  /** `meta.publishAt` as an instant; undefined when missing or unreadable. */
  readonly publishTime?: Date;
  /** False when `publishAt` names no time zone (read as UTC, and the `schedule` rule says so). */
  readonly publishTimeHasZone: boolean;
  /**
   * True when the post's file was given on the command line, so its findings are printed; false
   * for posts read only from the policy's `calendar:`. A rule that finds a clash between two posts
   * can put the finding on the one the user will see.
   */
  readonly given: boolean;
}

export interface CalendarContext {
  /** The time the run checks against (`--now`, or the clock). */
  readonly now: Date;
  /** Reports a finding on one of the posts; offsets are into that post's text. */
  report(post: CalendarPost, finding: FindingInput): void;
}

/**
 * A calendar rule sees every post of the run at once — the files given and the policy's
 * `calendar:` files — in publish order. Findings are printed only for the files given.
 */
export type CalendarCheckFunction = (posts: readonly CalendarPost[], context: CalendarContext) => void;

export interface RuleExample {
  /** The post; for a calendar rule, leave empty and give `posts`. */
  text: string;
  /** For calendar rules: the posts of the calendar, in any order. */
  posts?: Array<{ text: string; meta?: PostMeta }>;
  /** For time-dependent rules: the run's "now" (ISO 8601). */
  now?: string;
  /** Options for this example, merged over the rule's defaults. */
  options?: Record<string, unknown>;
  meta?: PostMeta;
  /** Thread parts, for rules that check each part (see `Segment`). */
  segments?: Segment[];
  /** One line on what the example shows. */
  note?: string;
}

export interface RuleMeta {
  /** kebab-case, unique across built-ins and loaded plugins. */
  id: string;
  /** One line, shown by `postlint rules`. */
  description: string;
  /** Markdown: why the rule exists and how it decides. Shown by `postlint explain`. */
  rationale: string;
  /** A URL or docs path with the full page. */
  docs?: string;
  /** JSON Schema of the options object; every property should have a `default`. */
  schema: JSONSchemaType;
  /** Severity when a policy turns the rule on without naming one. */
  defaultSeverity?: ReportedSeverity;
  examples: { pass: RuleExample[]; fail: RuleExample[] };
  /** Markdown: measured precision / recall / AUC on labelled posts, with the data set named. */
  measured?: string;
  /** 'calendar' for rules that check the whole calendar at once (see `CalendarRule`); default 'post'. */
  scope?: 'post' | 'calendar';
}

/** A rule that checks one post at a time: most rules. */
export interface Rule<Options = Record<string, unknown>> {
  meta: RuleMeta & { scope?: 'post' };
  /**
   * Called once per distinct options object when the policy is loaded, with defaults filled in.
   * Compile patterns and load lexicons here (it may be async, so heavy data is loaded only when the
   * rule is on). Throw `RuleOptionError` for options the schema cannot express as invalid.
   */
  create(options: Options): CheckFunction | Promise<CheckFunction>;
}

/** A rule over the whole calendar (content mix, duplicates, spacing, schedule). */
export interface CalendarRule<Options = Record<string, unknown>> {
  meta: RuleMeta & { scope: 'calendar' };
  create(options: Options): CalendarCheckFunction | Promise<CalendarCheckFunction>;
}

/** Any rule postlint can load: the registry, the policy loader and the docs work on these. */
export type AnyRule = Rule<any> | CalendarRule<any>;

export const isCalendarRule = (rule: AnyRule): rule is CalendarRule<any> => rule.meta.scope === 'calendar';

/** Thrown by `Rule.create` for an invalid option; `path` locates it inside the options object. */
const RULE_OPTION_ERROR = Symbol.for('postlint.RuleOptionError');

export class RuleOptionError extends Error {
  constructor(
    message: string,
    readonly path: ReadonlyArray<string | number> = [],
  ) {
    super(message);
    this.name = 'RuleOptionError';
    Object.defineProperty(this, RULE_OPTION_ERROR, { value: true });
  }

  /**
   * A plugin imports RuleOptionError from the `postlint` package it resolves, which need not be
   * the copy running it (the CLI runs a bundle; a plugin may sit beside another install), so
   * `instanceof` goes by a registered symbol, not by class identity.
   */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[RULE_OPTION_ERROR] === true;
  }
}

/** A finding after the kernel applied severity and mapped positions. */
export interface Finding {
  rule: string;
  severity: ReportedSeverity;
  message: string;
  reason?: string;
  suggestion?: string;
  /** 1-based, in UTF-16 code units of the file's content (what editors and SARIF expect). */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  excerpt: string;
  /** Offsets into the post text, kept for formatters that highlight. */
  start: number;
  end: number;
  /** Offsets into the file's content, for `--fix`; not part of the JSON output. */
  fileStart?: number;
  fileEnd?: number;
}

export type PostStatus = 'pass' | 'fail';

export interface PostResult {
  file: string;
  post: number;
  status: PostStatus;
  metrics: Record<string, number>;
  findings: Finding[];
  /** The post's text, for formatters that show it (HTML report); not part of the JSON contract. */
  text: string;
}

/** A file that could not be read or parsed, or a rule that crashed: these make the exit code 2. */
export interface RunError {
  message: string;
  file?: string;
  line?: number;
  column?: number;
  /** The original exception, for --debug. */
  cause?: unknown;
}

export interface LintSummary {
  files: number;
  posts: number;
  passed: number;
  failed: number;
  errors: number;
  warnings: number;
}

export interface LintReport {
  /** The policy file used, relative to the current directory, or `builtin:<preset>`. */
  policy: string;
  results: PostResult[];
  summary: LintSummary;
  runErrors: RunError[];
}
