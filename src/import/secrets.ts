/**
 * Recognising secrets in agent configurations: by the name of the variable or header that carries
 * them, and by the look of a literal value. Importers draft a credential for each secret name and
 * warn (and redact) when the value itself is written in the file.
 */

/** Names that carry a secret whatever their prefix: `GITHUB_TOKEN`, `openai_api_key`, `DB_PASSWORD`. */
const SECRET_NAME_PARTS = [
  'token',
  'secret',
  'password',
  'passwd',
  'apikey',
  'api_key',
  'access_key',
  'private_key',
  'client_secret',
  'credential',
  'credentials',
  'auth',
  'authorization',
  'bearer',
  'cookie',
  'pat',
  'key',
  'dsn',
  'connection_string',
  'conn_str',
];

/** Headers that carry a secret although their name does not say "token" or "key". */
const SECRET_HEADERS = new Set(['authorization', 'proxy-authorization', 'cookie', 'x-api-key', 'api-key', 'x-auth-token']);

/** Words that end in a secret-looking part but name something public. */
const NOT_SECRET_NAMES = new Set(['public_key', 'publishable_key', 'key_id', 'token_url', 'auth_url', 'auth_type', 'key_path', 'keyboard']);

/**
 * Whether an environment variable or header name carries a secret: `*_TOKEN`, `*_KEY`, `API_KEY`,
 * `SECRET`, `PASSWORD`, `Authorization`, `X-Api-Key`, ... Judged on the words of the name, so
 * `MONKEY` or `TOKENIZER_PATH` are not secrets.
 */
export function isSecretName(name: string): boolean {
  const lower = name.trim().toLowerCase();
  if (!lower) return false;
  if (SECRET_HEADERS.has(lower)) return true;
  const words = lower.split(/[^a-z0-9]+/).filter(Boolean);
  if (words.length === 0) return false;
  const joined = words.join('_');
  for (const safe of NOT_SECRET_NAMES) if (joined === safe || joined.endsWith(`_${safe}`)) return false;
  if (joined.endsWith('_path') || joined.endsWith('_file') || joined.endsWith('_url') || joined.endsWith('_id')) {
    // A path to a key file or the URL of a token endpoint is configuration, not the secret. A DSN
    // or connection string is judged below by its own name.
    return false;
  }
  const last = words[words.length - 1]!;
  if (SECRET_NAME_PARTS.includes(last)) return true;
  if (words.length >= 2 && SECRET_NAME_PARTS.includes(`${words[words.length - 2]}_${last}`)) return true;
  // camelCase names such as apiKey, accessToken, clientSecret.
  const camel = name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
  if (camel !== lower) return isSecretName(camel);
  return /(?:token|secret|password|apikey)$/.test(joined);
}

/** References to a value kept elsewhere: `${VAR}`, `${env:VAR}`, `$VAR`, `{{ $env.X }}`, `${input:x}`, `${{ secrets.X }}`. */
const REFERENCE = [
  /^\$\{[^}]*\}$/,
  /^\$[A-Za-z_][A-Za-z0-9_]*$/,
  /^\{\{[^}]*\}\}$/,
  /^=?\{\{[\s\S]*\}\}$/,
  /^\$\{\{[^}]*\}\}$/,
  /^%[A-Za-z_][A-Za-z0-9_]*%$/,
];

/** Prefixes of tokens that vendors issue; a value starting with one is a secret. */
const TOKEN_PREFIXES = [
  /^gh[pousr]_[A-Za-z0-9]{20,}$/,
  /^github_pat_[A-Za-z0-9_]{20,}$/,
  /^glpat-[A-Za-z0-9_-]{16,}$/,
  /^sk-(?:proj-|ant-|live_|test_)?[A-Za-z0-9_-]{16,}$/,
  /^(?:rk|pk|sk)_(?:live|test)_[A-Za-z0-9]{16,}$/,
  /^xox[abposr]-[A-Za-z0-9-]{10,}$/,
  /^xapp-[A-Za-z0-9-]{10,}$/,
  /^(?:AKIA|ASIA)[A-Z0-9]{16}$/,
  /^AIza[A-Za-z0-9_-]{30,}$/,
  /^ya29\.[A-Za-z0-9_-]{20,}$/,
  /^npm_[A-Za-z0-9]{30,}$/,
  /^hf_[A-Za-z0-9]{30,}$/,
  /^pplx-[A-Za-z0-9]{30,}$/,
  /^BSA[A-Za-z0-9_-]{20,}$/,
  /^eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}$/,
  /^-----BEGIN [A-Z ]*PRIVATE KEY-----/,
];

