export interface WordErrors {
  referenceWords: number;
  substitutions: number;
  deletions: number;
  insertions: number;
  /** (substitutions + deletions + insertions) / reference words; above 1 when the hypothesis adds many words. */
  rate: number;
}

/**
 * Word error rate by the fewest substitutions, deletions and insertions that turn the reference
 * into the hypothesis (Levenshtein distance over words). Among equally short alignments the counts
 * follow the first found, preferring substitutions, then deletions, then insertions.
 */
export function wordErrorRate(reference: readonly string[], hypothesis: readonly string[]): WordErrors {
  const columns = hypothesis.length + 1;
  // cost[i][j]: edits turning the first i reference words into the first j hypothesis words.
  const cost = new Uint32Array((reference.length + 1) * columns);
  for (let j = 0; j < columns; j += 1) cost[j] = j;
  for (let i = 1; i <= reference.length; i += 1) {
    cost[i * columns] = i;
    for (let j = 1; j < columns; j += 1) {
      const same = reference[i - 1] === hypothesis[j - 1];
      cost[i * columns + j] = Math.min(
        cost[(i - 1) * columns + j - 1]! + (same ? 0 : 1),
        cost[(i - 1) * columns + j]! + 1,
        cost[i * columns + j - 1]! + 1,
      );
    }
  }
  let substitutions = 0;
  let deletions = 0;
  let insertions = 0;
  let i = reference.length;
  let j = hypothesis.length;
  while (i > 0 || j > 0) {
    const here = cost[i * columns + j]!;
    if (i > 0 && j > 0) {
      const same = reference[i - 1] === hypothesis[j - 1];
      if (here === cost[(i - 1) * columns + j - 1]! + (same ? 0 : 1)) {
        if (!same) substitutions += 1;
        i -= 1;
        j -= 1;
        continue;
      }
    }
    if (i > 0 && here === cost[(i - 1) * columns + j]! + 1) {
      deletions += 1;
      i -= 1;
    } else {
      insertions += 1;
      j -= 1;
    }
  }
  const errors = substitutions + deletions + insertions;
  return {
    referenceWords: reference.length,
    substitutions,
    deletions,
    insertions,
    // An empty reference counts as one word, so that a hypothesis out of silence still scores.
    rate: errors / Math.max(1, reference.length),
  };
}
