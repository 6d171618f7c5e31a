// Re-exports of the exercises group. Filled in as the group's files land.
export {};