/** `Bearer <token>` or `Basic <credentials>` with the token written out. */
const AUTH_SCHEME = /^(?:bearer|basic|token)\s+(\S+)$/i;

/** A credential embedded in a URL or DSN: `postgres://user:pass@host`. */
const URL_PASSWORD = /^[a-z][a-z0-9+.-]*:\/\/[^/\s:@]+:([^@\s/]+)@/i;

/**
 * Whether a configuration value is a literal secret: a vendor token (ghp_, github_pat_, sk-,
 * xoxb-, AKIA...), `Bearer` followed by a written-out token, a password in a URL, or a long
 * random-looking string. References to values kept elsewhere (`${VAR}`, `${env:VAR}`,
 * `{{ $env.X }}`, `${input:x}`) and placeholders such as `<your-token>` are not secrets.
 */
export function looksLikeSecret(value: string): boolean {
  const v = value.trim();
  if (v.length < 8 || v.length > 20_000) return false;
  if (isReference(v) || isPlaceholder(v)) return false;
  if (TOKEN_PREFIXES.some((p) => p.test(v))) return true;
  const scheme = AUTH_SCHEME.exec(v);
  if (scheme) {
    const token = scheme[1]!;
    return !isReference(token) && !isPlaceholder(token) && (token.length >= 16 || looksLikeSecret(token));
  }
  const pass = URL_PASSWORD.exec(v);
  if (pass) return !isReference(pass[1]!) && !isPlaceholder(pass[1]!);
  return isRandomLooking(v);
}

function isReference(v: string): boolean {
  return REFERENCE.some((r) => r.test(v)) || /\$\{(?:env:|input:)?[A-Za-z_][^}]*\}/.test(v);
}

/** `<your-token>`, `YOUR_API_KEY`, `xxxx`, `changeme`, `...`: what documentation writes instead of a value. */
function isPlaceholder(v: string): boolean {
  const lower = v.toLowerCase();
  return (
    /^<[^>]*>$/.test(v) ||
    /^\[[^\]]*\]$/.test(v) ||
    /(?:^|[_-])(?:your|my|example|placeholder|changeme|replace|dummy|redacted)(?:[_-]|$)/.test(lower) ||
    /^your/.test(lower) ||
    /^(.)\1+$/.test(v) ||
    /^x+$/i.test(v) ||
    lower.includes('...') ||
    lower.includes('*****')
  );
}

/**
 * A long string mixing letters and digits with no spaces and high character entropy: what random
 * keys look like, and what paths, URLs, package names and words do not.
 */
function isRandomLooking(v: string): boolean {
  if (v.length < 20 || /\s/.test(v)) return false;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(v) || v.includes('/') || v.startsWith('@') || v.startsWith('.')) return false;
  if (!/[0-9]/.test(v) || !/[A-Za-z]/.test(v)) return false;
  if (/^[0-9a-f-]{36}$/i.test(v) && v.split('-').length === 5) return false; // a UUID names things; it is rarely the secret
  // Lower-case words joined by separators are names and versions (mcp-server-sqlite==2025.4.25).
  const parts = v.split(/[-_.=@:+]+/);
  if (parts.length > 1 && v === v.toLowerCase() && parts.some((p) => /^[a-z]{3,}$/.test(p))) return false;
  return shannonEntropy(v) >= 3.5;
}

function shannonEntropy(v: string): number {
  const counts = new Map<string, number>();
  for (const ch of v) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let h = 0;
  for (const n of counts.values()) {
    const p = n / v.length;
    h -= p * Math.log2(p);
  }
  return h;
}
