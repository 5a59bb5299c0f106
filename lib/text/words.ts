/** Whole words in any script, as a pattern (`\b` knows only ASCII letters, even with the `u` flag). */
export const words = (alternatives: string[]) => `(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`;
