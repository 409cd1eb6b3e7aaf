import type { ToolSpec } from '../model/schema.js';

/**
 * Facts about the tools of the `crewai_tools` package, by class name. A crew names its tools in
 * `agents.yaml` or `tasks.yaml` either by class (`SerperDevTool`) or by the crew method that builds
 * one (`serper_dev_tool`); both are matched by their letters alone. `env` lists the environment
 * variables the tool reads its secret from, drafted as credentials.
 */
export interface KnownTool {
  kind: NonNullable<ToolSpec['kind']>;
  actions: NonNullable<ToolSpec['actions']>;
  inputs?: NonNullable<ToolSpec['inputs']>;
  sandboxed?: boolean;
  env?: string[];
  note: string;
}

const web = (note: string, env?: string[]): KnownTool => ({ kind: 'search', actions: ['read'], inputs: ['web'], note, ...(env ? { env } : {}) });
const scraper = (note: string, env?: string[]): KnownTool => ({ kind: 'browser', actions: ['read', 'browse'], inputs: ['web'], note, ...(env ? { env } : {}) });
const docs = (what: string): KnownTool => ({ kind: 'search', actions: ['read'], inputs: ['documents'], note: `Searches ${what} by meaning (RAG).` });

const KNOWN: Record<string, KnownTool> = {
  serperdevtool: web('Google search through serper.dev: returns web content.', ['SERPER_API_KEY']),
  serpapigooglesearchtool: web('Google search through SerpApi: returns web content.', ['SERPAPI_API_KEY']),
  bravesearchtool: web('Brave web search: returns web content.', ['BRAVE_API_KEY']),
  exasearchtool: web('Exa web search: returns web content.', ['EXA_API_KEY']),
  tavilysearchtool: web('Tavily web search: returns web content.', ['TAVILY_API_KEY']),
  linkupsearchtool: web('Linkup web search: returns web content.', ['LINKUP_API_KEY']),
  websitesearchtool: web('Searches the content of websites (RAG).'),
  youtubevideosearchtool: web('Searches YouTube video transcripts.'),
  youtubechannelsearchtool: web('Searches a YouTube channel.'),
  firecrawlsearchtool: web('Firecrawl web search: returns web content.', ['FIRECRAWL_API_KEY']),
  scrapewebsitetool: scraper('Fetches and reads any web page it is given.'),
  scrapeelementfromwebsitetool: scraper('Reads elements of any web page it is given.'),
  seleniumscrapingtool: scraper('Drives a browser to read web pages.'),
  firecrawlscrapewebsitetool: scraper('Scrapes web pages through Firecrawl.', ['FIRECRAWL_API_KEY']),
  firecrawlcrawlwebsitetool: scraper('Crawls whole websites through Firecrawl.', ['FIRECRAWL_API_KEY']),
  spidertool: scraper('Crawls web pages through Spider.', ['SPIDER_API_KEY']),
  browserbaseloadtool: scraper('Loads web pages in a Browserbase browser.', ['BROWSERBASE_API_KEY']),
  filereadtool: { kind: 'function', actions: ['read'], inputs: ['documents'], note: 'Reads any file the agent names on the host it runs on.' },
  directoryreadtool: { kind: 'function', actions: ['read'], inputs: ['documents'], note: 'Lists any directory the agent names on the host it runs on.' },
  filewritertool: { kind: 'function', actions: ['write'], note: 'Writes files on the host the crew runs on.' },
  codeinterpretertool: { kind: 'code-runner', actions: ['execute-code'], sandboxed: true, note: 'Runs Python the agent writes, in Docker unless unsafe_mode is set: check it is not.' },
  pdfsearchtool: docs('PDF files'),
  csvsearchtool: docs('CSV files'),
  docxsearchtool: docs('Word documents'),
  txtsearchtool: docs('text files'),
  jsonsearchtool: docs('JSON files'),
  mdxsearchtool: docs('MDX files'),
  xmlsearchtool: docs('XML files'),
  directorysearchtool: docs('the files of a directory'),
  codedocssearchtool: docs('code documentation'),
  ragtool: docs('its knowledge sources'),
  githubsearchtool: { kind: 'search', actions: ['read'], inputs: ['repository'], note: 'Searches GitHub repositories with a GitHub token.', env: ['GITHUB_TOKEN'] },
  nl2sqltool: { kind: 'database', actions: ['read', 'write'], note: 'Runs SQL that the model writes against the database it is given: it can change data unless the database user is read-only.' },
  pgsearchtool: { kind: 'database', actions: ['read'], note: 'Searches a PostgreSQL table.' },
  mysqlsearchtool: { kind: 'database', actions: ['read'], note: 'Searches a MySQL table.' },
  s3readertool: { kind: 'saas', actions: ['read'], inputs: ['documents'], note: 'Reads objects from S3.', env: ['AWS_SECRET_ACCESS_KEY'] },
  s3writertool: { kind: 'saas', actions: ['write'], note: 'Writes objects to S3.', env: ['AWS_SECRET_ACCESS_KEY'] },
  dalletool: { kind: 'function', actions: [], note: 'Generates images with DALL-E.', env: ['OPENAI_API_KEY'] },
  visiontool: { kind: 'function', actions: ['read'], note: 'Describes images with a vision model.', env: ['OPENAI_API_KEY'] },
  zapieractiontool: { kind: 'saas', actions: ['read', 'write', 'send-external'], note: 'Runs Zapier actions: what they do depends on the actions enabled in Zapier.', env: ['ZAPIER_API_KEY'] },
  composiotool: { kind: 'saas', actions: ['read', 'write', 'send-external'], note: 'Runs Composio app actions: what they do depends on the apps connected.', env: ['COMPOSIO_API_KEY'] },
};

/** `SerperDevTool`, `serper_dev_tool` and `serper-dev-tool` all name the same tool. */
export function knownTool(name: string): KnownTool | undefined {
  const key = name.toLowerCase().replace(/[^a-z0-9]/g, '');
  const withSuffix = key.endsWith('tool') ? key : `${key}tool`;
  return Object.hasOwn(KNOWN, withSuffix) ? KNOWN[withSuffix] : undefined;
}
