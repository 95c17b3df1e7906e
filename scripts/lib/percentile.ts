/**
 * The value below which `fraction` of the samples fall (nearest rank, no interpolation: every
 * figure reported is a latency that was really measured). `sorted` must be in ascending order;
 * no samples give NaN, which prints as such rather than as a plausible 0.
 */
export const percentile = (sorted: readonly number[], fraction: number): number =>
  sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)] ?? NaN;
