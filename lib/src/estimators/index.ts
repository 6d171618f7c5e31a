// Re-exports of the estimators group. Filled in as the group's files land.
export {};
