import { InvalidArgumentError, Option } from 'commander';

/** Options shared by every command that reads a model. */
export function modelOptions(): Option[] {
  return [
    new Option('--max-file-size <MiB>', 'refuse model files larger than this (default 64)').argParser(positiveNumber),
  ];
}

export function positiveNumber(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError('expected a positive number');
  return n;
}

export function positiveInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError('expected a positive whole number');
  return n;
}
