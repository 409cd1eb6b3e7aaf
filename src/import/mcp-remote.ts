import type { ToolSpec } from '../model/schema.js';
import { secretReference } from './mcp-credentials.js';
import { isSecretName, looksLikeSecret } from './secrets.js';
import { clip } from './text.js';

/** Remote MCP servers: transport from the URL, who hosts them, and secrets written into the URL. */

export function remoteTransport(url: string): ToolSpec['transport'] {
  return /^http:\/\//i.test(url) ? 'http' : 'https';
}

/** A remote server on another host is a vendor's service: third party, pinned by its API version. */
export function remoteFacts(spec: ToolSpec, url: string, notes: string[]): void {
  const host = hostOf(url);
  if (!host || isLoopback(url)) {
    notes.push('A server on this machine: whether it is first or third party is not in the configuration.');
    return;
  }
  spec.third_party = true;
  spec.vendor = clip(host, 200);
  notes.push(`A remote server at ${clip(host, 200)}: assumed third party (hosted by another party); set third_party: false if you run it.`);
}

export function hostOf(url: string): string | undefined {
  try {
    return new URL(url).hostname || undefined;
  } catch {
    return undefined;
  }
}

export function isLoopback(url: string): boolean {
  const host = hostOf(url);
  return host === 'localhost' || host === '127.0.0.1' || host === '[::1]' || host === '::1' || (host?.endsWith('.localhost') ?? false);
}

/** The URL with a password and secret query parameters replaced by REDACTED; `found` hears of each. */
export function redactUrl(url: string, found: (param: string) => void): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    if (looksLikeSecret(url)) {
      found('value');
      return 'REDACTED';
    }
    return url;
  }
  let changed = false;
  if (parsed.password) {
    found('password');
    parsed.password = 'REDACTED';
    changed = true;
  }
  for (const [key, value] of [...parsed.searchParams]) {
    if ((isSecretName(key) && value && !secretReference(value)) || looksLikeSecret(value)) {
      found(key.toLowerCase());
      parsed.searchParams.set(key, 'REDACTED');
      changed = true;
    }
  }
  return changed ? parsed.toString() : url;
}
