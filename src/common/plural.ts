// A count with its noun for people: "1 fault", "3 faults".

/** `n` and `word`, with an "s" unless n is 1. */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
