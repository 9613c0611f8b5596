/**
 * Runs the post rules of a large run on worker threads, one per core.
 *
 * Each worker loads the policy and the lexicons again (~0.3 s of CPU), so threads pay off only for
 * runs of many files: below PARALLEL_MIN_FILES a run stays on one thread. The workers return raw
 * rule outcomes per post; the main thread places the findings, applies waivers, runs the calendar
 * rules and prints, exactly as in a single-threaded run (test/parallel.test.ts compares the two).
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { PostCheckOutcome } from './check-post.js';
import type { SourceFile } from './lint.js';
import type { WorkerInput } from './lint-worker.js';

/** Files below which a run stays on one thread: a worker's start-up would cost more than it saves. */
export const PARALLEL_MIN_FILES = 400;

/** The worker script beside this module: lint-worker.mjs in the CLI bundle, lint-worker.js in dist/src. */
function workerScript(): string | undefined {
  const own = fileURLToPath(import.meta.url);
  const script = own.replace(/[^/\\]+$/, own.endsWith('.mjs') ? 'lint-worker.mjs' : 'lint-worker.js');
  return existsSync(script) ? script : undefined;
}

/**
 * How many threads to use: POSTLINT_THREADS if set (1 turns parallel runs off), else one per core,
 * at most 4 (each holds its own copy of the lexicons).
 */
export function threadCount(env: NodeJS.ProcessEnv = process.env): number {
  const asked = Number.parseInt(env.POSTLINT_THREADS ?? '', 10);
  if (Number.isInteger(asked) && asked > 0) return asked;
  return Math.min(4, availableParallelism());
}

/**
 * The post rules' outcomes for each source (by index into `sources`), computed on worker threads;
 * undefined when this run should stay on one thread (too few files, one core, no worker script).
 */
export async function checkInWorkers(sources: readonly SourceFile[], policy: { policy?: string; cwd: string }): Promise<Array<PostCheckOutcome[] | null> | undefined> {
  const threads = Math.min(threadCount(), Math.ceil(sources.length / (PARALLEL_MIN_FILES / 2)));
  const script = workerScript();
  if (threads < 2 || sources.length < PARALLEL_MIN_FILES || !script) return undefined;
  // Contiguous chunks of similar size: the results come back in file order.
  const size = Math.ceil(sources.length / threads);
  const chunks = Array.from({ length: threads }, (_, i) => sources.slice(i * size, (i + 1) * size));
  const outcomes = await Promise.all(
    chunks.map(
      (chunk) =>
        new Promise<Array<PostCheckOutcome[] | null>>((resolve, reject) => {
          const input: WorkerInput = { policy: policy.policy, cwd: policy.cwd, sources: chunk };
          const worker = new Worker(script, { workerData: input });
          worker.once('message', (message: Array<PostCheckOutcome[] | null>) => resolve(message));
          worker.once('error', reject);
          worker.once('exit', (code) => {
            if (code !== 0) reject(new Error(`a postlint worker thread stopped with exit code ${code}`));
          });
        }),
    ),
  );
  return outcomes.flat();
}
