/**
 * How a benchmark starts its child processes. `npm run bench` runs the benchmarks as compiled by
 * tsc (`tsconfig.bench.json`), the code the CLI runs; a script run by hand through tsx
 * (`node --import tsx bench/x.ts`) runs its children through tsx too. tsx's transform is not
 * tsc's (esbuild keeps function names by wrapping named closures in a call): measured on the
 * rule catalogue at 100k nodes, the compiled code ran about a tenth faster (bench/README.md).
 */
const compiled = import.meta.url.endsWith('.js');

/** Node's arguments that load this benchmark's code in a child process. */
export const LOADER_ARGS: readonly string[] = compiled ? [] : ['--import', 'tsx'];

/** The value after `name` (`--sizes`) on this process's command line, or undefined when it is not given. */
export function optionValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i === -1 ? undefined : process.argv[i + 1];
}

/** The file name of a source module next to this one, as it is named where the benchmark runs. */
export function sourceFile(name: string): string {
  return compiled ? name.replace(/\.ts$/, '.js') : name;
}
