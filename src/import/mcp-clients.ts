/** The MCP client a configuration file belongs to, recognised by the file's name and place. */
export interface McpClient {
  /** The application: "Claude Desktop", "VS Code". */
  app: string;
  /** The drafted agent's name: the application, and the project folder when the file is a project's. */
  name: string;
  /** Whether the file name said which client it is (rather than a guess from its shape). */
  fromName: boolean;
}

const BY_FILE: readonly [RegExp, string, boolean][] = [
  // [pattern over the POSIX path, application, whether the file belongs to a project folder]
  [/(^|\/)claude_desktop_config\.json$/i, 'Claude Desktop', false],
  [/(^|\/)\.mcp\.json$/i, 'Claude Code', true],
  [/(^|\/)\.cursor\/mcp\.json$/i, 'Cursor', true],
  [/(^|\/)\.vscode\/mcp\.json$/i, 'VS Code', true],
  [/(^|\/)\.vscode\/settings\.json$/i, 'VS Code', true],
  [/(^|\/)(\.codeium\/windsurf\/)?mcp_config\.json$/i, 'Windsurf', false],
  [/(^|\/)cline_mcp_settings\.json$/i, 'Cline', false],
  [/(^|\/)\.continue\/(config\.ya?ml|mcpServers\/[^/]+\.ya?ml)$/i, 'Continue', false],
];

export function clientOf(path: string, vsCodeShape: boolean): McpClient {
  const posix = path.replace(/\\/g, '/');
  for (const [pattern, app, project] of BY_FILE) {
    if (!pattern.test(posix)) continue;
    const folder = project ? projectFolder(posix) : undefined;
    return { app, name: folder ? `${app} (${folder})` : app, fromName: true };
  }
  const base = posix.split('/').pop()!.replace(/\.(json|jsonc|ya?ml)$/i, '');
  const app = vsCodeShape ? 'VS Code' : 'MCP client';
  return { app, name: `${app} (${base})`, fromName: false };
}

/** The folder that holds the project: the file's folder, or its parent for `.vscode/` and `.cursor/`. */
function projectFolder(posix: string): string | undefined {
  const parts = posix.split('/').slice(0, -1).filter((p) => p !== '' && p !== '.');
  while (parts.length && /^\.(vscode|cursor)$/i.test(parts[parts.length - 1]!)) parts.pop();
  const last = parts[parts.length - 1];
  return last === undefined || last === '..' ? undefined : last;
}
