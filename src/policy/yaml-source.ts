/**
 * A YAML file (a policy, a post queue, front matter) parsed with its source positions kept, so
 * every later error — schema, unknown rule, bad option, unloadable plugin — can point at the
 * exact node as file:line:col.
 *
 * Parsing is safe on hostile input: a NUL byte is refused, nesting deeper than MAX_NESTING_DEPTH
 * is refused before the (recursive) composer could overflow the stack, and aliases that expand
 * too far (a "billion laughs" bomb) are refused instead of expanded. A lone CR ends a line, as
 * the YAML spec says, although the parser only knows LF and CRLF.
 */
import { Composer, type CST, type Document, isMap, isPair, isScalar, isSeq, LineCounter, type Node, Parser, visit, YAMLParseError } from 'yaml';
import { PostlintError, type SourcePosition } from '../errors.js';
import { LineIndex } from '../text/positions.js';

export type NodePath = ReadonlyArray<string | number>;

/** Far deeper than any policy or post needs (they nest under ten levels); shallow enough to be safe. */
export const MAX_NESTING_DEPTH = 100;

/** Aliases one document may expand (the yaml library's own default): enough for any real reuse. */
const MAX_ALIAS_COUNT = 100;

/** A lone CR becomes LF: the same length, so every offset still points into the original text. */
const withLfLineEnds = (text: string) => (text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text);

/** The offset of the first collection nested deeper than MAX_NESTING_DEPTH, if any. */
function tooDeepAt(document: CST.Document): number | undefined {
  // An explicit stack: measuring the depth must not recurse as deep as the input does.
  const pending: Array<{ token: CST.Token | null | undefined; depth: number }> = [{ token: document.value, depth: 1 }];
  while (pending.length > 0) {
    const { token, depth } = pending.pop()!;
    if (!token || (token.type !== 'block-map' && token.type !== 'block-seq' && token.type !== 'flow-collection')) continue;
    if (depth > MAX_NESTING_DEPTH) return token.offset;
    for (const item of token.items as CST.CollectionItem[]) {
      pending.push({ token: item.key, depth: depth + 1 }, { token: item.value, depth: depth + 1 });
    }
  }
  return undefined;
}

export class YamlSource {
  private constructor(
    /** Path as shown to the user. */
    readonly file: string,
    readonly doc: Document.Parsed,
    private readonly lineCounter: LineCounter,
    /** The text as parsed (lone CRs as LF): offsets into it are offsets into the file. */
    readonly text: string,
  ) {}

  static parse(file: string, original: string): YamlSource {
    const text = withLfLineEnds(original);
    const lineCounter = new LineCounter();
    const at = (offset: number): SourcePosition => {
      const { line, col } = lineCounter.linePos(offset);
      return { file, line, column: col };
    };
    const nul = text.indexOf('\0');
    if (nul >= 0) throw new PostlintError('contains a NUL byte: a binary file, not YAML', { file, ...new LineIndex(text).position(nul) });
    const doc = YamlSource.compose(text, lineCounter, file, at);
    const source = new YamlSource(file, doc, lineCounter, text);
    const [error] = doc.errors;
    if (error) throw new PostlintError(YamlSource.describe(error), source.positionOf(error.pos[0]));
    return source;
  }

  /** parseDocument, with every document's nesting measured before it is composed. */
  private static compose(text: string, lineCounter: LineCounter, file: string, at: (offset: number) => SourcePosition): Document.Parsed {
    function* measured(tokens: Iterable<CST.Token>): Generator<CST.Token> {
      for (const token of tokens) {
        const deep = token.type === 'document' ? tooDeepAt(token) : undefined;
        if (deep !== undefined) throw new PostlintError(`nested more than ${MAX_NESTING_DEPTH} levels deep (the most postlint reads in YAML or JSON)`, at(deep));
        yield token;
      }
    }
    const composer = new Composer({ uniqueKeys: true });
    let doc: Document.Parsed | undefined;
    for (const next of composer.compose(measured(new Parser(lineCounter.addNewLine).parse(text)), true, text.length)) {
      if (!doc) doc = next;
      else {
        doc.errors.push(new YAMLParseError([next.range[0], next.range[1]], 'MULTIPLE_DOCS', 'more than one YAML document (a second "---" line?)'));
        break;
      }
    }
    if (!doc) throw new PostlintError('cannot parse YAML', { file });
    return doc;
  }

