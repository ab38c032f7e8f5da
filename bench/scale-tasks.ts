/**
 * What the scale benchmark asks of a child process, and what the child answers. Each task runs in a fresh
 * process (bench/scale-runner.ts) so that builds, opens and memory figures never share a heap.
 */
import type { PeerName } from './scale-peers';

export type Task =
  /** Import the corpus into a new library and index it; then make one new article searchable. */
  | { kind: 'offprint-build'; filesDir: string; libraryDir: string; probeDir: string }
  /** Open the built library, answer a first query, then the queries twice (cold, warm). */
  | { kind: 'offprint-open'; libraryDir: string; queriesFile: string; firstQuery: string }
  /** Build the peer's index from docs.jsonl and save it in saveDir. */
  | { kind: 'peer-build'; engine: PeerName; docsFile: string; saveDir: string }
  /** Load the peer's saved index, answer a first query, then the queries twice (cold, warm). */
  | { kind: 'peer-open'; engine: PeerName; saveDir: string; queriesFile: string; firstQuery: string };

/** Figures by name (times in ms or s as the name says, memory in MB), and remarks for the report. */
export interface TaskResult {
  figures: Record<string, number>;
  notes: string[];
}
