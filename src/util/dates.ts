/** Calendar and duration arithmetic on the model's YYYY-MM-DD dates and 90d-style durations. */

const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400, w: 604_800, y: 31_536_000 };

/** Seconds in a duration such as "15m" or "90d"; Infinity for "never". */
export function durationSeconds(duration: string): number {
  if (duration === 'never') return Infinity;
  const match = /^(\d+)([smhdwy])$/.exec(duration);
  if (!match) throw new RangeError(`not a duration: ${duration}`);
  return Number(match[1]) * UNIT_SECONDS[match[2]!]!;
}

export function durationDays(duration: string): number {
  return durationSeconds(duration) / 86_400;
}

/** Days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Today's date in UTC, for the CLI's default --as-of; the core never reads the clock. */
export function todayUtc(now: Date): string {
  return now.toISOString().slice(0, 10);
}
