import type { DataSpec, ToolSpec } from '../model/schema.js';

type Action = NonNullable<ToolSpec['actions']>[number];
type Input = NonNullable<ToolSpec['inputs']>[number];

/** What a well-known MCP server implies about itself, inferred from its package, image or host. */
export interface ServerFacts {
  /** What it is, for the note: "a web fetcher". */
  label: string;
  actions: Action[];
  /** Untrusted content it returns to the agent. */
  inputs?: Input[];
  reversible?: false;
  /** A private store it reaches, drafted as a data node of its own. */
  data?: { suffix: string; name: string; kind: NonNullable<DataSpec['kind']>; access: 'read' | 'write' };
}

interface CatalogueEntry extends ServerFacts {
  /** Matched against the package name, the image name (without tag) and the remote host. */
  match: RegExp;
}

const WEB: Pick<ServerFacts, 'actions' | 'inputs'> = { actions: ['browse', 'read'], inputs: ['web'] };

/**
 * Servers from the MCP reference implementations, the official vendor servers and the most used
 * community ones. Order matters: the first match wins, so specific names come before broad ones.
 */
const CATALOGUE: readonly CatalogueEntry[] = [
  { match: /(^|\/)(server-)?fetch$|mcp-server-fetch|^mcp\/fetch$|fetch-mcp/, label: 'a web fetcher', ...WEB },
  { match: /puppeteer/, label: 'a headless browser (Puppeteer)', ...WEB },
  { match: /playwright/, label: 'a browser driven by Playwright', ...WEB },
  { match: /brave-search/, label: 'a web search (Brave)', ...WEB },
  { match: /tavily|exa-mcp|firecrawl|perplexity|serper|duckduckgo|google-search|kagi/, label: 'a web search or crawler', ...WEB },
  {
    match: /server-filesystem|^mcp\/filesystem$|filesystem-mcp|mcp-filesystem/,
    label: 'file system access',
    actions: ['read', 'write', 'delete'],
    data: { suffix: 'files', name: 'Files the server can reach', kind: 'file-store', access: 'write' },
  },
  {
    match: /github/,
    label: 'GitHub (repositories, issues, pull requests)',
    actions: ['read', 'write'],
    inputs: ['repository'],
  },
  { match: /gitlab/, label: 'GitLab (repositories, issues, merge requests)', actions: ['read', 'write'], inputs: ['repository'] },
  {
    match: /mcp-server-git$|^mcp\/git$|server-git$/,
    label: 'a local git repository',
    actions: ['read', 'write'],
    inputs: ['repository'],
    data: { suffix: 'repository', name: 'The git repository the server works on', kind: 'file-store', access: 'write' },
  },
  { match: /slack/, label: 'Slack messaging', actions: ['read', 'send-external'] },
  { match: /gmail|outlook|email|smtp|imap|resend|sendgrid|mailgun/, label: 'email', actions: ['read', 'send-external'], inputs: ['email'] },
  {
    match: /postgres|mysql|mariadb|mssql|sqlserver|mongodb|redis|supabase|neon/,
    label: 'a database',
    actions: ['read', 'write'],
    data: { suffix: 'database', name: 'The database the server connects to', kind: 'database', access: 'write' },
  },
  {
    match: /sqlite/,
    label: 'a SQLite database',
    actions: ['read', 'write'],
    data: { suffix: 'database', name: 'The SQLite database the server opens', kind: 'database', access: 'write' },
  },
  {
    match: /server-memory|^mcp\/memory$|mem0|memory-mcp/,
    label: 'a persistent memory (knowledge graph)',
    actions: ['read', 'write'],
    data: { suffix: 'memory', name: 'The memory the server keeps across sessions', kind: 'memory', access: 'write' },
  },
  { match: /stripe|paypal|square/, label: 'payments', actions: ['read', 'write', 'pay'], reversible: false },
  { match: /desktop-commander|shell|terminal|commands|code-runner|e2b/, label: 'a shell or code runner', actions: ['execute-code', 'read', 'write'] },
  { match: /google-drive|gdrive|dropbox|onedrive|box-mcp/, label: 'cloud file storage', actions: ['read', 'write'], inputs: ['documents'] },
  { match: /notion|confluence|atlassian|jira|linear/, label: 'a work-tracking or wiki service', actions: ['read', 'write'], inputs: ['tickets'] },
  { match: /sentry/, label: 'error tracking (Sentry)', actions: ['read'] },
  { match: /aws|azure|gcloud|google-cloud|kubernetes|k8s|terraform|cloudflare|vercel/, label: 'cloud infrastructure', actions: ['read', 'write', 'deploy'] },
];

/** The facts of the first catalogue entry that matches any of the names, with the name that matched. */
export function knownServer(names: readonly string[]): { facts: ServerFacts; matched: string } | undefined {
  for (const entry of CATALOGUE) {
    for (const name of names) {
      if (entry.match.test(name.toLowerCase())) {
        const { match: _match, ...facts } = entry;
        return { facts, matched: name };
      }
    }
  }
  return undefined;
}
