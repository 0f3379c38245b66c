// Statistics for campaign evaluation, written here so every figure can be checked against known answers.
export { normalCdf, normalPdf, normalQuantile, regularizedGammaP } from './normal.js'
export type { PowerSettings } from './power.js'
export { holdoutForMde, mdeMean, mdeProportion, sampleSizePerGroup } from './power.js'
export { regularizedBeta, studentTCdf, studentTQuantile } from './student-t.js'
export type { Comparison, GroupMoments } from './tests.js'
export { momentsFromSums, momentsOf, twoProportionTest, welchTest } from './tests.js'
