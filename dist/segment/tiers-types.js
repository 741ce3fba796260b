export {};
//# sourceMappingURL=tiers-types.js.map