import { InvalidArgumentError, Option } from 'commander';
import { SEVERITIES, type Severity } from '../analysis/severity.js';
import { todayUtc } from '../util/dates.js';

/** Options of every command that runs the analysis. */
export interface AnalysisFlags {
  asOf?: string;
  rule?: string[];
  skipRule?: string[];
}

export function analysisOptions(): Option[] {
  return [
    new Option('--as-of <date>', 'evaluate dates (reviews, expiries, rotations) as of this day, YYYY-MM-DD (default: today, UTC)').argParser(isoDate),
    new Option('--rule <id...>', 'run only these rules'),
    new Option('--skip-rule <id...>', 'do not run these rules'),
  ];
}

export function severityOption(flags: string, description: string): Option {
  return new Option(flags, description).choices(SEVERITIES as unknown as string[]);
}

export function asOfDate(flags: AnalysisFlags, now: () => Date = () => new Date()): string {
  return flags.asOf ?? todayUtc(now());
}

export function isoDate(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) {
    throw new InvalidArgumentError('expected a date as YYYY-MM-DD');
  }
  return value;
}

export type { Severity };
