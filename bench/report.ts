/**
 * bench/results.json (the latest run per dialect and size, with the machine) and the readable
 * summary appended to bench/RESULTS.md: every figure beside its target, met or not. Speed never
 * fails a run: a missed target is reported, not hidden.
 */
import fs from 'node:fs';
import type { RunResult } from './run.js';

export interface Machine {
  cpus: number;
  cpuModel: string;
  memoryGb: number;
  platform: string;
  node: string;
  commit: string;
  loadAverageAtStart: number[];
}

interface ResultsFile {
  runs: (RunResult & { machine: Machine })[];
}

export function writeResults(file: string, machine: Machine, runs: RunResult[]): void {
  let existing: ResultsFile = { runs: [] };
  try {
    existing = JSON.parse(fs.readFileSync(file, 'utf8')) as ResultsFile;
  } catch {
    /* first run */
  }
  const key = (r: RunResult) => `${r.dialect}/${r.appeals}`;
  const fresh = new Set(runs.map(key));
  const kept = existing.runs.filter((r) => !fresh.has(key(r)));
  const all = [...kept, ...runs.map((r) => ({ ...r, machine }))].sort((a, b) => (key(a) < key(b) ? -1 : 1));
  fs.writeFileSync(file, `${JSON.stringify({ runs: all }, null, 2)}\n`);
}

export interface TargetRow {
  measure: string;
  figure: string;
  target: string;
  met: boolean | null;
}

/** Each figure against its target (issue #9). `null`: not applicable at this size or dialect. */
export function targets(r: RunResult): TargetRow[] {
  const h = r.http;
  const big = r.appeals >= 1_000_000;
  const searchLimit = r.dialect === 'sqlite' ? 50 : 100;
  const maxWeight = Math.max(...h.pageWeight.map((w) => w.totalGzipBytes));
  return [
    {
      measure: 'bulk import of appeals + events / raw prepared inserts',
      figure: `${r.import.ratio} (${r.import.oursRowsPerSecond} vs ${r.import.rawRowsPerSecond} rows/s${r.import.roundRatios ? `; median of rounds ${r.import.roundRatios.join(', ')}` : ''})`,
      target: '>= 0.5',
      met: r.import.ratio >= 0.5,
    },
    {
      measure: 'published appeal page / bare route',
      figure: `${h.publishedPage.ratio} (${h.publishedPage.app.rps} vs ${h.publishedPage.bare.rps} req/s), p99 ${h.publishedPage.app.p99} ms`,
      target: '>= 0.25, p99 <= 50 ms',
      met: h.publishedPage.ratio >= 0.25 && h.publishedPage.app.p99 <= 50,
    },
    {
      measure: 'body report card / bare route',
      figure: `${h.reportCard.ratio} (${h.reportCard.app.rps} vs ${h.reportCard.bare.rps} req/s), p99 ${h.reportCard.app.p99} ms`,
      target: '>= 0.25, p99 <= 50 ms',
      met: h.reportCard.ratio >= 0.25 && h.reportCard.app.p99 <= 50,
    },
    {
      measure: 'search, top 20 with facets',
      figure: `p95 ${r.search.p95} ms (p50 ${r.search.p50})`,
      target: `p95 <= ${searchLimit} ms (${r.dialect === 'sqlite' ? 'at 1M' : 'at 10M'})`,
      met: r.search.p95 <= searchLimit,
    },
    {
      measure: 'overdue sweep / index-only count of open appeals',
      figure: `${r.sweep.sweepMs} ms (count ${r.sweep.baselineMs} ms, query ${r.sweep.candidatesMs} ms), full scan: ${r.sweep.fullScan ? 'yes' : 'no'}`,
      target: '<= 2 s at 1M, no full scan',
      met: r.sweep.sweepMs <= 2000 && !r.sweep.fullScan,
    },
    {
      measure: 'league table of all aiyl okmotus',
      figure: `p95 ${r.league.p95} ms served (${r.league.rows} bodies); recomputed after a statistics change p95 ${r.league.computed?.p95 ?? '—'} ms`,
      target: '<= 20 ms',
      met: r.league.p95 <= 20,
    },
    {
      measure: 'server memory after the load runs',
      figure: `RSS ${h.rssMb} MB (${h.rssAtStartMb} MB at start)`,
      target: `<= 200 MB${big ? '' : ' (at 1M)'}`,
      met: h.rssMb <= 200,
    },
    {
      measure: 'public page weight (gzip, with assets)',
      figure: `max ${Math.round(maxWeight / 102.4) / 10} KB`,
      target: '<= 30 KB',
      met: maxWeight <= 30 * 1024,
    },
  ];
}

export function summary(machine: Machine, runs: RunResult[], skipped: string[]): string {
  const lines: string[] = [];
  lines.push(`## ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, commit ${machine.commit}`);
  lines.push('');
  lines.push(
    `Machine: ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGb} GB, ${machine.platform}, Node ${machine.node}; load average at start ${machine.loadAverageAtStart.join(' / ')}.`,
  );
  for (const s of skipped) lines.push(`Skipped: ${s}.`);
  for (const r of runs) {
    lines.push('');
    lines.push(`### ${r.dialect} (${r.databaseVersion}), ${r.appeals.toLocaleString('en')} appeals, seed ${r.seed}`);
    lines.push('');
    lines.push(
      `Sizes: ${Object.entries(r.sizes)
        .map(([k, v]) => `${k} ${v.toLocaleString('en')}`)
        .join(', ')}.`,
    );
    if ('seconds' in r.generation)
      lines.push(
        `Generated in ${r.generation.seconds.total} s (directory ${r.generation.seconds.directory}, appeals ${r.generation.seconds.appeals}, report cells ${r.generation.seconds.cells}, cases ${r.generation.seconds.cases}).`,
      );
    else lines.push('Database reused from an earlier generation of the same size and seed.');
    lines.push('');
    lines.push('| measure | figure | target | met |');
    lines.push('|---|---|---|---|');
    for (const t of targets(r))
      lines.push(`| ${t.measure} | ${t.figure} | ${t.target} | ${t.met === null ? '—' : t.met ? 'yes' : '**no**'} |`);
    lines.push('');
    lines.push(`Sweep plan: ${r.sweep.sweepPlan.map((l) => `\`${l.trim()}\``).join(' · ')}`);
  }
  lines.push('');
  return lines.join('\n');
}

export function appendSummary(file: string, machine: Machine, runs: RunResult[], skipped: string[]): void {
  if (!fs.existsSync(file))
    fs.writeFileSync(
      file,
      '# Bench results\n\nAppended by `npm run bench`; the story and the targets are in docs/performance.md.\n\n',
    );
  fs.appendFileSync(file, `${summary(machine, runs, skipped)}\n`);
}
