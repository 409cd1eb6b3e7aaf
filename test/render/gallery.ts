import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { run } from '../../src/cli/main.js';
import { ROOT } from './helpers.js';

/** The date the gallery is generated as of: the one the reference models are written against. */
export const GALLERY_AS_OF = '2026-11-29';

export const GALLERY_VIEWS = ['system', 'ownership', 'layers', 'chains'] as const;

/** The diagram the top-level README embeds. */
export const README_DIAGRAM = 'examples/support-desk/chains.mmd';

/** The reference models: every folder under models/. */
export function referenceModels(): string[] {
  return readdirSync(join(ROOT, 'models'))
    .filter((name) => statSync(join(ROOT, 'models', name)).isDirectory())
    .sort();
}

/** The commands that make each model's gallery entry, as a user would type them. */
export function galleryCommands(model: string): string[][] {
  const common = [`models/${model}`, '--as-of', GALLERY_AS_OF];
  return [
    ['analyze', ...common, '-o', `examples/${model}/analyze.txt`],
    ['analyze', ...common, '--format', 'json', '-o', `examples/${model}/findings.json`],
    ['analyze', ...common, '--format', 'markdown', '-o', `examples/${model}/findings.md`],
    ['report', ...common, '--md', `examples/${model}/report.md`],
    ...GALLERY_VIEWS.map((view) => ['diagram', ...common, '--view', view, '-o', `examples/${model}/${view}.mmd`]),
  ];
}

/** Every file of examples/, path → content, made by running the CLI. */
export async function galleryFiles(): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  const models = referenceModels();
  for (const model of models) {
    for (const argv of galleryCommands(model)) {
      const err: string[] = [];
      const code = await run(argv, { cwd: ROOT, stdout: () => {}, stderr: (t) => err.push(t), writeFile: (path, content) => files.set(path, content) });
      if (code !== 0) throw new Error(`steward ${argv.join(' ')} exited ${code}:\n${err.join('')}`);
    }
  }
  files.set('examples/README.md', galleryReadme(models));
  return files;
}

function galleryReadme(models: readonly string[]): string {
  const lines = [
    '<!-- Generated from models/ by the Steward CLI; test/render/examples.test.ts keeps it in sync. -->',
    '# Examples',
    '',
    `What Steward prints for each reference model in \`models/\`, as of ${GALLERY_AS_OF}. Every file here is the`,
    'output of the command beside it; a test regenerates them all and fails when one differs, so these',
    'pages never drift from what the tool prints. To regenerate them after a change to a model or to',
    'Steward: `UPDATE_EXAMPLES=1 npx vitest run test/render/examples.test.ts`.',
    '',
    'The HTML report is not kept here: it inlines the Mermaid library (3.5 MB) so that it works offline.',
    'Make one with `steward report models/<name> --html report.html` and open it in a browser.',
    '',
    '[`diff/`](diff) holds what `steward diff` prints for three pull requests on the support desk model, and',
    '[`ci/steward-diff.yml`](ci/steward-diff.yml) a GitHub Actions workflow that runs it on every pull request',
    '(both kept in sync by `test/diff/`).',
    '',
  ];
  for (const model of models) {
    lines.push(`## ${model}`, '', `Model: [\`models/${model}\`](../models/${model}).`, '', '| File | Command |', '| --- | --- |');
    for (const argv of galleryCommands(model)) {
      const out = argv[argv.length - 1]!;
      const file = out.slice(`examples/${model}/`.length);
      lines.push(`| [${file}](${model}/${file}) | \`steward ${argv.join(' ')}\` |`);
    }
    lines.push('');
  }
  return lines.join('\n');
}
