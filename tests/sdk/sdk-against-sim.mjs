// The official Kusto node SDKs against ingestwatch-sim + Azurite: no mocks, real HTTP.
//
//   node sdk-against-sim.mjs    (env: IW_SIM_URL, IW_SIM_TOKEN, IW_NODE_MODULES)
//
// 1. azure-kusto-data (Client.execute on the ingest endpoint, bearer token given with withAccessToken)
//    runs `.ingest-from-storage-queued`, `.show queued ingestion operations` (summary and details) and
//    `.cancel queued ingestion operation` and reads the v1 tables by column name.
// 2. azure-kusto-ingest's QueuedIngestClient.ingestFromBlob with ReportLevel FailuresAndSuccesses and
//    ReportMethod QueueAndTable: it fetches `.get ingestion resources` and `.get kusto identity token`
//    from the simulator, writes its Pending row and posts its message with the SAS URIs (Azurite).
//    The simulator consumes the message and reports; the SDK reads the final status with its own
//    helpers: TableReportIngestionResult (point read of the status row) and IngestStatusQueues
//    (success/failure queues).
//
// Known SDK limitation on an http emulator (see README.md next to this file): the status TableClient the
// SDK builds itself (azure-kusto-ingest resourceManager.js createStatusTableClient) has no
// allowInsecureConnection, so every request it makes over http throws in @typespec/ts-http-runtime
// nodeHttpClient.js; putRecordInTable swallows that error. The test checks that this is exactly what
// happens, and reads the status with the SDK's TableReportIngestionResult given a TableClient that
// allows http (the same @azure/data-tables class, same table, same SAS).
import { createRequire } from "node:module";
import assert from "node:assert/strict";
import path from "node:path";

const nodeModules = process.env.IW_NODE_MODULES;
assert.ok(nodeModules, "IW_NODE_MODULES is not set");
const require = createRequire(path.join(nodeModules, "noop.js"));
const data = require("azure-kusto-data");
const ingest = require("azure-kusto-ingest");
const { TableClient } = require("@azure/data-tables");
const { TableReportIngestionResult } = require(path.join(nodeModules, "azure-kusto-ingest/dist-esm/src/ingestionResult.js"));

const simUrl = process.env.IW_SIM_URL;
const token = process.env.IW_SIM_TOKEN;
assert.ok(simUrl && token, "IW_SIM_URL / IW_SIM_TOKEN are not set");

let failures = 0;
let passes = 0;
const started = Date.now();
async function check(name, fn) {
    const t0 = Date.now();
    try {
        await fn();
        passes++;
        console.log(`PASS ${name} (${Date.now() - t0} ms)`);
    } catch (e) {
        failures++;
        console.log(`FAIL ${name}: ${e && e.stack ? e.stack : e}`);
    }
}
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
// @azure/data-tables returns Edm.Guid / Edm.Int64 properties as {type, value}; the service types its Guids.
const plain = (x) => (x && typeof x === "object" && "value" in x && "type" in x ? x.value : x);
const rowsOf = (response) => [...response.primaryResults[0].rows()].map((r) => r.toJSON());

const kcsb = data.KustoConnectionStringBuilder.withAccessToken(simUrl, token);
const client = new data.Client(kcsb);

let operationId = null;

await check("data: .ingest-from-storage-queued returns IngestionOperationId, ClientRequestId, OperationInfo", async () => {
    const blobs = Array.from({ length: 30 }, (_, i) => `'https://sdk.blob.core.windows.net/c/part-${i}.csv?sv=2021-12-02&sig=x'`);
    const csl = `.ingest-from-storage-queued into table database('SdkDb').SdkTable EnableTracking=true with (format='csv') <| ${blobs.join(" ")}`;
    const rows = rowsOf(await client.execute("SdkDb", csl));
    assert.equal(rows.length, 1);
    operationId = rows[0].IngestionOperationId;
    assert.equal(operationId.split(";").length, 3, operationId);
    assert.match(rows[0].ClientRequestId, /^KNC\.execute;/);
    assert.ok(rows[0].OperationInfo.includes(operationId));
});

