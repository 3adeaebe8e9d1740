// Baseline for BenchNotifications: drain a failure report queue with the official azure-kusto-ingest
// status-queue helper (IngestStatusQueues -> StatusQueue.pop, dist-esm/src/statusQ.js + status.js), or
// with plain @azure/storage-queue receiveMessages(32) + deleteMessage ("raw" mode: what a careful SDK user
// writes by hand), against the Azurite the C++ bench started, in the same run.
//
// Usage: node status-queue-sdk.mjs <toolsDir> <queueEndpoint> <queue> <helper|raw> <expected messages>
// Prints one JSON line: {"messages":N,"withErrorCode":M,"requests":R,"wallMs":x,"cpuMs":y}
//   cpuMs: process.cpuUsage() (user + system, all of node's threads) around the drain only; wallMs: hrtime.
//
// The helper is driven through its public class: IngestStatusQueues(client).failure with a client whose
// resourceManager returns this one queue as a SAS URI (what .get ingestion resources gives it). With one
// queue, StatusQueue.pop(n) asks for perQ = (number of queues) = 1 message per receive (statusQ.js), then
// deletes it: that is the helper's behaviour, measured as it is, not a mistake of this script.
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [toolsDir, endpoint, queue, mode, expectedText] = process.argv.slice(2);
const expected = Number(expectedText);
const require = createRequire(path.join(toolsDir, 'package.json'));
const storageQueue = await import(pathToFileURL(require.resolve('@azure/storage-queue')).href);
const { QueueClient, StorageSharedKeyCredential, generateQueueSASQueryParameters, QueueSASPermissions } = storageQueue;
const ingestEntry = path.join(toolsDir, 'node_modules', 'azure-kusto-ingest', 'dist-esm', 'src', 'index.js');
const { IngestStatusQueues } = await import(pathToFileURL(ingestEntry).href);

const account = 'devstoreaccount1';
const key = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';
const credential = new StorageSharedKeyCredential(account, key);
const sas = generateQueueSASQueryParameters(
  {
    queueName: queue,
    permissions: QueueSASPermissions.parse('raup'),
    startsOn: new Date(Date.now() - 5 * 60 * 1000),
    expiresOn: new Date(Date.now() + 6 * 3600 * 1000),
    protocol: 'https,http',
  },
  credential,
).toString();
const queueUri = `${endpoint.replace(/\/$/, '')}/${queue}?${sas}`;

// Count the requests the SDK puts on the wire (both modes use @azure/core-rest-pipeline over node:http).
let requests = 0;
const http = require('node:http');
const origRequest = http.request;
http.request = function (...args) {
  requests++;
  return origRequest.apply(this, args);
};
require('node:module').syncBuiltinESMExports();

let messages = 0;
let withErrorCode = 0;
const cpu0 = process.cpuUsage();
const t0 = process.hrtime.bigint();
if (mode === 'helper') {
  const fakeIngestClient = {
    resourceManager: {
      getFailedIngestionsQueues: async () => [{ uri: queueUri }],
      getSuccessfulIngestionsQueues: async () => [],
    },
  };
  const status = new IngestStatusQueues(fakeIngestClient);
  for (;;) {
    const batch = await status.failure.pop(32);
    if (!batch || batch.length === 0) break;
    for (const m of batch) {
      messages++;
      if (m.ErrorCode) withErrorCode++;
    }
    if (messages >= expected) break;
  }
} else {
  const client = new QueueClient(queueUri);
  for (;;) {
    const r = await client.receiveMessages({ numberOfMessages: 32, visibilityTimeout: 300 });
    const items = r.receivedMessageItems || [];
    if (items.length === 0) break;
    for (const m of items) {
      const n = JSON.parse(Buffer.from(m.messageText, 'base64').toString('utf8'));
      messages++;
      if (n.ErrorCode) withErrorCode++;
    }
    await Promise.all(items.map((m) => client.deleteMessage(m.messageId, m.popReceipt)));
    if (messages >= expected) break;
  }
}
const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
const c = process.cpuUsage(cpu0);
console.log(JSON.stringify({ messages, withErrorCode, requests, wallMs, cpuMs: (c.user + c.system) / 1000 }));
