import type { CredentialSpec } from '../model/schema.js';
import type { DraftEntity } from './draft.js';
import type { IdAllocator } from './ids.js';
import { clip } from './text.js';
import { UNKNOWN_OWNER } from './unknown-owner.js';

/** One place a server takes a secret from. */
export interface SecretUse {
  /** The variable, input or header the secret is named after: the credential's name. */
  variable: string;
  /** The name was made for this server (a header, an argument), so the secret is not shared by name. */
  generic: boolean;
  /** The value is written out in the file. */
  literal: boolean;
  /** How the server receives it, for the note. */
  via: string;
  /** VS Code prompts for it (an input with password: true). */
  prompted?: boolean;
  /** The file holds a placeholder where the value goes. */
  placeholder?: boolean;
}

/** A reference to a value kept elsewhere: `${VAR}`, `${env:VAR}`, `${VAR:-default}`, `$VAR`, `${input:id}`, `${{ secrets.X }}`. */
export function secretReference(value: string): { kind: 'env' | 'input'; name: string } | undefined {
  const input = /\$\{input:([^}\s]{1,200})\}/.exec(value);
  if (input) return { kind: 'input', name: input[1]! };
  // Continue: ${{ secrets.NAME }} (or inputs.NAME), resolved from its secret store or a .env file.
  const continueRef = /\$\{\{\s*(?:secrets|inputs)\.([A-Za-z_][A-Za-z0-9_]{0,200})\s*\}\}/.exec(value);
  if (continueRef) return { kind: 'env', name: continueRef[1]! };
  const env = /\$\{(?:env:)?([A-Za-z_][A-Za-z0-9_]{0,200})(?::-[^}]*)?\}|^\$([A-Za-z_][A-Za-z0-9_]{0,200})$|\{\{\s*\$env\.([A-Za-z_][A-Za-z0-9_]{0,200})\s*\}\}/.exec(value);
  if (env) return { kind: 'env', name: (env[1] ?? env[2] ?? env[3])! };
  return undefined;
}

interface Entry {
  id: string;
  variable: string;
  holders: Set<string>;
  origins: Set<string>;
  vias: Set<string>;
  literal: boolean;
  prompted: boolean;
  placeholder: boolean;
}

/**
 * Collects the secrets of every server of a draft. Servers that take the same variable (or VS Code
 * input) share one credential: that sharing is what the analysis should see.
 */
export class CredentialBook {
  private readonly byVariable = new Map<string, Entry>();

  constructor(private readonly ids: IdAllocator) {}

  record(holder: string, origin: string, uses: readonly SecretUse[]): void {
    for (const use of uses) {
      let entry = this.byVariable.get(use.variable);
      if (!entry) {
        entry = {
          id: this.ids.take(use.variable),
          variable: use.variable,
          holders: new Set(),
          origins: new Set(),
          vias: new Set(),
          literal: false,
          prompted: false,
          placeholder: false,
        };
        this.byVariable.set(use.variable, entry);
      }
      entry.holders.add(holder);
      entry.origins.add(origin);
      entry.vias.add(use.via);
      entry.literal ||= use.literal;
      entry.prompted ||= use.prompted === true;
      entry.placeholder ||= use.placeholder === true;
    }
  }

  entities(): DraftEntity<'credentials'>[] {
    return [...this.byVariable.values()]
      .sort((a, b) => (a.id < b.id ? -1 : 1))
      .map((e) => {
        const inFile = e.literal || e.placeholder;
        const spec: CredentialSpec = {
          id: e.id,
          name: clip(e.variable, 200),
          type: credentialType(e.variable),
          storage: inFile ? 'config-file' : e.prompted ? 'unknown' : 'env',
          owner: UNKNOWN_OWNER,
          held_by: [...e.holders].sort(),
        };
        const holders = spec.held_by!;
        const notes = [
          `Passed as ${[...e.vias].sort().slice(0, 5).join(', ')}.`,
          ...(e.literal ? ['The configuration holds the value written out: it is not copied here; rotate it and keep it in a secret store.'] : []),
          ...(!e.literal && e.placeholder ? ['The configuration holds a placeholder where the value goes: the secret would live in that file.'] : []),
          ...(e.prompted ? ['VS Code prompts for it and keeps it in its own secret storage: set storage accordingly.'] : []),
          ...(holders.length > 1 ? [`Shared by ${holders.length} servers: a leak from one exposes it to all.`] : []),
          `Type inferred from the name; issuer, ttl, rotation and scopes are not in the configuration.`,
        ];
        const origins = [...e.origins].sort();
        return {
          collection: 'credentials' as const,
          spec,
          origin: `${origins.slice(0, 3).join('; ')}${origins.length > 3 ? ` and ${origins.length - 3} more` : ''}`,
          notes,
        };
      });
  }
}

function credentialType(variable: string): CredentialSpec['type'] {
  const v = variable.toLowerCase();
  if (/pass(word|wd)?($|[^a-z])|connection|dsn|database[_-]?url/.test(v)) return 'password';
  if (/oauth|refresh[_-]?token|id[_-]?token/.test(v)) return 'oauth-token';
  if (/ssh/.test(v)) return 'ssh-key';
  return 'api-key';
}