await check("data: .show queued ingestion operations (list form) reads every documented column", async () => {
    const quoted = JSON.stringify(operationId);
    const rows = rowsOf(await client.execute("SdkDb", `.show queued ingestion operations (${quoted}, "no;such;id")`));
    assert.equal(rows.length, 1);
    const r = rows[0];
    for (const c of ["IngestionOperationId", "StartedOn", "LastUpdatedOn", "State", "Discovered", "Pending", "Canceled", "Ingested", "Failed", "SampleFailedReasons", "Database", "Table"]) {
        assert.ok(c in r, `column ${c}`);
    }
    assert.equal(r.IngestionOperationId, operationId);
    assert.equal(r.Discovered, 30);
    assert.equal(r.Database, "SdkDb");
    assert.equal(r.Table, "SdkTable");
    assert.ok(r.StartedOn instanceof Date, "StartedOn is a datetime the SDK converts");
    assert.equal(r.Pending + r.Ingested + r.Failed + r.Canceled, 30);
});

await check("data: counts progress, details form, cancel -> Canceled", async () => {
    const quoted = JSON.stringify(operationId);
    let r;
    for (let i = 0; i < 100; i++) {
        r = rowsOf(await client.execute("SdkDb", `.show queued ingestion operations ${quoted}`))[0];
        if (r.Ingested + r.Failed >= 3) break;
        await sleep(100);
    }
    assert.ok(r.Ingested + r.Failed >= 3, JSON.stringify(r));
    assert.ok(r.Pending > 0, JSON.stringify(r));
    const details = rowsOf(await client.execute("SdkDb", `.show queued ingestion operations ${quoted} details`));
    assert.equal(details.length, 30);
    assert.ok(["IngestionOperationId", "BlobURL", "IngestionStatus", "StartedAt", "CompletedAt", "FailedReasons"].every((c) => c in details[0]));
    const cancel = rowsOf(await client.execute("SdkDb", `.cancel queued ingestion operation '${operationId.replace(/'/g, "\\'")}'`))[0];
    assert.equal(cancel.State, "Canceled");
    assert.ok(cancel.Canceled > 0);
    assert.equal(cancel.Pending + cancel.Ingested + cancel.Failed + cancel.Canceled, 30);
});

await check("data: errors come back as the SDK's errors (400 OneApi, 401)", async () => {
    await assert.rejects(client.execute("SdkDb", ".cancel queued ingestion operation 'no;such;op'"), (e) => {
        const text = `${e.message} ${JSON.stringify(e.response && e.response.data ? e.response.data : "")}`;
        assert.ok(/BadRequest_EntityNotFound|400/.test(text), text);
        return true;
    });
    const bad = new data.Client(data.KustoConnectionStringBuilder.withAccessToken(simUrl, "not-a-token"));
    await assert.rejects(bad.execute("SdkDb", ".get kusto identity token"), (e) => {
        assert.ok(/401/.test(`${e.message}`), `${e.message}`);
        return true;
    });
});

// --- queued ingest through the official client --------------------------------------------------
const ingestKcsb = data.KustoConnectionStringBuilder.withAccessToken(simUrl, token);
const ingestClient = new ingest.IngestClient(ingestKcsb, {
    database: "SdkDb",
    table: "SdkTable",
    format: ingest.DataFormat.CSV,
    reportLevel: ingest.ReportLevel.FailuresAndSuccesses,
    reportMethod: ingest.ReportMethod.QueueAndTable,
});
const statusQueues = new ingest.IngestStatusQueues(ingestClient);

let resources = null;
await check("ingest: resources from the simulator are SAS URIs the SDK's storage clients accept", async () => {
    resources = await ingestClient.resourceManager.refreshIngestClientResources();
    assert.ok(resources.valid());
    assert.ok(resources.securedReadyForAggregationQueues[0].uri.includes("sig="));
    assert.equal(resources.securedReadyForAggregationQueues[0].accountName, "devstoreaccount1");
    assert.equal(resources.containers[0].accountName, "devstoreaccount1");
    const ctx = await ingestClient.resourceManager.getAuthorizationContext();
    assert.equal(ctx, "sim-identity-token");
    // The report queues through the SDK's own StatusQueue (peek with the SAS).
    assert.equal(await statusQueues.success.isEmpty(), true);
});

const results = [];
await check("ingest: QueuedIngestClient.ingestFromBlob (FailuresAndSuccesses, QueueAndTable) x3", async () => {
    const container = resources.containers[0].uri;
    const [base, sas] = container.split("?");
    for (let i = 0; i < 3; i++) {
        const sourceId = crypto.randomUUID();
        const result = await ingestClient.ingestFromBlob(new ingest.BlobDescriptor(`${base}/sdk/${i}.csv?${sas}`, 100, sourceId));
        assert.ok(result instanceof TableReportIngestionResult, result.constructor.name);
        assert.equal(result.ingestionStatusInTableDescription.partitionKey, sourceId);
        results.push({ sourceId, result });
    }
});

