#pragma once

// An in-process OperationBackend for tests: operations held in a map, answers delivered asynchronously (as
// the network does), failures injectable. Header-only so only tests that link ingestwatch_monitor use it.

#include "monitor/OperationBackend.h"

#include <QHash>
#include <QTimer>

#include <optional>
#include <utility>

namespace iw::test {

// An in-process backend: operations held in a map, answers delivered asynchronously (as the network does).
class FakeOperationBackend : public OperationBackend
{
public:
    using OperationBackend::OperationBackend;

    QHash<QString, QueuedOperation> ops;
    QList<QStringList> showCalls;
    QStringList cancelCalls;
    QStringList detailsCalls;
    std::optional<Error> failNext;
    int cancelDelayMs = 0;
    quint64 requests = 0;

    void show(const QStringList &ids, ShowDone done) override
    {
        ++requests;
        showCalls << ids;
        auto err = std::exchange(failNext, std::nullopt);
        QList<QueuedOperation> rows;
        for (const QString &id : ids)
            if (ops.contains(id))
                rows << ops.value(id);
        QTimer::singleShot(0, this, [done, rows, err] {
            if (err)
                done(*err);
            else
                done(rows);
        });
    }
    void details(const QString &id, DetailsDone done) override
    {
        ++requests;
        detailsCalls << id;
        BlobDetail d;
        d.ingestionOperationId = id;
        d.blobUrl = QStringLiteral("https://a.blob.core.windows.net/c/1.csv?sig=secret");
        d.ingestionStatus = QStringLiteral("Succeeded");
        QTimer::singleShot(0, this, [done, d] { done(QList<BlobDetail> { d }); });
    }
    void cancel(const QString &id, CancelDone done) override
    {
        ++requests;
        cancelCalls << id;
        auto err = std::exchange(failNext, std::nullopt);
        QTimer::singleShot(cancelDelayMs, this, [this, id, done, err] {
            if (err) {
                done(*err);
                return;
            }
            QueuedOperation &op = ops[id];
            const qint64 inFlight = std::min<qint64>(op.pending, 2);
            op.canceled += op.pending - inFlight;
            op.pending = inFlight;
            op.state = OperationState::Canceled;
            done(op);
        });
    }
    void submit(const SubmitIngestionRequest &request, SubmitDone done) override
    {
        ++requests;
        QueuedOperation op;
        op.ingestionOperationId = QStringLiteral("1;1;new-%1").arg(ops.size());
        op.database = request.database;
        op.table = request.table;
        op.discovered = op.pending = request.blobUrls.size();
        ops.insert(op.ingestionOperationId, op);
        QueuedIngestionSubmission s;
        s.ingestionOperationId = op.ingestionOperationId;
        QTimer::singleShot(0, this, [done, s] { done(s); });
    }
    quint64 requestCount() const override { return requests; }

    QueuedOperation &add(const QString &id, qint64 discovered)
    {
        QueuedOperation op;
        op.ingestionOperationId = id;
        op.database = QStringLiteral("Db");
        op.table = QStringLiteral("T");
        op.discovered = op.pending = discovered;
        op.startedOn = QDateTime::currentDateTimeUtc();
        ops.insert(id, op);
        return ops[id];
    }
};

} // namespace iw::test