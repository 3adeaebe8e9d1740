// Baseline for BenchTableFetch: fetch every entity of a table with the official @azure/data-tables
// (listEntities().byPage()) and print {"entities":N,"wallMs":[...],"cpuMs":[...]} as one JSON line.
// Usage: node tables-sdk.mjs <toolsDir> <tableEndpoint> <table> <runs>
// @azure/data-tables is resolved from <toolsDir>/node_modules (tools/azurite), via createRequire.
import { createRequire } from 'node:module';
import path from 'node:path';

const [toolsDir, endpoint, table, runsArg] = process.argv.slice(2);
const require = createRequire(path.join(toolsDir, 'package.json'));
const { TableClient, AzureNamedKeyCredential } = require('@azure/data-tables');

const key = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';
const client = new TableClient(endpoint, table, new AzureNamedKeyCredential('devstoreaccount1', key), {
  allowInsecureConnection: true,
});

async function fetchAll() {
  let n = 0;
  for await (const page of client.listEntities().byPage()) n += page.length;
  return n;
}

const runs = Number(runsArg || 3);
await fetchAll(); // warm-up (JIT, connection)
const wallMs = [];
const cpuMs = [];
let entities = 0;
for (let i = 0; i < runs; ++i) {
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  entities = await fetchAll();
  const t1 = process.hrtime.bigint();
  const c1 = process.cpuUsage(c0);
  wallMs.push(Number(t1 - t0) / 1e6);
  cpuMs.push((c1.user + c1.system) / 1000);
}
console.log(JSON.stringify({ entities, wallMs, cpuMs }));
