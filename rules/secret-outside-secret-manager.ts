import { escalateForCredential } from '../src/analysis/context.js';
import { defineRule } from '../src/analysis/rule.js';
import { isCredentialActive } from '../src/graph/query.js';

/** Places outside a secret manager, and what reading the secret there takes. */
const EXPOSED_STORAGE: Readonly<Record<string, string>> = {
  env: 'an environment variable, readable by every process and crash dump of the workload',
  'config-file': 'a configuration file',
  'ci-variable': 'a CI variable, readable by every pipeline job that can print it',
  source: 'source code, readable by everyone with access to the repository and its history',
  'agent-memory': "the agent's memory, which the model can be talked into repeating",
  prompt: 'a prompt, which the model can be talked into repeating',
};

/** Storage from which the secret can be read by the model itself or from the repository history. */
const WORST_STORAGE: ReadonlySet<string> = new Set(['source', 'agent-memory', 'prompt']);

export default defineRule({
  id: 'secret-outside-secret-manager',
  title: 'Secret is stored outside a secret manager',
  category: 'credentials',
  severity: 'high',
  escalation:
    'Raised one step when it is kept in source code, agent memory or a prompt, grants write or admin access, gives access to restricted data, or is held by an agent that takes untrusted input; two steps when three or more of these hold.',
  layers: [4, 6, 2],
  references: [
    'owasp-nhi:NHI2',
    'owasp-asi:ASI03',
    'owasp-llm:LLM02',
    'owasp-llm:LLM07',
    'atlas:AML.T0055',
    'atlas:AML.T0083',
    'maestro:L4',
  ],
  rationale:
    'A secret kept in an environment variable, a configuration file, a CI variable, source code, agent memory or a prompt can be read by anything that reads those places: other processes, build logs, everyone with the repository, and for memory and prompts the model itself, which prompt injection can make repeat it (OWASP NHI2, Secret Leakage; ATLAS AML.T0055 Unsecured Credentials and AML.T0083 Credentials from AI Agent Configuration). A secret manager or the SPIFFE Workload API hands the secret to the workload at run time, with access control and an audit trail. storage: unknown is not reported, nor are revoked, expired or disabled credentials.',
  remediation:
    'Move the secret to a secret manager (or replace it with a workload identity delivered by the Workload API), inject it at run time, rotate it since it may have been copied, and set storage accordingly.',
  *check({ graph }) {
    for (const credential of graph.nodesOf('credential')) {
      const storage = credential.spec.storage;
      if (!isCredentialActive(credential) || storage === undefined || !Object.hasOwn(EXPOSED_STORAGE, storage)) continue;
      const extra = WORST_STORAGE.has(storage) ? [`kept in ${storage}`] : [];
      const { severity, reasons } = escalateForCredential(graph, credential, 'high', { extra });
      yield {
        subject: credential,
        message: `credential "${credential.id}" (${credential.spec.type}) is stored in ${EXPOSED_STORAGE[storage]} (storage: ${storage})`,
        severity,
        reasons,
      };
    }
  },
});
