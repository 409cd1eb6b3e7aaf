import { Command, Option } from 'commander';
import { CATALOGUE } from '../../analysis/catalogue.js';
import { selectRules } from '../../analysis/select.js';
import { LAYERS } from '../../graph/layers.js';
import { renderRuleCatalogue, renderRuleDoc } from '../../render/rule-docs.js';
import { EXIT, type CliIO } from '../io.js';

export function rulesCommand(io: CliIO, done: (code: number) => void): Command {
  const cmd = new Command('rules')
    .description('list the rule catalogue, or show one rule')
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json', 'markdown']).default('table'))
    .action((flags: { format: 'table' | 'json' | 'markdown' }) => {
      if (flags.format === 'json') io.stdout(`${JSON.stringify(CATALOGUE.map(ruleJson), null, 2)}\n`);
      else if (flags.format === 'markdown') io.stdout(renderRuleCatalogue(CATALOGUE));
      else {
        const width = Math.max(...CATALOGUE.map((r) => r.id.length));
        for (const r of CATALOGUE) {
          io.stdout(`${r.id.padEnd(width)}  ${r.severity.padEnd(8)}  ${r.layers.map((l) => LAYERS[l].id).join(',').padEnd(11)}  ${r.title}\n`);
        }
        io.stdout(`${CATALOGUE.length} rules; steward rules show <id> for one\n`);
      }
      done(EXIT.ok);
    });
  cmd
    .command('show')
    .description('show one rule: what it checks, why, how to fix, references')
    .argument('<id>', 'rule id')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action((id: string, flags: { format: 'text' | 'json' }) => {
      const [rule] = selectRules(CATALOGUE, [id]);
      io.stdout(flags.format === 'json' ? `${JSON.stringify(ruleJson(rule!), null, 2)}\n` : `${renderRuleDoc(rule!)}\n`);
      done(EXIT.ok);
    });
  return cmd;
}

function ruleJson(r: (typeof CATALOGUE)[number]) {
  return {
    id: r.id,
    title: r.title,
    category: r.category,
    severity: r.severity,
    ...(r.escalation ? { escalation: r.escalation } : {}),
    layers: r.layers.map((l) => LAYERS[l].id),
    references: r.references,
    rationale: r.rationale,
    remediation: r.remediation,
  };
}
