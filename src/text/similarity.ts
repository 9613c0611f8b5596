/**
 * Near-duplicate search over many short texts, each reduced to a set of tokens.
 *
 * Similarity is the Braun-Blanquet coefficient |A ∩ B| / max(|A|, |B|): the share of the longer
 * text's distinct words that the other text also has. It reads the way people mean "90% the same":
 * one word of ten replaced is 0.9, one word added to ten is 0.91. Word order is ignored.
 *
 * Candidates are found by prefix filtering, the exact set-similarity join of AllPairs / PPJoin
 * (Bayardo et al., WWW 2007; Xiao et al., WWW 2008): tokens are ranked rarest first over the whole
 * collection, and two sets that share at least ⌈t·|A|⌉ tokens must share one of the first
 * |A| − ⌈t·|A|⌉ + 1 tokens of A in that order. Only those prefix tokens are indexed, so a text is
 * compared with the few texts that share a rare word with it, never with all of them; a length
 * filter (t·|A| ≤ |B| ≤ |A|/t) and a time window prune further. No pair above the threshold is
 * missed: this is exact, unlike MinHash/LSH, which trades recall for speed.
 *
 * Written here because no installed package does it; the npm packages `minhash` (MinHash + LSH)
 * or `talisman` (similarity metrics) would be the ones to reach for, at the cost of exactness.
 */

/** One text as the index sees it: its distinct tokens as ranks, rarest first. */
export interface TokenSet {
  /** Ascending token ranks (a lower rank is a rarer token). */
  readonly ranks: Uint32Array;
}

/**
 * Ranks tokens by how many texts contain them, rarest first (ties in order of first appearance,
 * so the order is deterministic), and turns each text's tokens into a sorted rank array.
 */
export function rankTokenSets(texts: ReadonlyArray<ReadonlyArray<string>>): TokenSet[] {
  // Tokens are numbered as first seen; document frequencies are counted per number.
  const idOf = new Map<string, number>();
  const frequency: number[] = [];
  const distinctIds = texts.map((tokens) => {
    const ids = new Set<number>();
    for (const token of tokens) {
      let id = idOf.get(token);
      if (id === undefined) idOf.set(token, (id = frequency.push(0) - 1));
      ids.add(id);
    }
    for (const id of ids) frequency[id]++;
    return ids;
  });
  // A counting sort by frequency (at most the number of texts): linear, and stable.
  const startOfFrequency = new Uint32Array(texts.length + 2);
  for (const count of frequency) startOfFrequency[count + 1]++;
  for (let count = 1; count < startOfFrequency.length; count++) startOfFrequency[count] += startOfFrequency[count - 1];
  const rankOf = new Uint32Array(frequency.length);
  frequency.forEach((count, id) => (rankOf[id] = startOfFrequency[count]++));
  return distinctIds.map((ids) => {
    const ranks = new Uint32Array(ids.size);
    let i = 0;
    for (const id of ids) ranks[i++] = rankOf[id];
    return { ranks: ranks.sort() };
  });
}

/** |A ∩ B| / max(|A|, |B|) of two ascending rank arrays; 0 when either is empty. */
export function braunBlanquet(a: Uint32Array, b: Uint32Array): number {
  const longer = Math.max(a.length, b.length);
  if (longer === 0 || a.length === 0 || b.length === 0) return 0;
  let shared = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i] === b[j]) {
      shared++;
      i++;
      j++;
    } else if (a[i] < b[j]) i++;
    else j++;
  }
  return shared / longer;
}

// Thresholds are compared with a little slack so 9/10 ≥ 0.9 holds despite binary fractions.
const SLACK = 1e-9;

/** How many tokens two sets of which one has `size` must share for similarity ≥ threshold. */
const requiredOverlap = (size: number, threshold: number) => Math.max(1, Math.ceil(threshold * size - SLACK));

export interface SimilarMatch {
  /** Id (as given to `add`) of the earlier text. */
  id: number;
  similarity: number;
}

/**
 * An index of texts seen so far in time order. `query` returns the texts at or above the threshold
 * within `window` of a time; texts are added after they are queried, so each pair is found once.
 * Times must be added in ascending order: entries older than the window are skipped for good.
 */
export class SimilarityIndex {
  private readonly postings = new Map<number, { ids: number[]; first: number }>();
  private readonly sets: Uint32Array[] = [];
  private readonly times: number[] = [];
  /** Per text, the last query it was counted in, so a candidate met through two tokens is checked once. */
  private readonly seenInQuery: number[] = [];
  private queries = 0;

  constructor(
    private readonly threshold: number,
    private readonly window: number,
  ) {
    if (!(threshold > 0 && threshold <= 1)) throw new RangeError(`similarity threshold must be in (0, 1], got ${threshold}`);
  }

  /** The earlier texts similar to `ranks` at time `time`, for which `accept(id)` holds. */
  query(ranks: Uint32Array, time: number, accept: (id: number) => boolean = () => true): SimilarMatch[] {
    const matches: SimilarMatch[] = [];
    if (ranks.length === 0) return matches;
    const query = ++this.queries;
    const prefixLength = ranks.length - requiredOverlap(ranks.length, this.threshold) + 1;
    const shortest = this.threshold * ranks.length - SLACK;
    const longest = ranks.length / this.threshold + SLACK;
    for (let p = 0; p < prefixLength; p++) {
      const posting = this.postings.get(ranks[p]);
      if (!posting) continue;
      // Entries are in time order: skip, once and for all, those that have left the window.
      while (posting.first < posting.ids.length && this.times[posting.ids[posting.first]] < time - this.window) posting.first++;
      if (posting.first > 64 && posting.first * 2 > posting.ids.length) {
        posting.ids = posting.ids.slice(posting.first);
        posting.first = 0;
      }
      for (let k = posting.first; k < posting.ids.length; k++) {
        const id = posting.ids[k];
        if (this.seenInQuery[id] === query) continue;
        this.seenInQuery[id] = query;
        const other = this.sets[id];
        if (other.length < shortest || other.length > longest || !accept(id)) continue;
        const similarity = braunBlanquet(ranks, other);
        if (similarity >= this.threshold - SLACK) matches.push({ id, similarity });
      }
    }
    return matches;
  }

  /** Adds a text under `id` (ids are dense, 0, 1, 2, … in the order added). */
  add(id: number, ranks: Uint32Array, time: number): void {
    if (id !== this.sets.length) throw new RangeError(`ids must be added in order: expected ${this.sets.length}, got ${id}`);
    const last = this.times[this.times.length - 1];
    if (last !== undefined && time < last) throw new RangeError('texts must be added in time order');
    this.sets.push(ranks);
    this.times.push(time);
    if (ranks.length === 0) return;
    // Indexing the text's own prefix is enough: the lemma needs a shared token in both prefixes.
    const prefixLength = ranks.length - requiredOverlap(ranks.length, this.threshold) + 1;
    for (let p = 0; p < prefixLength; p++) {
      let posting = this.postings.get(ranks[p]);
      if (!posting) this.postings.set(ranks[p], (posting = { ids: [], first: 0 }));
      posting.ids.push(id);
    }
  }
}
