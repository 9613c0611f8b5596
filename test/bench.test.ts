/**
 * The benchmark's own parts (bench/): the corpus generator must be deterministic and write posts
 * postlint can read, the floor must point at the right line and column, and the measuring function
 * must report what the child did. Needs neither ../shared nor the peers.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { isPlatform } from '../src/platforms.js';
import { makeTree, repoRoot } from './helpers.js';

interface GeneratedPost {
  name: string;
  text: string;
  kind: string;
  markdown: boolean;
  frontMatter: boolean;
  bodyLength: number;
}
interface GeneratorModule {
  generatePosts(n: number, seed?: number): GeneratedPost[];
  MIN_BODY: number;
  MAX_BODY: number;
}
interface Measurement {
  wallSeconds: number;
  cpuSeconds: number;
  peakRssMiB: number;
  exitCode: number | null;
  signal: number | null;
  timedOut: boolean;
}
interface RunModule {
  measure(argv: string[], options?: { cwd?: string }): Promise<Measurement>;
  judgeRun(command: { id: string; expectedExits: number[] }, measurement: Measurement, stderr: string, timeoutSeconds: number): { problem: string; counts: boolean } | undefined;
}

// The bench scripts are plain .mjs (they run without a build); imported by URL so TypeScript does
// not look for declarations, and typed by the interfaces above.
const importBench = <T>(file: string): Promise<T> => import(pathToFileURL(join(repoRoot, 'bench', file)).href) as Promise<T>;

function generate(n: number, seed: number): Map<string, string> {
  const out = mkdtempSync(join(tmpdir(), 'postlint-bench-corpus-'));
  const run = spawnSync(process.execPath, [join(repoRoot, 'bench', 'gen-corpus.mjs'), '--out', out, '--n', String(n), '--seed', String(seed)], { encoding: 'utf8' });
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return new Map(readdirSync(out).sort().map((name) => [name, readFileSync(join(out, name), 'utf8')]));
}

const FRONT_MATTER = /^---\n([\s\S]*?)\n---\n/;

describe('bench/gen-corpus.mjs', () => {
  it('writes the same 50 files for the same seed, and other files for another seed', () => {
    const first = generate(50, 7);
    const second = generate(50, 7);
    expect(first.size).toBe(50);
    expect([...second.entries()]).toEqual([...first.entries()]);
    const otherSeed = generate(50, 8);
    expect([...otherSeed.values()]).not.toEqual([...first.values()]);
  });

  it('writes well-formed posts: names, front matter with the fields postlint reads, body lengths in range', async () => {
    const { MIN_BODY, MAX_BODY } = await importBench<GeneratorModule>('gen-corpus.mjs');
    const files = generate(50, 7);
    for (const [name, content] of files) {
      expect(name).toMatch(/^post-\d{6}\.(md|txt)$/);
      const frontMatter = FRONT_MATTER.exec(content);
      if (frontMatter) {
        expect(name.endsWith('.md'), name).toBe(true);
        const fields = parse(frontMatter[1]) as Record<string, unknown>;
        const platforms = typeof fields.platforms === 'string' ? [fields.platforms] : (fields.platforms as string[]);
        expect(platforms.every(isPlatform), `${name}: ${platforms.join(', ')}`).toBe(true);
        // postlint's field names and types (docs/post-files.md): a field it rejects would make the
        // benchmark time input errors instead of linting.
        expect(fields.publish_at, name).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(Z|[+-]\d\d:\d\d)$/);
        expect(Object.keys(fields).every((key) => ['platforms', 'publish_at', 'category', 'sponsored', 'media'].includes(key)), name).toBe(true);
        for (const item of (fields.media ?? []) as Array<{ file: unknown; alt: unknown }>) {
          expect(typeof item.file, name).toBe('string');
          expect(typeof item.alt, name).toBe('string');
        }
      }
      const body = content.slice(frontMatter ? frontMatter[0].length : 0).replace(/^\n/, '').replace(/\n$/, '');
      expect(body.length, name).toBeGreaterThanOrEqual(MIN_BODY);
      expect(body.length, name).toBeLessThanOrEqual(MAX_BODY);
    }
  });

  it('has the shape of the shared corpus: ~30% Markdown, some front matter, median body ~300', async () => {
    const { generatePosts } = await importBench<GeneratorModule>('gen-corpus.mjs');
    const posts = generatePosts(2000, 20240601);
    const share = (count: number) => count / posts.length;
    expect(share(posts.filter((post) => post.markdown).length)).toBeGreaterThan(0.25);
    expect(share(posts.filter((post) => post.markdown).length)).toBeLessThan(0.35);
    expect(share(posts.filter((post) => post.frontMatter).length)).toBeGreaterThan(0.15);
    const lengths = posts.map((post) => post.bodyLength).sort((a, b) => a - b);
    expect(lengths[1000]).toBeGreaterThan(260);
    expect(lengths[1000]).toBeLessThan(340);
    expect(new Set(posts.map((post) => post.kind))).toEqual(new Set(['info', 'promo', 'reply', 'event', 'community']));
  });
});

describe('bench/floor.mjs', () => {
  it('reports findings at their line and column in the file, front matter included', () => {
    const dir = makeTree({ 'a.md': '---\nplatforms: x\n---\nSo this is very good.\n', 'b.txt': 'Plain words.\n' });
    const run = spawnSync(process.execPath, [join(repoRoot, 'bench', 'floor.mjs'), dir], { cwd: dir, encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(`${join(dir, 'a.md')}:4:12: intensifier "very"`);
    expect(run.stdout).toContain(`${join(dir, 'a.md')}:4:1: filler-start "So "`);
    expect(run.stdout.trim().split('\n').pop()).toMatch(/^2 files, \d+ body chars, 2 findings$/);
  });
});

describe('bench/run.mjs', () => {
  it('measures a child: wall time, CPU time, peak memory and exit code', async () => {
    const { measure } = await importBench<RunModule>('run.mjs');
    const quiet = await measure([process.execPath, '-e', '']);
    expect(quiet).toMatchObject({ exitCode: 0, signal: null, timedOut: false });
    expect(quiet.wallSeconds).toBeGreaterThan(0.005);
    expect(quiet.wallSeconds).toBeLessThan(10);
    expect(quiet.cpuSeconds).toBeGreaterThan(0);
    expect(quiet.peakRssMiB).toBeGreaterThan(10); // Node alone holds more than this
    // A child that allocates ~200 MiB must show it: the peak is the child's, not the parent's.
    const big = await measure([process.execPath, '-e', 'const b = Buffer.alloc(200 * 2 ** 20, 1); process.exit(3)']);
    expect(big.exitCode).toBe(3);
    expect(big.peakRssMiB).toBeGreaterThan(quiet.peakRssMiB + 150);
  });

  it('does not let a failed run pass as a fast one', async () => {
    const { judgeRun } = await importBench<RunModule>('run.mjs');
    const postlint = { id: 'postlint', expectedExits: [0, 1] };
    const ran = (exitCode: number | null, signal: number | null = null): Measurement => ({ wallSeconds: 0.1, cpuSeconds: 0.1, peakRssMiB: 40, exitCode, signal, timedOut: false });
    expect(judgeRun(postlint, ran(1), '', 60)).toBeUndefined();
    expect(judgeRun(postlint, ran(null, 9), '', 60)).toMatchObject({ problem: 'killed by signal 9', counts: false });
    expect(judgeRun(postlint, ran(1), 'file:///x/dist/src/cli.js:3\nTypeError: boom\n    at main (file:///x/dist/src/cli.js:3:9)\n', 60)?.counts).toBe(false);
    expect(judgeRun(postlint, ran(2), 'postlint: a.md:2:12: front matter "platforms" is wrong\npostlint: b.md:2:12: same\n', 60)).toEqual({
      problem: 'exit 2: input errors in 2 files',
      counts: true,
    });
    expect(judgeRun({ id: 'alex', expectedExits: [0, 1] }, ran(2), 'no such option\n', 60)).toEqual({ problem: 'exit 2', counts: false });
  });
});
