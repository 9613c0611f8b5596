/**
 * `--cache`: post-rule results per file, reused while the file's content, the rules and options
 * that apply to it, the plugins' code and postlint's version are all unchanged (ESLint's
 * `--cache-strategy content`). Calendar rules always run: they depend on every other post.
 * The cache file is written atomically; a missing, corrupt or foreign cache is simply rebuilt.
 */
import type { Hash } from 'node:crypto';
import { createRequire } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import type { RawFinding } from './check-post.js';

/**
 * node:crypto is loaded only when a cache is used: loading it sets up OpenSSL (and reads the
 * system's CA certificates when NODE_EXTRA_CA_CERTS is set), which costs a run that never hashes
 * anything up to a tenth of a second.
 */
function sha256(): Hash {
  return (createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto')).createHash('sha256');
}

export interface CachedPost {
  raw: RawFinding[];
  metrics: Record<string, number>;
}

interface CacheFile {
  format: 1;
  files: Record<string, { key: string; posts: CachedPost[] }>;
}

export class ResultCache {
  private readonly files: CacheFile['files'];
  private dirty = false;

  private constructor(
    readonly location: string,
    files: CacheFile['files'],
  ) {
    this.files = files;
  }

  static load(location: string): ResultCache {
    try {
      if (existsSync(location)) {
        const data = JSON.parse(readFileSync(location, 'utf8')) as Partial<CacheFile>;
        if (data.format === 1 && data.files && typeof data.files === 'object') return new ResultCache(location, data.files);
      }
    } catch {
      // A cache that cannot be read is rebuilt, never an error: it only ever saves time.
    }
    return new ResultCache(location, {});
  }

  /** The key of one file's results: everything that could change them. */
  static keyOf(parts: { content: string; rules: unknown; plugins: string; version: string }): string {
    return sha256().update(JSON.stringify([parts.version, parts.plugins, parts.rules])).update('\u0000').update(parts.content).digest('hex');
  }

  get(file: string, key: string): CachedPost[] | undefined {
    const entry = this.files[file];
    return entry && entry.key === key ? entry.posts : undefined;
  }

  set(file: string, key: string, posts: CachedPost[]): void {
    this.files[file] = { key, posts };
    this.dirty = true;
  }

  /** The cache's content, or undefined when nothing changed and it need not be written. */
  serialize(): string | undefined {
    return this.dirty ? JSON.stringify({ format: 1, files: this.files } satisfies CacheFile) : undefined;
  }
}

/** A fingerprint of the plugins' code, so editing a plugin invalidates what it reported. */
export function pluginFingerprint(paths: readonly string[]): string {
  const hash = sha256();
  for (const path of [...paths].sort()) {
    hash.update(path);
    try {
      hash.update(readFileSync(path));
    } catch {
      hash.update('unreadable');
    }
  }
  return hash.digest('hex');
}
