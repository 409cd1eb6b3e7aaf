import type { Report } from '../analysis/engine.js';
import { pathComputationFor } from '../analysis/paths/analyze.js';
import { SEVERITIES } from '../analysis/severity.js';
import type { ModelGraph } from '../graph/graph.js';
import { VERSION } from '../version.js';
import { diffBlastRadius } from './blast-radius.js';
import { diffEntities } from './entities.js';
import { diffFindings } from './findings.js';
import { diffEndpoints, diffPaths, rankedPaths, type PathSide } from './paths.js';
import { diffRelations, relationIndexes } from './relations.js';
import { DIFF_FORMAT, type ModelDiff } from './schema.js';

/** One version of the model, analyzed: its graph and its findings (of one `asOf` on both sides). */
export interface DiffInput {
  graph: ModelGraph;
  report: Report;
}

const EPSILON = 1e-9;

function sides(before: DiffInput, after: DiffInput): [PathSide, PathSide] {
  const [x, y] = relationIndexes(before.graph, after.graph);
  return [
    { graph: before.graph, computation: pathComputationFor(before.graph), relations: x },
    { graph: after.graph, computation: pathComputationFor(after.graph), relations: y },
  ];
}

function sideSummary(input: DiffInput, s: PathSide): ModelDiff['old'] {
  return {
    files: [...input.graph.files],
    entities: input.graph.order,
    relations: input.graph.size,
    findings: { open: input.report.summary.open, accepted: input.report.summary.accepted },
    paths: rankedPaths(s.computation.analysis).size,
  };
}

/**
 * What changed from one version of a model to another: entities and relations, findings, paths
 * and the blast radius of the agents the change touches. Pure; deterministic whatever the order
 * of the files and entries each side was read from.
 */
export function diffModels(before: DiffInput, after: DiffInput): ModelDiff {
  const [a, b] = sides(before, after);
  const entities = diffEntities(before.graph, after.graph);
  const relations = diffRelations(a.relations, b.relations);
  const findings = diffFindings(before.report, after.report);
  const paths = diffPaths(a, b);
  const endpoints = diffEndpoints(a.computation.analysis, b.computation.analysis);
  const blastRadius = diffBlastRadius(a, b, entities, relations, paths.added);
  const openedBySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, findings.opened.filter((o) => o.severity === s).length])) as ModelDiff['summary']['openedBySeverity'];
  const score = (r: { score: number } | null) => r?.score ?? 0;
  return {
    format: DIFF_FORMAT,
    tool: { name: 'steward', version: VERSION },
    asOf: after.report.asOf,
    old: sideSummary(before, a),
    new: sideSummary(after, b),
    summary: {
      entities: { added: entities.added.length, removed: entities.removed.length, changed: entities.changed.length },
      relations: { added: relations.added.length, removed: relations.removed.length, changed: relations.changed.length },
      findings: {
        new: findings.new.length,
        resolved: findings.resolved.length,
        severityChanged: findings.severityChanged.length,
        acceptanceChanged: findings.acceptanceChanged.length,
        opened: findings.opened.length,
      },
      openedBySeverity,
      paths: {
        added: paths.added.length,
        removed: paths.removed.length,
        shorter: paths.added.filter((p) => p.shorter).length,
        moreLikely: paths.moreLikely.length,
        lessLikely: paths.lessLikely.length,
        lostControl: paths.lostControl.length,
        enteredRanking: paths.enteredRanking.length,
        leftRanking: paths.leftRanking.length,
      },
      endpoints: {
        newEntries: endpoints.newEntries.length,
        removedEntries: endpoints.removedEntries.length,
        newJewels: endpoints.newJewels.length,
        removedJewels: endpoints.removedJewels.length,
      },
      blastRadius: {
        grew: blastRadius.filter((r) => score(r.new) > score(r.old) + EPSILON).length,
        shrank: blastRadius.filter((r) => score(r.new) < score(r.old) - EPSILON).length,
        same: blastRadius.filter((r) => Math.abs(score(r.new) - score(r.old)) <= EPSILON).length,
      },
    },
    entities,
    relations,
    findings,
    paths,
    endpoints,
    blastRadius,
  };
}

/** Whether the diff says nothing changed at all. */
export function isEmptyDiff(d: ModelDiff): boolean {
  const counts = [d.summary.entities, d.summary.relations, d.summary.findings, d.summary.paths, d.summary.endpoints].flatMap((c) => Object.values(c));
  return counts.every((n) => n === 0);
}
