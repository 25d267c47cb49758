// Search limits, each with why.
export const SEARCH_LIMITS = {
  /**
   * sort=relevance ranks at most this many of the newest matches: ranking reads every candidate's
   * vector: 5,000 keeps a word found in 8 % of a 1M-item workspace under 150 ms on 2 cores
   * (`npm run bench`, search phase) while covering weeks to months of feedback.
   */
  relevanceCandidates: 5_000,
} as const;
