import { isRecord, safeEntries, stringAt } from './parse.js';
import { clip } from './text.js';

/** A security scheme of an Agent Card, whichever version of the card wrote it. */
export interface A2aScheme {
  key: string;
  kind: 'apiKey' | 'bearer' | 'basic' | 'oauth2' | 'openIdConnect' | 'mutualTLS';
  /** How callers present it, for the credential's name: "API key in header X-API-Key". */
  label: string;
  scopes: string[];
  notes: string[];
}

/** v1.0 wraps each scheme in a field named after its kind; v0.3 (OpenAPI style) says `type`. */
const V1_WRAPPERS: Record<string, string> = {
  apiKeySecurityScheme: 'apiKey',
  httpAuthSecurityScheme: 'http',
  oauth2SecurityScheme: 'oauth2',
  openIdConnectSecurityScheme: 'openIdConnect',
  mtlsSecurityScheme: 'mutualTLS',
};

/** The card's security schemes, sorted by key; `warn` hears of one it cannot read. */
export function a2aSchemes(card: Record<string, unknown>, warn: (key: string, message: string) => void): A2aScheme[] {
  const out: A2aScheme[] = [];
  for (const [key, raw] of safeEntries(card.securitySchemes)) {
    if (!isRecord(raw)) {
      warn(key, 'the security scheme is not an object: skipped');
      continue;
    }
    const wrapper = Object.keys(V1_WRAPPERS).find((w) => Object.hasOwn(raw, w) && isRecord(raw[w]));
    const body = (wrapper ? raw[wrapper] : raw) as Record<string, unknown>;
    const type = wrapper ? V1_WRAPPERS[wrapper]! : (stringAt(raw, 'type') ?? '');
    const scheme = readScheme(key, type, body);
    if (scheme) out.push(scheme);
    else warn(key, `unknown security scheme type "${clip(type, 50)}": skipped (expected apiKey, http, oauth2, openIdConnect or mutualTLS)`);
  }
  return out;
}

function readScheme(key: string, type: string, body: Record<string, unknown>): A2aScheme | undefined {
  const base = { key, scopes: [] as string[], notes: [] as string[] };
  const description = stringAt(body, 'description');
  if (description) base.notes.push(`The card says: ${clip(description, 300)}`);
  switch (type) {
    case 'apiKey': {
      const where = stringAt(body, 'in') ?? stringAt(body, 'location') ?? 'header';
      const name = stringAt(body, 'name');
      return { ...base, kind: 'apiKey', label: `API key in ${clip(where, 20)}${name ? ` ${clip(name, 100)}` : ''}` };
    }
    case 'http': {
      const scheme = (stringAt(body, 'scheme') ?? '').toLowerCase();
      if (scheme === 'basic') return { ...base, kind: 'basic', label: 'HTTP Basic user name and password' };
      const format = stringAt(body, 'bearerFormat');
      return { ...base, kind: 'bearer', label: `HTTP bearer token${format ? ` (${clip(format, 50)})` : ''}` };
    }
    case 'oauth2': {
      const flows = isRecord(body.flows) ? body.flows : {};
      const names: string[] = [];
      const scopes = new Set<string>();
      for (const [flow, def] of safeEntries(flows)) {
        names.push(flow);
        for (const [scope] of safeEntries(isRecord(def) ? def.scopes : undefined)) scopes.add(scope);
      }
      if (names.includes('implicit') || names.includes('password')) base.notes.push('Offers the implicit or password flow, which OAuth 2.0 security best practice deprecates.');
      return { ...base, kind: 'oauth2', label: `OAuth 2.0${names.length ? ` (${names.slice(0, 5).join(', ')})` : ''}`, scopes: [...scopes].sort() };
    }
    case 'openIdConnect': {
      const url = stringAt(body, 'openIdConnectUrl') ?? stringAt(body, 'open_id_connect_url');
      if (url) base.notes.push(`Discovery document: ${clip(url, 300)}.`);
      return { ...base, kind: 'openIdConnect', label: 'OpenID Connect token' };
    }
    case 'mutualTLS':
      return { ...base, kind: 'mutualTLS', label: 'mutual TLS client certificate' };
    default:
      return undefined;
  }
}
