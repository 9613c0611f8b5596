/**
 * A policy file parsed with its source positions kept, so every later error — schema, unknown
 * rule, bad option, unloadable plugin — can point at the exact node as file:line:col.
 */
import { type Document, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { PostlintError, type SourcePosition } from '../errors.js';

export type NodePath = ReadonlyArray<string | number>;

export class YamlSource {
  private constructor(
    /** Path as shown to the user. */
    readonly file: string,
    readonly doc: Document,
    private readonly lineCounter: LineCounter,
  ) {}

  static parse(file: string, text: string): YamlSource {
    const lineCounter = new LineCounter();
    const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
    const source = new YamlSource(file, doc, lineCounter);
    const [error] = doc.errors;
    if (error) throw new PostlintError(error.message.split('\n')[0], source.positionOf(error.pos[0]));
    return source;
  }

  /** The document as plain data; aliases are capped so a "billion laughs" file cannot exhaust memory. */
  toData(): unknown {
    try {
      return this.doc.toJS({ maxAliasCount: 100 });
    } catch (error) {
      throw new PostlintError(`cannot read policy: ${(error as Error).message}`, { file: this.file, line: 1, column: 1 });
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
