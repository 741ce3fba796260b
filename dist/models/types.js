/**
 * Shared types of the model-fitting engine (DESIGN.md §1-2): fit options, the common fit result
 * and the columnar summary input every model accepts.
 */
export {};
//# sourceMappingURL=types.js.map