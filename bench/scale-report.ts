/**
 * The report of the scale benchmark: per size, every Offprint figure next to the issue's target and as a
 * ratio against each peer (Offprint ÷ peer: below 1× Offprint is faster or smaller), then every engine's own
 * figures. Medians over the runs.
 */
import { PEER_LABELS, type PeerName } from './scale-peers';
import { median } from './scale-stats';

export type EngineName = 'offprint' | PeerName;

export interface EngineOutcome {
  /** 'ok', 'timed out', 'failed' or 'skipped'; `reason` says why when not ok. */
  status: 'ok' | 'timed out' | 'failed' | 'skipped';
  reason: string | null;
  runs: Array<Record<string, number>>;
  notes: Set<string>;
}

export interface SizeResult {
  size: number;
  articles: number;
  engines: Map<EngineName, EngineOutcome>;
}

type Unit = 's' | 'ms' | 'MB';

interface Row {
  label: string;
  key: string;
  /** The peer figure it compares with, if any. */
  peerKey: string | null;
  unit: Unit;
  /** The issue's target at 20,000 and 100,000 articles. */
  target: [number, number] | null;
}

const ROWS: Row[] = [
  { label: 'import + index from scratch', key: 'build.s', peerKey: 'build.s', unit: 's', target: [30, 150] },
  {
    label: 'peak memory while importing',
    key: 'build.peakMB',
    peerKey: 'build.peakMB',
    unit: 'MB',
    target: null,
  },
  { label: 'one new article searchable', key: 'addOne.s', peerKey: null, unit: 's', target: [1, 1] },
  {
    label: 'open: opened + first query',
    key: 'open.ms',
    peerKey: 'open.ms',
    unit: 'ms',
    target: [1000, 3000],
  },
  { label: 'query p50', key: 'warm.p50', peerKey: 'warm.p50', unit: 'ms', target: null },
  { label: 'query p95', key: 'warm.p95', peerKey: 'warm.p95', unit: 'ms', target: [15, 50] },
  { label: 'query max', key: 'warm.max', peerKey: 'warm.max', unit: 'ms', target: null },
  { label: 'cold pass p50', key: 'cold.p50', peerKey: 'cold.p50', unit: 'ms', target: null },
  { label: 'cold pass p95', key: 'cold.p95', peerKey: 'cold.p95', unit: 'ms', target: null },
  { label: 'cold pass max', key: 'cold.max', peerKey: 'cold.max', unit: 'ms', target: null },
  { label: 'memory, open and queried', key: 'rss.MB', peerKey: 'rss.MB', unit: 'MB', target: [600, 1536] },
  {
    label: '`offprint search WORD`, whole command',
    key: 'cli.ms',
    peerKey: null,
    unit: 'ms',
    target: [1000, 1000],
  },
];

const ENGINE_LABELS: Record<EngineName, string> = { offprint: 'Offprint', ...PEER_LABELS };

const ENGINE_COLUMNS: Array<[string, string, Unit | '']> = [
  ['build / import s', 'build.s', 's'],
  ['peak MB', 'build.peakMB', 'MB'],
  ['save ms', 'save.ms', 'ms'],
  ['index MB', 'index.MB', 'MB'],
  ['load ms', 'load.ms', 'ms'],
  ['open ms', 'open.ms', 'ms'],
  ['cold p50/p95/max ms', 'cold', 'ms'],
  ['warm p50/p95/max ms', 'warm', 'ms'],
  ['RSS MB', 'rss.MB', 'MB'],
  ['no-hit queries', 'noHit', ''],
  ['add one s', 'addOne.s', 's'],
  ['CLI ms', 'cli.ms', 'ms'],
];

export function medianOf(outcome: EngineOutcome | undefined, key: string): number | null {
  const values = (outcome?.runs ?? []).map((r) => r[key]).filter((v): v is number => v !== undefined);
  return values.length > 0 ? median(values) : null;
}

export function format(value: number | null, unit: Unit | ''): string {
  if (value === null || Number.isNaN(value)) return '—';
  const digits = unit === 'MB' || unit === '' ? 0 : value < 10 ? 2 : value < 100 ? 1 : 0;
  return `${value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })}${unit ? ` ${unit}` : ''}`;
}

