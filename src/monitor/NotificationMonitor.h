#pragma once

#include "azure/StorageCredential.h"
#include "core/IngestionNotification.h"
#include "core/Result.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QPointer>

#include <chrono>
#include <optional>

class QTimer;

namespace iw {

class ArchiveReader;
class ArchiveWriter;
class FailureGroupModel;
class HttpPipeline;
class NotificationModel;
class QueueClient;

// Reads the report queues (every FailedIngestionsQueue and SuccessfulIngestionsQueue: there can be several
// of each) into a NotificationModel and a FailureGroupModel, and archives every message it sees.
//
// Peek (the default) is non-destructive: up to 32 messages per queue per request, the head of each queue
// only; the approximate message count of each queue is read alongside. Consume is an explicit operator
// choice (the queues are shared by every client of the cluster): messages are received with a visibility
// timeout, committed to the archive, and deleted by pop receipt only after the archive said `committed`;
// when the commit fails they reappear in the queue (at least once). A consume refresh keeps receiving
// (32 at a time: receive -> commit -> delete) until the queue is drained or the per-refresh bound is
// reached (5,000 messages or 10 s per queue by default); every step is asynchronous, the GUI never waits. A
// message that does not parse is kept as a Malformed row with its raw text, never dropped.
class NotificationMonitor : public QObject
{
    Q_OBJECT
public:
    enum class Mode { Peek, Consume };
    Q_ENUM(Mode)
    static constexpr int kIntervalFloorSecs = 5;
    static constexpr int kDeletesInFlight = 6; // deletes of a consumed batch sent at once

    struct QueueState
    {
        QString name;
        QString endpoint; // redacted
        IngestionNotification::Kind kind = IngestionNotification::Kind::Failure;
        qint64 approximateCount = -1; // -1: unknown
        int lastRead = 0; // messages peeked or received by the last refresh
        QDateTime lastRefreshed;
        QString lastError; // empty when the last refresh of this queue was fine
    };

    NotificationMonitor(NotificationModel *model, FailureGroupModel *groups, HttpPipeline *pipeline,
                        ArchiveWriter *writer, ArchiveReader *reader, QObject *parent = nullptr);
    ~NotificationMonitor() override;

    // The queues, as `.get ingestion resources` lists them (SAS URIs). Replaces the current set.
    Status setQueueUris(const QStringList &failedQueueUris, const QStringList &successQueueUris);
    // Or by hand: one storage account, queue names.
    void setQueues(const StorageServiceConfig &config, const QStringList &failedQueues,
                   const QStringList &successQueues);
    Status setQueuesFromConnectionString(const QString &connectionString, const QStringList &failedQueues,
                                         const QStringList &successQueues);
    QList<QueueState> queues() const;
    bool hasQueues() const { return !m_queues.isEmpty(); }

    void setMode(Mode mode); // Consume needs an archive: refused (stays Peek) without one
    Mode mode() const { return m_mode; }
    bool canConsume() const { return m_writer != nullptr; }
    void setVisibilityTimeout(int seconds) { m_visibilitySecs = std::max(seconds, 1); }
    // How much one consume refresh takes from each queue at most: messages, and time since it started
    // (the round running when the time is up still finishes).
    static constexpr int kDefaultConsumeMaxMessages = 5000;
    static constexpr std::chrono::milliseconds kDefaultConsumeMaxTime { 10000 };
    void setConsumeBound(int messages, std::chrono::milliseconds time)
    {
        m_consumeMaxMessages = std::max(messages, 1);
        m_consumeMaxTime = time;
    }

    void setInterval(int seconds); // 0 = off, else at least the floor
    int interval() const { return m_intervalSecs; }
    void refresh(); // ignored while one runs
    bool isRefreshing() const { return m_outstanding > 0; }
    // Shows what the archive already holds (newest first, up to `limit`), e.g. after a restart.
    void loadHistory(int limit = 50000);

    quint64 requestCount() const { return m_requests; }
    int lastRequests() const { return m_lastRequests; }
    qint64 consumedCount() const { return m_consumed; } // deleted from their queue after commit
    qint64 approximateTotal(IngestionNotification::Kind kind) const;

Q_SIGNALS:
    void refreshed(const QDateTime &when, bool ok);
    void errorOccurred(const iw::Error &error, const QString &context);
    void requestCountChanged();
    void queuesChanged(); // counts, errors, the set of queues
    void modeChanged(iw::NotificationMonitor::Mode mode);
    // Failures not seen before by this dashboard arrived (not from history): for the tray.
    void newFailures(int count, const QString &topErrorCode);
    void consumed(int deleted); // messages deleted after their batch was committed
    // A batch of messages (peeked or consumed) is committed to the archive: archive queries see it now.
    void archived(int messages);
    void historyLoaded(int rows);

private:
    struct Queue
    {
        QueueState state;
        QueueClient *client = nullptr;
    };
    void refreshQueue(int index);
    // One consume round of queue `index`: receive up to 32 -> commit -> delete; then the next round while
    // the queue gave a full batch and the bound allows it.
    void consumeRound(int index, quint64 generation, int readSoFar, qint64 startedMs);
    void merge(const QList<IngestionNotification> &notifications, bool fromHistory);
    void callDone(int index, const std::optional<Error> &error, const QString &context);
    void countRequest(int n = 1);
    void announceFresh();
    void clearQueues();

    QPointer<NotificationModel> m_model;
    QPointer<FailureGroupModel> m_groups;
    QPointer<HttpPipeline> m_pipeline;
    ArchiveWriter *m_writer;
    ArchiveReader *m_reader;
    QList<Queue> m_queues;
    QStringList m_uris; // as set by setQueueUris
    QList<IngestionNotification> m_fresh; // new failures of the running refresh: one signal per refresh
    QTimer *m_timer;
    Mode m_mode = Mode::Peek;
    int m_intervalSecs = 30;
    int m_visibilitySecs = 300;
    int m_consumeMaxMessages = kDefaultConsumeMaxMessages;
    std::chrono::milliseconds m_consumeMaxTime = kDefaultConsumeMaxTime;
    int m_outstanding = 0;
    bool m_refreshOk = true;
    quint64 m_requests = 0;
    quint64 m_requestsAtStart = 0;
    int m_lastRequests = 0;
    qint64 m_consumed = 0;
    quint64 m_generation = 0; // bumps when the queue set changes: late answers are dropped
};

} // namespace iw