await check("ingest: the SDK's own status TableClient cannot talk to an http emulator (documented limitation)", async () => {
    const { result } = results[0];
    await assert.rejects(result.getIngestionStatusCollection(), (e) => {
        assert.match(`${e.message}`, /allowInsecureConnection is false/);
        return true;
    });
});

const tableUri = () => new URL(resources.statusTables[0].uri);
await check("ingest: final status read by the SDK's TableReportIngestionResult (row the simulator wrote)", async () => {
    const u = tableUri();
    const tableName = u.pathname.split("/").filter(Boolean).pop();
    const account = u.pathname.split("/").filter(Boolean)[0];
    // Same class the SDK uses, same SAS, same table; only allowInsecureConnection (and the path-style
    // account segment the SDK's createStatusTableClient folds into the table name) differ.
    const http = new TableClient(`${u.origin}/${account}${u.search}`, tableName, { allowInsecureConnection: true });
    for (const { sourceId, result } of results) {
        const reader = new TableReportIngestionResult(result.ingestionStatusInTableDescription, http);
        let status;
        for (let i = 0; i < 100; i++) {
            try {
                status = await reader.getIngestionStatusCollection();
            } catch (e) {
                status = { Status: `error: ${e.message}` };
            }
            if (status.Status === ingest.OperationStatus.Succeede || status.Status === ingest.OperationStatus.Failed) break;
            await sleep(200);
        }
        assert.ok(["Succeeded", "Failed"].includes(status.Status), JSON.stringify(status));
        assert.equal(plain(status.IngestionSourceId), sourceId);
        assert.match(String(plain(status.OperationId)), /^[0-9a-f-]{36}$/);
        assert.equal(status.Database, "SdkDb");
        assert.equal(status.Table, "SdkTable");
        assert.match(status.IngestionSourcePath, /\/sdk\/\d\.csv$/);
        for (const f of ["OperationId", "ActivityId", "UpdatedOn", "ErrorCode", "FailureStatus"]) assert.ok(f in status, `field ${f}`);
        if (status.Status === "Failed") {
            assert.ok(status.ErrorCode && status.ErrorCode !== "Unknown", JSON.stringify(status));
            assert.ok(status.Details, JSON.stringify(status));
        }
        results.find((r) => r.sourceId === sourceId).final = status;
    }
});

await check("ingest: notifications read by the SDK's IngestStatusQueues with the service's fields", async () => {
    const want = new Map(results.map((r) => [r.sourceId, r.final ? r.final.Status : null]));
    // peek: the SDK's StatusQueue.peek(n) asks each queue for perQ = 1 message when there is one queue
    // (statusQ.js peek: `qServices.length > 1 ? ... : qServices.length`), so it sees the first message only.
    const first = (await statusQueues.success.peek(32)).concat(await statusQueues.failure.peek(32));
    assert.ok(first.length >= 1 && first.length <= 2, `peek gave ${first.length}`);
    // pop (receive + delete, one message per call for the same reason) reads them all; this test is the
    // only consumer of these queues.
    const seen = new Map();
    for (let i = 0; i < 100 && seen.size < want.size; i++) {
        let got = 0;
        for (const [kind, q] of [["Succeeded", statusQueues.success], ["Failed", statusQueues.failure]]) {
            for (const m of await q.pop(1)) {
                got++;
                if (want.has(m.IngestionSourceId)) seen.set(m.IngestionSourceId, { kind, m });
            }
        }
        if (got === 0) await sleep(200);
    }
    assert.equal(seen.size, want.size, `notifications for ${seen.size} of ${want.size} sources`);
    for (const [id, { kind, m }] of seen) {
        assert.equal(kind, want.get(id), `queue of ${id} matches its status row`);
        assert.equal(m.Database, "SdkDb");
        assert.equal(m.Table, "SdkTable");
        assert.ok(m.OperationId && m.RootActivityId && m.IngestionSourcePath, JSON.stringify(m));
        if (kind === "Succeeded") assert.ok(m.SucceededOn, JSON.stringify(m));
        else assert.ok(m.FailedOn && m.ErrorCode && m.FailureStatus && m.Details, JSON.stringify(m));
    }
    const kinds = [...seen.values()].map((s) => s.kind).sort().join(",");
    console.log(`  outcomes (seed 3, failure rate 0.5): ${kinds}`);
});

client.close();
ingestClient.close();
console.log(`${passes} passed, ${failures} failed in ${Date.now() - started} ms`);
process.exit(failures === 0 ? 0 : 1);
