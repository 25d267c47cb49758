// The score ranges at their former address, for the survey definition and the widget, which
// import them from here until they read them from src/contracts.
export { SCORE_RANGES, type ScoreType } from './feedback/feedback.input.js';
