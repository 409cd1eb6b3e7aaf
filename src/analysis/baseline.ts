import { UsageError } from '../model/diagnostics.js';
import { FindingsDocument } from '../render/findings-json.js';

/**
 * The finding ids of a baseline: a previous `analyze --format json` output. Accepts any version-1
 * document; anything else is a usage error that says what was expected.
 */
export function parseBaseline(file: string, text: string): Set<string> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new UsageError(`${file}: the baseline is not JSON; write it with "steward analyze --format json -o ${file}"`);
  }
  const parsed = FindingsDocument.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new UsageError(
      `${file}: not a Steward findings document (${issue.path.join('.') || 'top level'}: ${issue.message}); write it with "steward analyze --format json"`,
    );
  }
  return new Set(parsed.data.findings.map((f) => f.id));
}
