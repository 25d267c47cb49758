// Emerging-theme limits, each with why.
export const THEME_LIMITS = {
  /** Fewer than three separate items is an anecdote, not a theme. */
  minItems: 3,
  /** …and at least 0.5 % of the language's items in the window, so large windows are not flooded. */
  minShare: 0.005,
  /** A phrase whose items are ≥ 80 % also a longer phrase's items is shown as the longer one. */
  mergeContainment: 0.8,
  /** Longest phrase in words: longer runs are almost never repeated word for word. */
  maxWords: 3,
  /** Themes whose items mostly have no topic yet rank first: they are what the taxonomy misses. */
  uncoveredBelow: 0.5,
  /** Lift above this adds nothing to the score, so three new mentions cannot beat fifty steady ones. */
  maxLift: 5,
  /** Labels: current ≥ 1.5 × previous is rising, ≤ previous / 1.5 is falling. */
  trendRatio: 1.5,
  examples: 3,
  exampleChars: 200,
  /** Items read to find the most frequent spelling of a theme: enough for a stable majority. */
  surfaceSample: 60,
  /** Languages without a stopword list: a word in more than this share of items is a function word. */
  genericWordShare: 0.2,
  /** Items read per window, newest first: bounds time and memory (about 1 s for 20,000 items). */
  maxItemsPerWindow: 20_000,
  /** Characters of each text read: a theme lives in the first paragraphs, long notes cost linearly. */
  maxTextChars: 2_000,
  /** Example texts copied into a topic made from a theme (the model learns from them). */
  promoteExamples: 5,
  /** Items scanned for those examples. */
  promoteScan: 2_000,
} as const;
