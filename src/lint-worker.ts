/**
 * A worker thread of a parallel run (src/parallel.ts): loads the same policy as the main thread,
 * runs the post rules over the files it is sent and returns their raw outcomes. Placing findings,
 * waivers, calendar rules and printing stay on the main thread, so the report is the same as a
 * run on one thread.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { checkSourcePosts, type SourceFile } from './lint.js';
import { loadPolicy } from './policy/discover.js';

export interface WorkerInput {
  policy?: string;
  cwd: string;
  sources: SourceFile[];
}

const input = workerData as WorkerInput;
const loaded = await loadPolicy({ policy: input.policy, cwd: input.cwd });
const outcomes = [];
for (const source of input.sources) outcomes.push(await checkSourcePosts(source, loaded.compiled));
parentPort!.postMessage(outcomes);
