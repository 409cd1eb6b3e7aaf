import type { AgentSpec, CredentialSpec, ToolSpec } from '../model/schema.js';
import { a2aSchemes, type A2aScheme } from './a2a-security.js';
import { ImportError, type ConfigFile, type Draft, type DraftEntity, type Importer, type ImportWarning } from './draft.js';
import { IdAllocator } from './ids.js';
import { isRecord, parseConfig, safeEntries, stringAt, type ParsedConfig } from './parse.js';
import { clip } from './text.js';
import { UNKNOWN_OWNER, UNKNOWN_OWNERS, unknownOwnerEntity } from './unknown-owner.js';

/**
 * A2A Agent Cards (v0.3 with `url` and `additionalInterfaces`, v1.0 with `supportedInterfaces`).
 * The card's agent becomes an agent; each skill a tool of that agent, so that the analysis sees
 * what calling the agent can make it do; each security scheme a credential that grants the skills
 * it protects. Exposure is external only when an interface is a public https or http URL.
 */
export const a2aImporter: Importer = {
  format: 'a2a',
  describe: 'A2A Agent Card (agent-card.json: the agent, its skills, interfaces and security schemes)',
  detect: (_file, parsed) => isAgentCard(parsed),
  draft: draftA2a,
};

function isAgentCard(parsed: unknown): boolean {
  if (!isRecord(parsed) || typeof parsed.name !== 'string' || !Array.isArray(parsed.skills)) return false;
  return typeof parsed.url === 'string' || Array.isArray(parsed.supportedInterfaces) || isRecord(parsed.capabilities) || Array.isArray(parsed.defaultInputModes);
}

interface Interface {
  url: string;
  transport: string;
}

