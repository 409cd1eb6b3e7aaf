import { describe, expect, it } from 'vitest';
import { exportGraph } from '../../src/export/index.js';
import { buildGraph } from '../../src/graph/graph.js';
import { readModelSources } from '../../src/io/read.js';
import { loadModel } from '../../src/model/load.js';
import { HOSTILE, referenceModels, ROOT } from './helpers.js';

/** The formats render the properties of a class once: every edge of a class must have the same ones. */
describe('classes of edge properties', () => {
  for (const path of [...referenceModels().map((m) => `models/${m}`), HOSTILE]) {
    it(`groups only edges with equal properties: ${path}`, () => {
      const { sources } = readModelSources([path], { cwd: ROOT });
      const loaded = loadModel(sources);
      if (!loaded.ok) throw new Error(`${path} does not load`);
      const x = exportGraph({ graph: buildGraph(loaded.model), findings: [] });
      const first = new Map<number, string>();
      let shared = 0;
      let own = 0;
      for (let k = 0; k < x.edgeCount; k++) {
        const c = x.edgePropsClass(k);
        const props = JSON.stringify(x.edgeProps(k));
        if (c < 0) {
          own++;
          continue;
        }
        shared++;
        if (!first.has(c)) first.set(c, props);
        expect(props, `edge ${k}, class ${c}`).toBe(first.get(c));
      }
      // Both kinds occur in every model: relations with controls, and steps and plain relations.
      expect(shared).toBeGreaterThan(0);
      expect(own).toBeGreaterThan(0);
      expect(first.size).toBeLessThan(shared);
    });
  }
});
