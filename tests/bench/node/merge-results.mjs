// Merges the per-bench JSON files written by `Bench* --json FILE` (tests/bench/BenchReport.h) into one table
// on stdout and one JSON file, for scripts/bench.
// Usage: node merge-results.mjs <outDir> <statusFile> <quick 0|1> <cores> <load> <cpu> <mem> <commit> <totalMs>
//   statusFile: one line per bench run: "<Bench> <ok|nojson|crashed|missing> <exit code> <milliseconds>"
// Writes <outDir>/bench-results.json: {machine, quick, totalSeconds, benches: [{bench, state, exitCode,
// seconds, rows: [...]}], rows: [... every row with its bench]}.
import fs from 'node:fs';
import path from 'node:path';

const [outDir, statusFile, quick, cores, load, cpu, mem, commit, totalMs] = process.argv.slice(2);
const lines = fs.readFileSync(statusFile, 'utf8').split('\n').filter((l) => l.trim());

const benches = [];
const allRows = [];
for (const line of lines) {
  const [bench, state, exitCode, ms] = line.trim().split(/\s+/);
  const entry = { bench, state, exitCode: Number(exitCode), seconds: Number(ms) / 1000, rows: [] };
  const file = path.join(outDir, `${bench}.json`);
  if (state === 'ok' || fs.existsSync(file)) {
    try {
      const j = JSON.parse(fs.readFileSync(file, 'utf8'));
      entry.rows = Array.isArray(j.rows) ? j.rows : [];
    } catch (e) {
      entry.state = 'badjson';
      entry.error = String(e.message || e);
    }
  }
  benches.push(entry);
  for (const r of entry.rows) allRows.push({ bench, ...r });
}

const num = (v) => {
  if (v === null || v === undefined || Number.isNaN(v)) return '-';
  const a = Math.abs(v);
  return v.toFixed(a >= 100 ? 0 : a >= 1 ? 2 : 4);
};
const ratio = (v) => (v === null || v === undefined ? '-' : v.toFixed(3));
const pad = (s, n) => (s.length >= n ? s : s + ' '.repeat(n - s.length));
const lpad = (s, n) => (s.length >= n ? s : ' '.repeat(n - s.length) + s);

const header = ['measure', 'ours', 'baseline', 'ratio', 'target', 'result'];
const table = [];
for (const b of benches) {
  if (b.rows.length === 0) {
    const why = {
      nojson: `${b.bench}: ran (exit ${b.exitCode}) but wrote no --json; see ${b.bench}.log`,
      crashed: `${b.bench}: CRASHED (exit ${b.exitCode}); see ${b.bench}.log`,
      missing: `${b.bench}: not in this tree, not run`,
      notbuilt: `${b.bench}: DID NOT BUILD (see the build log), not run`,
      badjson: `${b.bench}: unreadable JSON (${b.error}); see ${b.bench}.log`,
      ok: `${b.bench}: no rows`,
    }[b.state] || `${b.bench}: ${b.state}`;
    table.push([why, '', '', '', '', b.state === 'crashed' ? 'CRASH' : b.state === 'notbuilt' ? 'NOBUILD' : '-']);
    continue;
  }
  for (const r of b.rows) {
    const verdict = r.pass === null || r.pass === undefined ? '-' : r.pass ? 'PASS' : 'FAIL';
    table.push([`${r.measure} (${r.unit})`, num(r.ours), num(r.baseline), ratio(r.ratio), r.target || '-', verdict]);
  }
}
const normal = table.filter((t) => t[1] !== '');
const widths = header.map((h, i) => Math.max(h.length, ...normal.map((t) => t[i].length)));
widths[0] = Math.min(64, widths[0]);

const machine = { cores: Number(cores), loadAverage: load, cpu, memory: mem, commit };
console.log('');
console.log(`IngestWatch benchmarks${quick === '1' ? ' (--quick: smoke sizes, not the budget)' : ''}`);
console.log(`machine: ${cores} cores, ${cpu}, ${mem}; load average at the end ${load}; commit ${commit}`);
console.log('');
const row = (t) => {
  if (t[1] === '' && t[0] !== header[0]) return `| ${t[0]}`;
  return `| ${pad(t[0], widths[0])} | ${lpad(t[1], widths[1])} | ${lpad(t[2], widths[2])} | ${lpad(t[3], widths[3])} | ${pad(t[4], widths[4])} | ${pad(t[5], widths[5])} |`;
};
console.log(row(header));
console.log(`|${widths.map((w, i) => (i >= 1 && i <= 3 ? '-'.repeat(w + 1) + ':' : '-'.repeat(w + 2))).join('|')}|`);
for (const t of table) console.log(row(t));
const pass = allRows.filter((r) => r.pass === true).length;
const fail = allRows.filter((r) => r.pass === false).length;
console.log('');
for (const b of benches)
  console.log(`  ${pad(b.bench, 22)} ${pad(b.state, 8)} exit ${lpad(String(b.exitCode), 3)}  ${lpad(b.seconds.toFixed(1), 7)} s`);
console.log(`targets: ${pass} PASS, ${fail} FAIL; total ${(Number(totalMs) / 1000).toFixed(1)} s`);

const result = {
  machine,
  quick: quick === '1',
  totalSeconds: Number(totalMs) / 1000,
  finishedAt: new Date().toISOString(),
  benches,
  rows: allRows,
};
const outFile = path.join(outDir, 'bench-results.json');
fs.writeFileSync(outFile, JSON.stringify(result, null, 2) + '\n');
console.log(`results: ${outFile}`);