  /** The parser's message, on one line and without its advice for programmers. */
  private static describe(error: YAMLParseError): string {
    if (error.code === 'RESOURCE_EXHAUSTION') return `nested too deeply to read`;
    return error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
  }

  /**
   * The document as plain data. Aliases are capped, so a "billion laughs" file cannot exhaust
   * memory; the error points at the first alias.
   */
  toData(): unknown {
    try {
      return this.doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (error) {
      if (!(error instanceof ReferenceError) || !/alias/i.test(error.message)) {
        throw new PostlintError(String((error as Error).message).split('\n')[0], { file: this.file, line: 1, column: 1 });
      }
      let firstAlias: SourcePosition | undefined;
      visit(this.doc, {
        Alias: (_key, node) => {
          firstAlias = this.positionOfNode(node);
          return visit.BREAK;
        },
      });
      throw new PostlintError(`YAML aliases expand too far (over ${MAX_ALIAS_COUNT} copies; an alias bomb?), so postlint does not expand them`, firstAlias ?? { file: this.file, line: 1, column: 1 });
    }
  }

  positionOf(offset: number): SourcePosition {
    const { line, col } = this.lineCounter.linePos(offset);
    return { file: this.file, line, column: col };
  }

  /**
   * Follows `path` through maps and sequences. `found` is the node at the path (its key node with
   * `key: true`), or undefined when the path does not exist; `nearest` is the deepest node reached.
   */
  private walk(path: NodePath, key: boolean): { found?: unknown; nearest: unknown } {
    let node: unknown = this.doc.contents;
    for (let i = 0; i < path.length; i++) {
      const part = path[i];
      let next: unknown;
      if (isMap(node)) {
        const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(part));
        if (pair) next = i === path.length - 1 && key ? pair.key : pair.value;
      } else if (isSeq(node)) {
        next = node.items[Number(part)];
      }
      if (!next) return { nearest: node };
      node = next;
    }
    return { found: node, nearest: node };
  }

  /**
   * Where the node at `path` starts. With `key: true`, the position of the map key that names the
   * last path element (what an "unknown key" error should point at). Falls back to the nearest
   * ancestor that exists, so a missing property points at the object that lacks it.
   */
  locate(path: NodePath, options: { key?: boolean } = {}): SourcePosition {
    const { nearest } = this.walk(path, Boolean(options.key));
    return this.positionOfNode(nearest) ?? { file: this.file, line: 1, column: 1 };
  }

  /** Offsets of the value at `path` (or of its key, with `key: true`); undefined when absent. */
  rangeOf(path: NodePath, options: { key?: boolean } = {}): { start: number; end: number } | undefined {
    const range = (this.walk(path, Boolean(options.key)).found as Node | undefined)?.range;
    return range ? { start: range[0], end: range[1] } : undefined;
  }

  private positionOfNode(node: unknown): SourcePosition | undefined {
    const range = (node as Node | undefined)?.range;
    return range ? this.positionOf(range[0]) : undefined;
  }

  /** A view of the node at `path`: `locate` then takes paths relative to it. */
  at(base: NodePath): { locate(path: NodePath, options?: { key?: boolean }): SourcePosition } {
    return { locate: (path, options) => this.locate([...base, ...path], options) };
  }

  error(message: string, path: NodePath, options: { key?: boolean } = {}): PostlintError {
    return new PostlintError(message, this.locate(path, options));
  }
}
