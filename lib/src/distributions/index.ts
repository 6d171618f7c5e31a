// Re-exports of the distributions group. Filled in as the group's files land.
export {};
