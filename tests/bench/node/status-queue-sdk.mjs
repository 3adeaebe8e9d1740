// Baseline for BenchNotifications: read failure report queues with the official azure-kusto-ingest
// status-queue helper (IngestStatusQueues -> StatusQueue.peek / pop, dist-esm/src/statusQ.js + status.js),
// or with plain @azure/storage-queue receiveMessages(32) + deleteMessage ("raw": what a careful SDK user
// writes by hand), against the Azurite the C++ bench started, in the same run.
//
// Usage: node status-queue-sdk.mjs <toolsDir> <queueEndpoint> <queue[,queue...]> <mode> <expected> <idsFile>
//          [peekCalls]
//   mode: helper-pop  IngestStatusQueues.failure.pop(32) until it returns nothing (receive + delete)
//         helper-peek IngestStatusQueues.failure.peek(32), peekCalls times (non-destructive)
//         raw-pop     receiveMessages({numberOfMessages: 32}) + deleteMessage of each, queue after queue
// Prints one JSON line: {"messages","distinct","withErrorCode","requests","bytesRead","wallMs","cpuMs"}
//   cpuMs: process.cpuUsage() (user + system, all of node's threads) around the reading only; wallMs:
//   hrtime; bytesRead: socket.bytesRead of every socket the SDK used (answers as on the wire).
// Writes the IngestionSourceId of every message read, one a line, to idsFile (the bench checks them).
//
// The helper is driven through its public class: IngestStatusQueues(client).failure with a client whose
// resourceManager returns these queues as SAS URIs (what `.get ingestion resources` gives it). Its own
// options, measured as they are: pop(n) asks each queue for perQ = floor(n / queues) messages per receive,
// but perQ = 1 when there is one queue (statusQ.js: `qServices.length > 1 ? floor(n / len) : len`), and
// deletes each message before the next; peek() calls peekMessages() without numberOfMessages, i.e. the
// service default of 1 message per queue per request.
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [toolsDir, endpoint, queuesText, mode, expectedText, idsFile, peekCallsText] = process.argv.slice(2);
const expected = Number(expectedText);
const queues = queuesText.split(',').filter((q) => q);
const require = createRequire(path.join(toolsDir, 'package.json'));
const storageQueue = await import(pathToFileURL(require.resolve('@azure/storage-queue')).href);
const { QueueClient, StorageSharedKeyCredential, generateQueueSASQueryParameters, QueueSASPermissions } = storageQueue;
const ingestEntry = path.join(toolsDir, 'node_modules', 'azure-kusto-ingest', 'dist-esm', 'src', 'index.js');
const { IngestStatusQueues } = await import(pathToFileURL(ingestEntry).href);

const account = 'devstoreaccount1';
const key = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';
const credential = new StorageSharedKeyCredential(account, key);
const uriOf = (queue) => {
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
  return `${endpoint.replace(/\/$/, '')}/${queue}?${sas}`;
};
const queueUris = queues.map(uriOf);

// Count the requests the SDK puts on the wire and the bytes of its sockets (both modes use
// @azure/core-rest-pipeline over node:http).
let requests = 0;
const sockets = new Set();
const http = require('node:http');
const origRequest = http.request;
http.request = function (...args) {
  requests++;
  const req = origRequest.apply(this, args);
  req.on('socket', (s) => sockets.add(s));
  return req;
};
require('node:module').syncBuiltinESMExports();

let messages = 0;
let withErrorCode = 0;
const ids = [];
const seen = (n) => {
  messages++;
  ids.push(n.IngestionSourceId);
  if (n.ErrorCode) withErrorCode++;
};
const cpu0 = process.cpuUsage();
const t0 = process.hrtime.bigint();
const fakeIngestClient = {
  resourceManager: {
    getFailedIngestionsQueues: async () => queueUris.map((uri) => ({ uri })),
    getSuccessfulIngestionsQueues: async () => [],
  },
};
if (mode === 'helper-pop') {
  const status = new IngestStatusQueues(fakeIngestClient);
  for (;;) {
    const batch = await status.failure.pop(32);
    if (!batch || batch.length === 0) break;
    for (const m of batch) seen(m);
    if (messages > 2 * expected) break; // a runaway: the bench reports the count
  }
} else if (mode === 'helper-peek') {
  const status = new IngestStatusQueues(fakeIngestClient);
  const calls = Number(peekCallsText || 1);
  for (let i = 0; i < calls; i++) {
    const batch = await status.failure.peek(32);
    for (const m of batch || []) seen(m);
  }
} else if (mode === 'raw-pop') {
  for (const uri of queueUris) {
    const client = new QueueClient(uri);
    for (;;) {
      const r = await client.receiveMessages({ numberOfMessages: 32, visibilityTimeout: 300 });
      const items = r.receivedMessageItems || [];
      if (items.length === 0) break;
      for (const m of items) seen(JSON.parse(Buffer.from(m.messageText, 'base64').toString('utf8')));
      await Promise.all(items.map((m) => client.deleteMessage(m.messageId, m.popReceipt)));
    }
  }
} else {
  console.error(`unknown mode ${mode}`);
  process.exit(2);
}
const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
const c = process.cpuUsage(cpu0);
let bytesRead = 0;
for (const s of sockets) bytesRead += s.bytesRead;
fs.writeFileSync(idsFile, ids.join('\n') + '\n');
console.log(
  JSON.stringify({
    messages,
    distinct: new Set(ids).size,
    withErrorCode,
    requests,
    bytesRead,
    wallMs,
    cpuMs: (c.user + c.system) / 1000,
  }),
);
