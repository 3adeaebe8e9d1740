#pragma once

#include "azure/StorageCredential.h"
#include "core/IngestionStatus.h"
#include "core/Result.h"
#include "core/TableEntity.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>

#include <chrono>
#include <optional>

class QThreadPool;
class QTimer;

namespace iw {

class HttpPipeline;
class IncrementalTableQuery;
class IngestionStatusModel;
class TableClient;

// Keeps an IngestionStatusModel up to date from the Azure status table (IngestionsStatusTable).
//
// The first refresh pages through the whole table in the background, each page upserted into the model as
// it arrives (knowledge Partial); once a full read has finished the model is Complete, and every later
// refresh is an incremental query (IncrementalTableQuery: only rows whose Timestamp moved), never one
// point read per source. A failed refresh is reported (errorOccurred) and retried on the next tick; the
// pipeline already retried what could be retried. The table comes from `.get ingestion resources`
// (setTableUri with its SAS URI) or is set by hand (a SAS URL or a connection string + table name).
// Each page's entities are read as IngestionStatus rows on a worker thread (and freed there), then merged
// into the model in slices of at most kSliceBudgetMs of GUI time per event-loop turn (a 1,000-row page in
// one go cost 16 ms, up to 110 ms, of GUI time); refreshed() comes after the last slice.
class StatusMonitor : public QObject
{
    Q_OBJECT
public:
    enum class Knowledge { Unknown, Partial, Complete };
    Q_ENUM(Knowledge)
    static constexpr int kIntervalFloorSecs = 5;
    static constexpr int kSliceBudgetMs = 4; // GUI time per event-loop turn spent merging rows
    static constexpr int kSliceStepRows = 64; // rows merged between two looks at the clock

    StatusMonitor(IngestionStatusModel *model, HttpPipeline *pipeline, QObject *parent = nullptr);
    ~StatusMonitor() override;

    // The table to watch. Another table clears the model; `keepRows` keeps it (same table, new credential).
    void setTable(const StorageServiceConfig &config, const QString &table, bool keepRows = false);
    // https://acct.table.core.windows.net/table?sv=..&sig=.. The same URI again changes nothing; a new SAS
    // for the same table (same endpoint and name) only replaces the credential: rows, knowledge and the
    // incremental watermark stay, so the next refresh is still one incremental query.
    Status setTableUri(const QString &sasUri);
    Status setTableFromConnectionString(const QString &connectionString, const QString &table);
    bool hasTable() const { return m_query != nullptr; }
    QString tableName() const { return m_table; }
    QString tableDescription() const; // endpoint/table, redacted

    void setInterval(int seconds); // 0 = off, else at least the floor
    // How far back each incremental query looks before the newest Timestamp seen (clock skew between the
    // service's front ends; default 2 minutes). Rows inside it come back but are only merged when changed.
    void setOverlap(std::chrono::milliseconds overlap);
    int interval() const { return m_intervalSecs; }

    void refresh(); // ignored while one runs (or its rows are still being merged)
    bool isRefreshing() const;
    // Read, not merged yet (being converted on the worker, or waiting for a slice).
    qsizetype rowsWaiting() const { return m_rowsConverting + rowsReady(); }
    void cancel();

    Knowledge knowledge() const { return m_knowledge; }
    static QString toString(Knowledge k);
    QString knowledgeText() const; // "Complete: 1,234 rows", "Partial: 500 rows so far", ...
    qint64 rowsRead() const { return m_rowsRead; } // this refresh so far
    int lastRequests() const { return m_lastRequests; } // requests of the last finished refresh
    quint64 requestCount() const { return m_requests; } // all refreshes
    int refreshCount() const { return m_refreshes; }
    int badRows() const { return m_badRows; } // entities that could not be read as an IngestionStatus
    QDateTime lastRefreshed() const { return m_lastRefreshed; }
    QString lastFilter() const;

Q_SIGNALS:
    void knowledgeChanged(iw::StatusMonitor::Knowledge knowledge);
    void progress(qint64 rowsRead);
    void refreshStarted();
    void refreshed(const QDateTime &when, bool ok);
    void errorOccurred(const iw::Error &error, const QString &context);
    void requestCountChanged();

private:
    void onRows(const QList<iw::TableEntity> &rows);
    void onConverted(quint64 generation, QList<iw::IngestionStatus> rows, qsizetype entities, int bad);
    void onFinished(bool ok);
    void mergeWaiting();
    qsizetype rowsReady() const { return m_waiting.size() - m_waitingPos; } // converted, not merged yet
    void scheduleMerge();
    void finish(bool ok);
    void setKnowledge(Knowledge k);

    QPointer<IngestionStatusModel> m_model;
    QPointer<HttpPipeline> m_pipeline;
    TableClient *m_client = nullptr;
    IncrementalTableQuery *m_query = nullptr;
    QString m_table;
    QUrl m_endpoint;
    QString m_uri; // as set by setTableUri
    QTimer *m_timer;
    QTimer *m_mergeTimer; // single shot: the next slice of waiting rows
    int m_intervalSecs = 30;
    std::chrono::milliseconds m_overlap { 120000 };
    Knowledge m_knowledge = Knowledge::Unknown;
    bool m_fullRead = false; // the running refresh reads the whole table
    qint64 m_rowsRead = 0;
    int m_lastRequests = 0;
    quint64 m_requests = 0;
    int m_refreshes = 0;
    int m_badRows = 0;
    QDateTime m_lastRefreshed;
    std::optional<Error> m_lastError;
    QThreadPool *m_convertPool; // one thread: pages come back in the order they were read
    quint64 m_generation = 0; // bumped when the rows of another table replace these: older pages are dropped
    qsizetype m_rowsConverting = 0; // entities of the pages on the worker (pages are never empty)
    QList<IngestionStatus> m_waiting; // rows read, merged from m_waitingPos on (merged ones are moved out)
    qsizetype m_waitingPos = 0;
    std::optional<bool> m_finishWaiting; // the query finished (ok?) while rows were still waiting
};

} // namespace iw
