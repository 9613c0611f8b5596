// Shared helpers for the calibration scripts: read labelled posts, split them, score them.
// The data lives outside the repo (../shared/eval-data); these scripts are for maintainers and are
// never needed by the test suite.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const evalDataDir = resolve(process.env.POSTLINT_EVAL_DATA ?? join(repoRoot, '..', 'shared', 'eval-data'));

export function readDataset(name) {
  const file = join(evalDataDir, `${name}.jsonl`);
  if (!existsSync(file)) {
    console.error(`eval data not found: ${file} (set POSTLINT_EVAL_DATA to the eval-data folder)`);
    process.exit(2);
  }
  return readFileSync(file, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line));
}

/**
 * Deterministic half split by id: rules are tuned on 'dev' only, and 'test' is reported as the
 * honest number. (A further part of each set is held back by the data's owners.)
 */
export function splitOf(record) {
  const byte = createHash('sha256').update(String(record.id)).digest()[0];
  return byte < 128 ? 'dev' : 'test';
}

/** Area under the ROC curve: P(score of a positive > score of a negative), ties count half. */
export function auc(positiveScores, negativeScores) {
  const all = [
    ...positiveScores.map((score) => [score, 1]),
    ...negativeScores.map((score) => [score, 0]),
  ].sort((a, b) => a[0] - b[0]);
  let rankSumPositive = 0;
  for (let i = 0; i < all.length; ) {
    let j = i;
    while (j < all.length && all[j][0] === all[i][0]) j++;
    const averageRank = (i + j + 1) / 2;
    for (let k = i; k < j; k++) if (all[k][1]) rankSumPositive += averageRank;
    i = j;
  }
  const p = positiveScores.length;
  const n = negativeScores.length;
  return (rankSumPositive - (p * (p + 1)) / 2) / (p * n);
}

/** Precision and recall of a yes/no decision against labels (true = the rule should fire). */
export function precisionRecall(decisions) {
  let tp = 0, fp = 0, fn = 0, tn = 0;
  for (const { predicted, actual } of decisions) {
    if (predicted && actual) tp++;
    else if (predicted) fp++;
    else if (actual) fn++;
    else tn++;
  }
  return {
    precision: tp + fp === 0 ? NaN : tp / (tp + fp),
    recall: tp + fn === 0 ? NaN : tp / (tp + fn),
    falsePositiveRate: fp + tn === 0 ? NaN : fp / (fp + tn),
    tp, fp, fn, tn,
  };
}

export const fmt = (x) => (Number.isNaN(x) ? 'n/a' : x.toFixed(3));

/** Imports a built module from dist/, or says how to build it. */
export async function fromDist(path) {
  try {
    return await import(pathToFileURL(join(repoRoot, 'dist', path)).href);
  } catch (error) {
    console.error(`cannot load dist/${path} (build first: npx tsc -p tsconfig.build.json): ${error.message}`);
    process.exit(2);
  }
}
