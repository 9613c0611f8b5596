/**
 * What rules postlint did not write (plugins) see of a post: every rule of a post shares one post
 * and one analysis, so a plugin that sorted `post.analysis.words` in place or pushed to
 * `post.meta.platforms` would change what the next rule reads. Plugins get frozen copies instead:
 * a write throws a TypeError (plugins are ES modules, so strict mode), which the kernel reports as
 * that rule's crash, and the originals are never touched.
 *
 * Copies are made on first use and shared by all plugin rules of the post, so a plugin that never
 * reads `analysis.hashtags` never pays for copying it, and built-in rules keep their direct access.
 * They are ordinary frozen data: a plugin can still spread them or `structuredClone` them.
 */
import type { Post } from './types.js';

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Reflect.ownKeys(value)) deepFreeze((value as Record<PropertyKey, unknown>)[key]);
  }
  return value;
}

/** A deep, frozen copy of plain data; a value that cannot be cloned is passed on as it is. */
export function frozenCopy<T>(value: T): T {
  if (typeof value !== 'object' || value === null) return value;
  try {
    return deepFreeze(structuredClone(value));
  } catch {
    return value;
  }
}

function refuse(what: string): never {
  throw new TypeError(`rules may not change the post they check (attempted ${what}); copy what you need first`);
}

/**
 * The analysis through a proxy, whatever members it has: each member is computed by the real
 * analysis (which memoises it for every rule) and copied, frozen, once.
 */
function frozenAnalysis<A extends object>(analysis: A): A {
  const copies = new Map<PropertyKey, unknown>();
  return new Proxy(analysis, {
    get(target, key) {
      if (!copies.has(key)) copies.set(key, frozenCopy(Reflect.get(target, key, target)));
      return copies.get(key);
    },
    set: (_target, key) => refuse(`to set analysis.${String(key)}`),
    defineProperty: (_target, key) => refuse(`to define analysis.${String(key)}`),
    deleteProperty: (_target, key) => refuse(`to delete analysis.${String(key)}`),
    setPrototypeOf: () => refuse('to change the analysis prototype'),
  });
}

/** A frozen view of a post (or a calendar post): same fields, frozen copies of its data. */
export function readOnlyPost<P extends Post>(post: P): P {
  const view: Record<string, unknown> = {};
  for (const key of Object.keys(post)) {
    const value = (post as Record<string, unknown>)[key];
    if (key === 'analysis') {
      // Lazy: the analysis members are copied only when a plugin reads them.
      const analysis = value as object;
      let copy: object | undefined;
      Object.defineProperty(view, key, { enumerable: true, get: () => (copy ??= frozenAnalysis(analysis)) });
    } else {
      view[key] = frozenCopy(value);
    }
  }
  return Object.freeze(view) as P;
}
