import { Command } from 'commander';
import { modelJsonSchema } from '../../model/json-schema.js';
import { EXIT, type CliIO } from '../io.js';

export function schemaCommand(io: CliIO, done: (code: number) => void): Command {
  return new Command('schema')
    .description('print the JSON Schema of the model format, for editor completion')
    .option('-o, --output <file>', 'write to a file instead of stdout')
    .action((flags: { output?: string }) => {
      const text = `${JSON.stringify(modelJsonSchema(), null, 2)}\n`;
      if (flags.output) io.writeFile(flags.output, text);
      else io.stdout(text);
      done(EXIT.ok);
    });
}
