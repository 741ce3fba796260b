/** Core data structures shared across capabilities (DESIGN.md §1). */
export {};
//# sourceMappingURL=types.js.map