// Whole labels that notebook 08's code shows (plot and axis titles, legends, table columns,
// record keys, assert messages), exactly as the code writes them, and their Chinese.
// A number that varies is {0}, {1} on both sides. Terms shared by several notebooks go in
// ../labels.ts (TERMS), so each has one rendering.
export const PHRASES_08: Readonly<Record<string, string>> = {};
