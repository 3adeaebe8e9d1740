// Baseline for BenchTableFetch: fetch every entity of a table with the official @azure/data-tables
// (listEntities().byPage()), driven line by line over stdin so that the C++ bench can interleave its own
// runs with these (same Azurite, same data, same moment of machine load).
// Usage: node tables-sdk.mjs <toolsDir> <tableEndpoint>
//   stdin  "run <table> [pageSize]" -> fetch all of <table> with byPage({ maxPageSize }), print
//          {"entities":N,"pages":P,"wallMs":x,"userMs":u,"sysMs":s,"cpuMs":u+s} on one line
//   stdin  "quit" (or EOF) -> exit
// Only the fetch is measured: process.cpuUsage() (user + system, all threads of node) and hrtime.
// @azure/data-tables is resolved from <toolsDir>/node_modules (tools/azurite), via createRequire.
import { createRequire } from 'node:module';
import path from 'node:path';
import readline from 'node:readline';

const [toolsDir, endpoint] = process.argv.slice(2);
const require = createRequire(path.join(toolsDir, 'package.json'));
const { TableClient, AzureNamedKeyCredential } = require('@azure/data-tables');

const key = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';
const credential = new AzureNamedKeyCredential('devstoreaccount1', key);
const clients = new Map();

function clientFor(table) {
  if (!clients.has(table))
    clients.set(table, new TableClient(endpoint, table, credential, { allowInsecureConnection: true }));
  return clients.get(table);
}

async function fetchAll(table, maxPageSize) {
  let entities = 0;
  let pages = 0;
  const options = maxPageSize > 0 ? { maxPageSize } : {};
  for await (const page of clientFor(table).listEntities().byPage(options)) {
    entities += page.length;
    ++pages;
  }
  return { entities, pages };
}

const rl = readline.createInterface({ input: process.stdin, terminal: false });
for await (const line of rl) {
  const [cmd, table, pageSize] = line.trim().split(/\s+/);
  if (cmd === 'quit') break;
  if (cmd !== 'run' || !table) {
    console.log(JSON.stringify({ error: `bad command: ${line}` }));
    continue;
  }
  try {
    const c0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    const { entities, pages } = await fetchAll(table, Number(pageSize) || 0);
    const t1 = process.hrtime.bigint();
    const c1 = process.cpuUsage(c0);
    console.log(JSON.stringify({
      entities, pages, wallMs: Number(t1 - t0) / 1e6,
      userMs: c1.user / 1000, sysMs: c1.system / 1000, cpuMs: (c1.user + c1.system) / 1000,
    }));
  } catch (e) {
    console.log(JSON.stringify({ error: String(e && e.message ? e.message : e) }));
  }
}
process.exit(0);
