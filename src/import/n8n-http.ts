import { isSecretName, looksLikeSecret } from './secrets.js';
import { isRecord, own, stringAt } from './parse.js';

/**
 * What the HTTP-speaking nodes (HTTP Request, HTTP Request Tool, MCP Client Tool) say about where
 * they send data: the URL with any secret in it redacted, whether the host is on the public
 * internet, and the literal secrets written into headers, query or body parameters.
 */

export interface Endpoint {
  /** The URL as written, secrets redacted; expressions kept as text. */
  url?: string;
  scheme?: 'http' | 'https';
  host?: string;
  /** public: outside any private network; private: localhost, RFC 1918, single-label or internal names. */
  reach: 'public' | 'private' | 'unknown';
  /** Secrets found written in the URL (user info or query values), by parameter name. */
  secretsInUrl: string[];
}

const REDACTED = 'REDACTED';

export function readEndpoint(raw: string | undefined): Endpoint {
  if (!raw) return { reach: 'unknown', secretsInUrl: [] };
  // An n8n value starting with "=" is an expression: keep the text, judge only a literal host.
  const text = raw.startsWith('=') ? raw.slice(1) : raw;
  const literal = /^(https?):\/\/([^/{}\s?#]+)(.*)$/i.exec(text.trim());
  if (!literal) return { url: text.slice(0, 2000), reach: 'unknown', secretsInUrl: [] };
  const scheme = literal[1]!.toLowerCase() as 'http' | 'https';
  let authority = literal[2]!;
  let rest = literal[3]!;
  const secretsInUrl: string[] = [];
  const at = authority.lastIndexOf('@');
  if (at !== -1) {
    secretsInUrl.push('user info');
    authority = `${REDACTED}@${authority.slice(at + 1)}`;
  }
  rest = rest.replace(/([?&])([^=&#]+)=([^&#]*)/g, (whole, sep: string, name: string, value: string) => {
    if (!value || value.includes('{{')) return whole;
    if (isSecretName(decode(name)) || looksLikeSecret(decode(value))) {
      secretsInUrl.push(decode(name));
      return `${sep}${name}=${REDACTED}`;
    }
    return whole;
  });
  const host = authority.replace(/^.*@/, '').replace(/:\d+$/, '').replace(/^\[|\]$/g, '').toLowerCase();
  return { url: `${scheme}://${authority}${rest}`.slice(0, 2000), scheme, host, reach: hostReach(host), secretsInUrl };
}

function decode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

const PRIVATE_SUFFIXES = ['.localhost', '.local', '.internal', '.lan', '.corp', '.home.arpa', '.svc', '.cluster.local', '.intranet'];

export function hostReach(host: string): Endpoint['reach'] {
  if (!host) return 'unknown';
  if (host === 'localhost' || host === '::1' || /^f[cd][0-9a-f]{2}:/i.test(host) || /^fe80:/i.test(host)) return 'private';
  const v4 = /^(\d{1,3})\.(\d{1,3})\.\d{1,3}\.\d{1,3}$/.exec(host);
  if (v4) {
    const a = Number(v4[1]);
    const b = Number(v4[2]);
    const isPrivate = a === 10 || a === 127 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254) || (a === 100 && b >= 64 && b <= 127);
    return isPrivate ? 'private' : 'public';
  }
  if (!host.includes('.')) return 'private';
  return PRIVATE_SUFFIXES.some((s) => host.endsWith(s)) ? 'private' : 'public';
}

/** A literal secret written in a node parameter: where it is, never its value. */
export interface LiteralSecret {
  /** `header Authorization`, `query api_key`, `body password`, `URL user info`. */
  where: string;
  name: string;
}

/**
 * Literal secrets in an HTTP Request node's header, query and body parameters: a value under a
 * secret name (Authorization, X-Api-Key, token) or a value that looks like a key. Expressions
 * (`={{ $env.KEY }}`) are references, not secrets.
 */
export function literalSecrets(parameters: unknown): LiteralSecret[] {
  const out: LiteralSecret[] = [];
  for (const [group, label] of [['headerParameters', 'header'], ['queryParameters', 'query'], ['bodyParameters', 'body']] as const) {
    const list = own(own(parameters, group), 'parameters');
    if (!Array.isArray(list)) continue;
    for (const p of list) {
      if (!isRecord(p)) continue;
      const name = stringAt(p, 'name') ?? '';
      const value = stringAt(p, 'value');
      if (!value || value.startsWith('=') || value.includes('{{')) continue;
      if ((isSecretName(name) && value.trim().length >= 8) || looksLikeSecret(value)) out.push({ where: `${label} ${name || '(unnamed)'}`, name: name || label });
    }
  }
  return out;
}

/** The HTTP method, upper case; GET when unset (the default of n8n's HTTP nodes). */
export function methodOf(parameters: unknown): string {
  const m = stringAt(parameters, 'method') ?? stringAt(parameters, 'requestMethod');
  return m && !m.startsWith('=') ? m.toUpperCase() : 'GET';
}