function ratio(ours: number | null, theirs: number | null): string {
  if (ours === null || theirs === null || theirs === 0) return '—';
  const r = ours / theirs;
  return `${r >= 10 ? r.toFixed(0) : r >= 1 ? r.toFixed(1) : r.toPrecision(2)}×`;
}

function targetCell(row: Row, size: number, value: number | null): string {
  const index = size === 20000 ? 0 : size === 100000 ? 1 : null;
  if (!row.target || index === null) return '—';
  const target = row.target[index];
  const verdict = value === null ? '' : value <= target ? ' ✓' : ' ✗';
  return `≤ ${format(target, row.unit)}${verdict}`;
}

function statusText(outcome: EngineOutcome | undefined): string | null {
  if (!outcome) return 'not run';
  if (outcome.status === 'ok') return null;
  return outcome.status;
}

function table(header: string[], rows: string[][]): string {
  return [
    `| ${header.join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
}

export function renderSize(result: SizeResult, peers: PeerName[], word: string): string {
  const ours = result.engines.get('offprint');
  const oursStatus = ours ? statusText(ours) : null;
  const lines: string[] = [
    `### ${result.size.toLocaleString('en-US')} articles (${result.articles} in the corpus)`,
    '',
  ];

  if (ours) {
    const rows = ROWS.map((row) => {
      const value = medianOf(ours, row.key);
      const cells = peers.map((peer) => {
        if (!row.peerKey) return '—';
        const theirs = result.engines.get(peer);
        return statusText(theirs) ?? `${ratio(value, medianOf(theirs, row.peerKey))} ${PEER_LABELS[peer]}`;
      });
      const shown = value === null && oursStatus ? oursStatus : format(value, row.unit);
      return [row.label.replace('WORD', word), shown, targetCell(row, result.size, value), ...cells];
    });
    lines.push(
      table(['Offprint', 'median', 'target', ...peers.map((p) => `vs ${PEER_LABELS[p]}`)], rows),
      '',
    );
  }

  const engineRows = [...result.engines].map(([name, outcome]) => {
    const cells = ENGINE_COLUMNS.map(([, key, unit]) => {
      if (key === 'cold' || key === 'warm') {
        const parts = ['p50', 'p95', 'max'].map((p) => medianOf(outcome, `${key}.${p}`));
        return parts.every((p) => p === null) ? '—' : parts.map(fmtMs).join(' / ');
      }
      return format(medianOf(outcome, key), unit);
    });
    const status =
      outcome.status === 'ok' ? 'ok' : `${outcome.status}${outcome.reason ? `: ${outcome.reason}` : ''}`;
    return [ENGINE_LABELS[name], status, String(outcome.runs.length), ...cells];
  });
  lines.push(table(['engine', 'status', 'runs', ...ENGINE_COLUMNS.map(([label]) => label)], engineRows));

  const notes = [...result.engines].flatMap(([name, o]) =>
    [...o.notes].map((n) => `- ${ENGINE_LABELS[name]}: ${n}`),
  );
  if (notes.length > 0) lines.push('', ...notes);
  return lines.join('\n');
}

function fmtMs(value: number | null): string {
  return format(value, 'ms').replace(' ms', '');
}

export const REPORT_PREAMBLE = `# Scale benchmark (issue 7)

Written by \`npm run bench:scale\` (bench/scale.ts); each run appends a dated section. Corpora: 2,225 real BBC
articles, and 20,000 / 100,000 seed-format articles made by sampling BBC headlines and paragraphs with a fixed
seed, imported through Offprint's real importer. Each configuration runs in a fresh process; figures are medians
of the runs. Offprint's query figures include 10 hits with snippets and tag counts over all hits; the peers'
are the ids of the 10 best hits. "vs" columns are Offprint ÷ peer (below 1× Offprint is faster or smaller);
Offprint's import reads and stores files, the peers index docs.jsonl already in memory. Peer "open" is load of
the saved index + first query, in a fresh process, like Offprint's.
`;
