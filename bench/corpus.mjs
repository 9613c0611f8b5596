// The benchmark's inputs: generated (never committed) into bench/corpus/, one folder per
// generator + seed, so a rerun reuses them and a changed generator or seed makes new ones.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Sizes by name: how many posts, and the folder that holds them. "1" is the one-draft case. */
export const SIZES = {
  1: { posts: 1, folder: 'c1' },
  '1k': { posts: 1000, folder: 'c1k' },
  '10k': { posts: 10_000, folder: 'c10k' },
  '100k': { posts: 100_000, folder: 'c100k' },
};

/** The preflight checks every command on the first few posts before anything is timed. */
export const PROBE_POSTS = 30;

export function hashFile(file) {
  return createHash('sha256').update(readFileSync(file)).digest('hex').slice(0, 12);
}

/**
 * Makes sure the corpus for `sizes` exists under `corpusRoot` and returns where everything is.
 * `generator` is a script with the shared CLI: `--std ROOT` writes c1, c1k and c10k (c1k being the
 * first 1,000 posts of c10k); `--out DIR --n N` writes the first N posts.
 */
export function prepareCorpus({ corpusRoot, generator, source, seed, sizes, log }) {
  const generatorHash = hashFile(generator);
  const dir = join(corpusRoot, `${source}-${generatorHash}-seed${seed}`);
  mkdirSync(dir, { recursive: true });
  const generate = (args, what) => {
    log(`generating ${what} with ${generator} (seed ${seed}) into ${relative(process.cwd(), dir)}`);
    const run = spawnSync(process.execPath, [generator, ...args, '--seed', String(seed)], { cwd: dir, encoding: 'utf8', maxBuffer: 64 << 20 });
    if (run.status !== 0) throw new Error(`${generator} ${args.join(' ')} failed (exit ${run.status}): ${run.stderr.trim().split('\n').pop()}`);
  };
  // Markers are written last, so an interrupted generation is redone rather than half-used.
  if (!existsSync(join(dir, '.std-complete'))) {
    generate(['--std', '.'], '1, 1,000 and 10,000 posts');
    writeFileSync(join(dir, '.std-complete'), `${new Date().toISOString()}\n`);
  }
  if (sizes.includes('100k') && !existsSync(join(dir, '.c100k-complete'))) {
    generate(['--out', 'c100k', '--n', '100000'], '100,000 posts');
    writeFileSync(join(dir, '.c100k-complete'), `${new Date().toISOString()}\n`);
  }
  writeProbe(dir);
  // -p names the policy, so no postlint.yaml is searched for; this file only extends the preset.
  writeFileSync(join(dir, 'bench-policy.yaml'), '# Written by bench/run.mjs: the built-in recommended policy, nothing else.\nextends: [recommended]\n');
  return { dir, generatorHash, targets: Object.fromEntries(sizes.map((size) => [size, target(dir, size)])) };
}

/** The first PROBE_POSTS posts of c1k, in a folder of their own. */
function writeProbe(dir) {
  const probe = join(dir, 'probe');
  rmSync(probe, { recursive: true, force: true });
  mkdirSync(probe);
  for (const name of readdirSync(join(dir, 'c1k')).sort().slice(0, PROBE_POSTS)) copyFileSync(join(dir, 'c1k', name), join(probe, name));
}

/** What a command is given for one size: the one draft by file name, otherwise the folder. */
function target(dir, size) {
  const { folder, posts } = SIZES[size];
  const names = readdirSync(join(dir, folder)).sort();
  if (names.length !== posts) throw new Error(`${join(dir, folder)} holds ${names.length} files, expected ${posts}: delete it to regenerate`);
  const path = posts === 1 ? `${folder}/${names[0]}` : folder;
  return { size, path, fileCount: posts, files: () => (posts === 1 ? [path] : names.map((name) => `${folder}/${name}`)) };
}

export function probeTarget(dir) {
  const names = readdirSync(join(dir, 'probe')).sort();
  return { size: 'probe', path: 'probe', fileCount: names.length, files: () => names.map((name) => `probe/${name}`) };
}

/** Reads every file of a target once, so the first timed command does not pay for a cold disk. */
export function warmPageCache(dir, target) {
  let bytes = 0;
  for (const file of target.files()) bytes += readFileSync(join(dir, file)).length;
  return bytes;
}
