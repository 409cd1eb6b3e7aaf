/** "entity" to "entities", "hop" to "hops", "match" to "matches". */
export function pluralize(noun: string): string {
  if (/[^aeiou]y$/.test(noun)) return `${noun.slice(0, -1)}ies`;
  if (/(s|x|ch|sh)$/.test(noun)) return `${noun}es`;
  return `${noun}s`;
}

/** "1 hop", "3 hops". */
export function plural(n: number, noun: string, many = pluralize(noun)): string {
  return `${n} ${n === 1 ? noun : many}`;
}
