import { compareText } from '../util/compare.js';
import type { ConfigFile, Draft, Importer, ImportWarning } from './draft.js';
import { ImportError } from './draft.js';
import { sortWarnings } from './emit.js';
import { CrewDrafter, type Crew } from './crewai-crew.js';
import { looksLikeAgents, looksLikeTasks, readAgents, readTasks } from './crewai-files.js';
import { looksLikeMapping, readMapping, type ToolMapping } from './crewai-mapping.js';
import { CrewBook } from './crewai-book.js';
import { parseConfig } from './parse.js';
import { yamlLocator } from './crewai-positions.js';
import { unknownOwnerEntity } from './unknown-owner.js';

/**
 * CrewAI projects: `agents.yaml` and `tasks.yaml` (by default under `src/<crew>/config/`), and an
 * optional tools mapping (`crewai-tools.yaml`, see crewai-mapping.ts) for the tools the crew's
 * Python code binds. Files in one folder (or in one `config` folder) make one crew, drafted as a
 * system; agents become agents, each task's output a data store written by its agent and read by
 * the agents whose tasks take it as context.
 */
export const crewaiImporter: Importer = {
  format: 'crewai',
  describe: 'CrewAI agents.yaml and tasks.yaml, with an optional crewai-tools.yaml for tools bound in code',
  detect: (_file, parsed) => looksLikeAgents(parsed) || looksLikeTasks(parsed) || looksLikeMapping(parsed),
  draft: draftCrewai,
};

function draftCrewai(files: readonly ConfigFile[]): Draft {
  const warnings: ImportWarning[] = [];
  const crews = new Map<string, Crew>();
  const mappings: ToolMapping[] = [];
  const crewAt = (path: string): Crew => {
    const dir = crewDir(path);
    let crew = crews.get(dir);
    if (!crew) crews.set(dir, (crew = { dir, name: crewName(dir), agents: [], tasks: [], mappings: [] }));
    return crew;
  };
  for (const file of [...files].sort((a, b) => compareText(a.path, b.path))) {
    const config = parseConfig(file);
    const parsed = { ...config, locate: yamlLocator(file, config) };
    if (looksLikeAgents(parsed.data)) crewAt(file.path).agents.push(...readAgents(parsed, warnings));
    else if (looksLikeTasks(parsed.data)) crewAt(file.path).tasks.push(...readTasks(parsed, warnings));
    else if (looksLikeMapping(parsed.data)) mappings.push(readMapping(parsed));
    else {
      throw new ImportError(
        file.path,
        'not a CrewAI configuration: expected agents.yaml (agents with role, goal, backstory), tasks.yaml (tasks with description, expected_output) or a tools mapping (tools:, agents:)',
        1,
        1,
      );
    }
  }
  assignMappings(mappings, crews, warnings);
  const book = new CrewBook();
  for (const crew of [...crews.values()].sort((a, b) => compareText(a.name, b.name) || compareText(a.dir, b.dir))) new CrewDrafter(crew, book, warnings).draft();
  return {
    entities: [unknownOwnerEntity(), ...book.entities()],
    warnings: sortWarnings(warnings),
  };
}

/** A mapping belongs to the crew in its folder; alone with one crew, to that crew. */
function assignMappings(mappings: readonly ToolMapping[], crews: Map<string, Crew>, warnings: ImportWarning[]): void {
  for (const m of mappings) {
    const own = crews.get(crewDir(m.file));
    const only = crews.size === 1 ? [...crews.values()][0] : undefined;
    const crew = own ?? only;
    if (crew) crew.mappings.push(m);
    else warnings.push({ file: m.file, message: 'this tools mapping is not next to any agents.yaml or tasks.yaml: put it in the crew\'s folder; it was not used' });
  }
}

/** `src/support_crew/config/agents.yaml` → `src/support_crew`: the conventional `config` folder is not the crew. */
function crewDir(path: string): string {
  const dir = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
  return dir === 'config' ? '' : dir.endsWith('/config') ? dir.slice(0, -'/config'.length) : dir;
}

function crewName(dir: string): string {
  return dir.slice(dir.lastIndexOf('/') + 1) || 'crew';
}

