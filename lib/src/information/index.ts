// Re-exports of the information group. Filled in as the group's files land.
export {};
