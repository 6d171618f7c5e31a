// Re-exports of the display group. Filled in as the group's files land.
export {};