function draftA2a(files: readonly ConfigFile[]): Draft {
  const ids = new IdAllocator([UNKNOWN_OWNER]);
  const entities: DraftEntity[] = [unknownOwnerEntity()];
  const warnings: ImportWarning[] = [];
  const vendors = new Map<string, DraftEntity<'boundaries'>>();
  const vendorFor = (provider: string, file: string): string => {
    let vendor = vendors.get(provider);
    if (!vendor) vendors.set(provider, (vendor = providerBoundary(ids.take(`vendor-${provider}`), provider, file)));
    return vendor.spec.id;
  };
  for (const file of [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    const parsed = parseConfig(file);
    if (!isAgentCard(parsed.data)) {
      throw new ImportError(file.path, 'not an A2A Agent Card: expected an object with "name", "skills" and "url" or "supportedInterfaces"', 1, 1);
    }
    entities.push(...draftCard(parsed, parsed.data as Record<string, unknown>, ids, warnings, vendorFor));
  }
  return { entities: [...entities, ...vendors.values()], warnings };
}

function draftCard(
  parsed: ParsedConfig,
  card: Record<string, unknown>,
  ids: IdAllocator,
  warnings: ImportWarning[],
  vendorFor: (provider: string, file: string) => string,
): DraftEntity[] {
  const name = stringAt(card, 'name')!;
  const agentId = ids.take(name, undefined);
  const file = parsed.file;
  const warn = (path: PropertyKey[], node: string, message: string) => {
    const pos = parsed.locate(path);
    warnings.push({ file, ...(pos ? { line: pos.line, column: pos.column } : {}), node, message });
  };
  const provider = stringAt(card.provider, 'organization');
  const interfaces = interfacesOf(card);
  const notes: string[] = [];
  const spec: AgentSpec = { id: agentId, name: clip(name, 200) };
  const description = stringAt(card, 'description');
  if (description) spec.purpose = clip(description, 2000);
  const exposure = exposureOf(interfaces);
  if (exposure) {
    spec.exposure = exposure.external ? 'external' : 'internal';
    notes.push(exposure.reason);
  } else notes.push('The card gives no interface URL: exposure is not known.');
  for (const i of interfaces.slice(0, 10)) notes.push(`Interface: ${clip(i.url, 200)} (${clip(i.transport, 40)}).`);
  if (interfaces.some((i) => /^http:\/\//i.test(i.url) && !isLocal(i.url))) notes.push('An interface uses plain http:// to a remote host: messages and tokens travel unencrypted.');
  if (provider) notes.push(`Provided by ${clip(provider, 200)}: drafted as third party, in the provider's vendor boundary; its owners are the provider's, not yours.`);
  const version = stringAt(card, 'version');
  if (version) notes.push(`Agent version ${clip(version, 50)}.`);
  const capabilities = isRecord(card.capabilities) ? card.capabilities : {};
  if (capabilities.pushNotifications === true) notes.push('Sends push notifications to URLs its callers supply (webhooks): an outbound channel.');
  if (card.supportsAuthenticatedExtendedCard === true || capabilities.extendedAgentCard === true) notes.push('Serves an extended card to authenticated callers: it may list more skills than this one.');
  if (!Array.isArray(card.signatures) || card.signatures.length === 0) notes.push('The card is not signed: callers cannot check that it comes from the provider.');

  const schemes = a2aSchemes(card, (key, message) => warn(['securitySchemes', key], key, message));
  const skills = draftSkills(card, agentId, ids, file, warn);
  spec.tools = skills.map((s) => s.entity.spec.id).sort();
  if (!spec.tools.length) delete spec.tools;
  spec.owners = { ...UNKNOWN_OWNERS };
  if (!schemes.length) notes.push('The card declares no security scheme: anyone who reaches its URL can call it.');

  const credentials = draftCredentials(schemes, skills, card, agentId, ids, file, provider);
  if (provider) spec.boundary = vendorFor(provider, file);
  const agent: DraftEntity<'agents'> = { collection: 'agents', spec, origin: `${file}: the Agent Card of "${clip(name, 100)}"`, notes };
  return [agent, ...skills.map((s) => s.entity), ...credentials];
}

/** The provider's organisation as a vendor boundary its agents run in, one per organisation. */
function providerBoundary(id: string, provider: string, file: string): DraftEntity<'boundaries'> {
  return {
    collection: 'boundaries',
    spec: { id, name: clip(provider, 200), kind: 'vendor' },
    origin: `${file}: provider.organization`,
    notes: ['The organisation that provides the agent: a vendor boundary, untrusted by default. If it is your own organisation, make it a zone or drop it.'],
  };
}

function interfacesOf(card: Record<string, unknown>): Interface[] {
  const out: Interface[] = [];
  const url = stringAt(card, 'url');
  if (url) out.push({ url, transport: stringAt(card, 'preferredTransport') ?? 'JSONRPC' });
  for (const key of ['supportedInterfaces', 'additionalInterfaces']) {
    const list = card[key];
    if (!Array.isArray(list)) continue;
    for (const i of list.slice(0, 100)) {
      const u = stringAt(i, 'url');
      if (u && !out.some((o) => o.url === u)) out.push({ url: u, transport: stringAt(i, 'protocolBinding') ?? stringAt(i, 'transport') ?? 'unknown' });
    }
  }
  return out;
}

/** External on evidence only: an interface on a public host. */
function exposureOf(interfaces: readonly Interface[]): { external: boolean; reason: string } | undefined {
  if (!interfaces.length) return undefined;
  const publicOne = interfaces.find((i) => !isLocal(i.url) && /^https?:\/\//i.test(i.url));
  if (publicOne) return { external: true, reason: `Exposure external: it is served at ${clip(hostOf(publicOne.url) ?? publicOne.url, 200)}, a host other agents and organisations can reach.` };
  return { external: false, reason: 'Exposure internal: every interface is on this machine or a private network address.' };
}

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).hostname;
  } catch {
    return undefined;
  }
}

/** Loopback, private addresses, and single-label or .local/.internal hosts. */
function isLocal(url: string): boolean {
  const host = hostOf(url);
  if (host === undefined) return true;
  return (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    host === '[::1]' ||
    /^127\.|^10\.|^192\.168\.|^172\.(1[6-9]|2\d|3[01])\./.test(host) ||
    !host.includes('.') ||
    /\.(local|internal|lan|corp)$/.test(host)
  );
}

interface DraftedSkill {
  key: string;
  entity: DraftEntity<'tools'>;
}

/** Words in a skill's id, name, tags and description that say what it does. */
const ACTION_WORDS: readonly [RegExp, NonNullable<ToolSpec['actions']>[number]][] = [
  [/\b(e-?mail|send|notify|notification|post|publish|sms|message)/i, 'send-external'],
  [/\b(search|browse|web|crawl|scrape|fetch)/i, 'browse'],
  [/\b(pay|payment|refund|charge|invoice|purchase|book|booking|order)/i, 'pay'],
  [/\b(create|update|write|edit|submit|file|schedule|cancel)/i, 'write'],
  [/\b(delete|remove|purge)/i, 'delete'],
  [/\b(deploy|release|provision)/i, 'deploy'],
  [/\b(execute|run code|code execution|script|shell)/i, 'execute-code'],
  [/\b(read|get|list|lookup|look up|query|report|summari[sz]e|analy[sz]e|answer)/i, 'read'],
];

function draftSkills(
  card: Record<string, unknown>,
  agentId: string,
  ids: IdAllocator,
  file: string,
  warn: (path: PropertyKey[], node: string, message: string) => void,
): DraftedSkill[] {
  const skills = Array.isArray(card.skills) ? card.skills : [];
  const drafted: DraftedSkill[] = [];
  const seen = new Set<string>();
  skills.slice(0, 1000).forEach((skill, index) => {
    const key = stringAt(skill, 'id') ?? stringAt(skill, 'name');
    if (!isRecord(skill) || key === undefined) {
      warn(['skills', index], `skills[${index}]`, 'a skill without an id or name: skipped');
      return;
    }
    if (seen.has(key)) {
      warn(['skills', index], key, `skill "${clip(key, 100)}" appears twice: the second is skipped`);
      return;
    }
    seen.add(key);
    const name = stringAt(skill, 'name') ?? key;
    const description = stringAt(skill, 'description');
    const tags = Array.isArray(skill.tags) ? skill.tags.filter((t): t is string => typeof t === 'string').slice(0, 50) : [];
    const text = [key, name, description ?? '', ...tags].join(' ');
    const actions = [...new Set(ACTION_WORDS.filter(([re]) => re.test(text)).map(([, a]) => a))].sort();
    const id = ids.take(key, agentId);
    const spec: ToolSpec = { id, name: clip(name, 200), kind: 'function' };
    if (description) spec.description = clip(description, 2000);
    if (tags.length) spec.tags = tags.map((t) => clip(t, 100));
    if (actions.length) spec.actions = actions;
    spec.owners = { ...UNKNOWN_OWNERS };
    drafted.push({
      key,
      entity: {
        collection: 'tools',
        spec,
        origin: `${file}: skills[${index}] "${clip(key, 100)}"`,
        notes: [
          'A skill the agent offers its callers, drafted as a tool of the agent so that the analysis sees what a call can make it do.',
          actions.length ? `Actions inferred from its name, tags and description (${actions.join(', ')}): check them.` : 'Its actions could not be inferred from its description: list them under actions.',
        ],
      },
    });
  });
  return drafted.sort((a, b) => (a.entity.spec.id < b.entity.spec.id ? -1 : 1));
}

const SCHEME_TYPES: Record<A2aScheme['kind'], CredentialSpec['type']> = {
  apiKey: 'api-key',
  bearer: 'oauth-token',
  basic: 'password',
  oauth2: 'oauth-token',
  openIdConnect: 'oauth-token',
  mutualTLS: 'certificate',
};

/** Each security scheme: a credential its callers present, granting the skills it protects. */
function draftCredentials(
  schemes: readonly A2aScheme[],
  skills: readonly DraftedSkill[],
  card: Record<string, unknown>,
  agentId: string,
  ids: IdAllocator,
  file: string,
  provider: string | undefined,
): DraftEntity<'credentials'>[] {
  const cardRequired = requiredSchemes(card.securityRequirements ?? card.security);
  return schemes.map((scheme) => {
    const guarded = skills.filter((s) => {
      const skill = (Array.isArray(card.skills) ? card.skills : []).find((k) => (stringAt(k, 'id') ?? stringAt(k, 'name')) === s.key);
      const own = isRecord(skill) ? requiredSchemes(skill.securityRequirements ?? skill.security) : undefined;
      return (own ?? cardRequired ?? new Set([scheme.key])).has(scheme.key);
    });
    const spec: CredentialSpec = { id: ids.take(scheme.key, agentId), name: clip(`${scheme.key} (${scheme.label})`, 200), type: SCHEME_TYPES[scheme.kind], owner: UNKNOWN_OWNER };
    if (scheme.scopes.length) spec.scopes = scheme.scopes.slice(0, 1000).map((s) => clip(s, 500));
    if (guarded.length) {
      spec.grants = guarded.map((s) => ({ tool: s.entity.spec.id, access: writes(s.entity.spec) ? ('write' as const) : ('read' as const) }));
    }
    if (provider) {
      spec.third_party = true;
      spec.vendor = clip(provider, 200);
    }
    const notes = [
      `Callers of "${agentId}" present it (${scheme.label}); who holds it is not in the card: list them under held_by.`,
      ...scheme.notes,
      guarded.length ? 'Grants calling the skills it protects; write where the skill changes something.' : 'Declared but required by no skill or by the card: check whether it is used.',
      'Issuer, ttl and rotation are not in the card.',
    ];
    return { collection: 'credentials' as const, spec, origin: `${file}: securitySchemes.${clip(scheme.key, 100)}`, notes };
  });
}

function writes(spec: ToolSpec): boolean {
  return (spec.actions ?? []).some((a) => a !== 'read' && a !== 'browse');
}

/**
 * The schemes a security requirement list names: v0.3 `[{ "bearer": [] }]` or v1.0
 * `[{ "schemes": { "bearer": { "list": [] } } }]`. Undefined when there is no list.
 */
function requiredSchemes(requirements: unknown): Set<string> | undefined {
  if (!Array.isArray(requirements)) return undefined;
  const out = new Set<string>();
  for (const req of requirements.slice(0, 100)) {
    const named = isRecord(req) && isRecord(req.schemes) ? req.schemes : req;
    for (const [key] of safeEntries(named)) out.add(key);
  }
  return out;
}
