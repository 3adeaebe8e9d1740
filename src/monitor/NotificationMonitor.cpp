#include "monitor/NotificationMonitor.h"

#include "azure/HttpPipeline.h"
#include "azure/QueueClient.h"
#include "core/ConnectionString.h"
#include "core/Redaction.h"
#include "core/StorageUri.h"
#include "models/FailureGroupModel.h"
#include "models/NotificationModel.h"
#include "store/ArchiveReader.h"
#include "store/ArchiveWriter.h"

#include <QHash>
#include <QTimer>

#include <algorithm>
#include <utility>

namespace iw {

using Kind = IngestionNotification::Kind;

NotificationMonitor::NotificationMonitor(NotificationModel *model, FailureGroupModel *groups,
                                         HttpPipeline *pipeline, ArchiveWriter *writer, ArchiveReader *reader,
                                         QObject *parent)
    : QObject(parent), m_model(model), m_groups(groups), m_pipeline(pipeline), m_writer(writer),
      m_reader(reader), m_timer(new QTimer(this))
{
    m_timer->setInterval(m_intervalSecs * 1000);
    connect(m_timer, &QTimer::timeout, this, &NotificationMonitor::refresh);
}

NotificationMonitor::~NotificationMonitor() = default;

void NotificationMonitor::clearQueues()
{
    ++m_generation;
    for (Queue &q : m_queues)
        delete q.client;
    m_queues.clear();
    m_outstanding = 0;
}

Status NotificationMonitor::setQueueUris(const QStringList &failedQueueUris,
                                         const QStringList &successQueueUris)
{
    const QStringList uris = failedQueueUris + QStringList { QStringLiteral("--") } + successQueueUris;
    if (!m_queues.isEmpty() && uris == m_uris)
        return Unit {};
    QList<Queue> queues;
    auto add = [&](const QString &text, Kind kind) -> Status {
        auto uri = StorageUri::parse(text.trimmed());
        if (!uri)
            return uri.error();
        if (uri->resourceName.isEmpty())
            return Error::make(Error::Kind::Usage, tr("The URL names no queue: %1").arg(redact(text)));
        Queue q;
        q.state.name = uri->resourceName;
        q.state.endpoint = redact(uri->endpoint.toString(QUrl::RemoveQuery));
        q.state.kind = kind;
        q.client = new QueueClient(m_pipeline, StorageServiceConfig::fromStorageUri(uri.value()), this);
        queues.append(q);
        return Unit {};
    };
    for (const QString &u : failedQueueUris) {
        Status s = add(u, Kind::Failure);
        if (!s) {
            for (Queue &q : queues)
                delete q.client;
            return s;
        }
    }
    for (const QString &u : successQueueUris) {
        Status s = add(u, Kind::Success);
        if (!s) {
            for (Queue &q : queues)
                delete q.client;
            return s;
        }
    }
    clearQueues();
    m_queues = queues;
    m_uris = uris;
    if (m_intervalSecs > 0)
        m_timer->start();
    Q_EMIT queuesChanged();
    return Unit {};
}

void NotificationMonitor::setQueues(const StorageServiceConfig &config, const QStringList &failedQueues,
                                    const QStringList &successQueues)
{
    clearQueues();
    m_uris.clear();
    auto add = [&](const QString &name, Kind kind) {
        Queue q;
        q.state.name = name;
        q.state.endpoint = redact(config.endpoint.toString(QUrl::RemoveQuery));
        q.state.kind = kind;
        q.client = new QueueClient(m_pipeline, config, this);
        m_queues.append(q);
    };
    for (const QString &n : failedQueues)
        add(n, Kind::Failure);
    for (const QString &n : successQueues)
        add(n, Kind::Success);
    if (m_intervalSecs > 0)
        m_timer->start();
    Q_EMIT queuesChanged();
}

Status NotificationMonitor::setQueuesFromConnectionString(const QString &connectionString,
                                                          const QStringList &failedQueues,
                                                          const QStringList &successQueues)
{
    auto cs = ConnectionString::parse(connectionString);
    if (!cs)
        return cs.error();
    auto config = StorageServiceConfig::queueFromConnectionString(cs.value());
    if (!config)
        return config.error();
    setQueues(config.value(), failedQueues, successQueues);
    return Unit {};
}

QList<NotificationMonitor::QueueState> NotificationMonitor::queues() const
{
    QList<QueueState> out;
    for (const Queue &q : m_queues)
        out << q.state;
    return out;
}

qint64 NotificationMonitor::approximateTotal(Kind kind) const
{
    qint64 total = 0;
    bool known = false;
    for (const Queue &q : m_queues) {
        if (q.state.kind == kind && q.state.approximateCount >= 0) {
            total += q.state.approximateCount;
            known = true;
        }
    }
    return known ? total : -1;
}

void NotificationMonitor::setMode(Mode mode)
{
    if (mode == Mode::Consume && !m_writer)
        mode = Mode::Peek;
    if (mode == m_mode)
        return;
    m_mode = mode;
    Q_EMIT modeChanged(mode);
}

void NotificationMonitor::setInterval(int seconds)
{
    m_intervalSecs = seconds <= 0 ? 0 : std::max(seconds, kIntervalFloorSecs);
    if (m_intervalSecs == 0) {
        m_timer->stop();
        return;
    }
    m_timer->setInterval(m_intervalSecs * 1000);
    if (!m_queues.isEmpty())
        m_timer->start();
}

void NotificationMonitor::countRequest(int n)
{
    m_requests += static_cast<quint64>(n);
    Q_EMIT requestCountChanged();
}

void NotificationMonitor::refresh()
{
    if (m_outstanding > 0 || m_queues.isEmpty())
        return;
    m_refreshOk = true;
    m_requestsAtStart = m_requests;
    // Two calls per queue: the approximate count and the peek/receive.
    m_outstanding = static_cast<int>(m_queues.size()) * 2;
    for (int i = 0; i < m_queues.size(); ++i)
        refreshQueue(i);
}

void NotificationMonitor::callDone(int index, const std::optional<Error> &error, const QString &context)
{
    if (index >= 0 && index < m_queues.size()) {
        QueueState &s = m_queues[index].state;
        s.lastRefreshed = QDateTime::currentDateTimeUtc();
        if (error)
            s.lastError = error->toString();
    }
    if (error && error->kind != Error::Kind::Canceled) {
        m_refreshOk = false;
        Q_EMIT errorOccurred(*error, context);
    }
    if (--m_outstanding == 0) {
        m_lastRequests = static_cast<int>(m_requests - m_requestsAtStart);
        announceFresh();
        Q_EMIT queuesChanged();
        Q_EMIT refreshed(QDateTime::currentDateTimeUtc(), m_refreshOk);
    }
}

void NotificationMonitor::refreshQueue(int index)
{
    Queue &q = m_queues[index];
    q.state.lastError.clear();
    const quint64 generation = m_generation;
    const QString name = q.state.name;
    const Kind kind = q.state.kind;
    auto stale = [this, generation] {
        return generation != m_generation;
    };

    countRequest();
    q.client->approximateMessageCount(name, this, [this, index, name, stale](Result<qint64> r) {
        if (stale())
            return;
        if (r)
            m_queues[index].state.approximateCount = r.value();
        callDone(index, r ? std::nullopt : std::optional<Error>(r.error()),
                 tr("Counting the messages of queue %1").arg(name));
    });

    countRequest();
    if (m_mode == Mode::Peek) {
        q.client->peekNotifications(
            name, kind, QueueClient::kMaxMessagesPerRequest, this,
            [this, index, name, stale](Result<QList<IngestionNotification>> r) {
                if (stale())
                    return;
                if (r) {
                    m_queues[index].state.lastRead = static_cast<int>(r->size());
                    merge(r.value(), false);
                    if (m_writer && !r->isEmpty()) {
                        ArchiveBatch batch;
                        const QDateTime now = QDateTime::currentDateTimeUtc();
                        for (const IngestionNotification &n : r.value())
                            batch.notifications.append({ n, NotificationOrigin::Peeked, now });
                        QPointer<NotificationMonitor> self(this);
                        const int n = static_cast<int>(batch.notifications.size());
                        m_writer->submit(
                            std::move(batch), [self, name, n](const Result<ArchiveBatchSummary> &s) {
                                if (self && !s)
                                    Q_EMIT self->errorOccurred(
                                        s.error(), tr("Archiving the messages of queue %1").arg(name));
                                else if (self)
                                    Q_EMIT self->archived(n);
                            });
                    }
                }
                callDone(index, r ? std::nullopt : std::optional<Error>(r.error()),
                         tr("Peeking queue %1").arg(name));
            });
        return;
    }

    // Consume: receive -> commit to the archive -> delete by pop receipt after `committed`, repeated.
    consumeRound(index, generation, 0, QDateTime::currentMSecsSinceEpoch());
}

void NotificationMonitor::consumeRound(int index, quint64 generation, int readSoFar, qint64 startedMs)
{
    if (generation != m_generation)
        return;
    const QString name = m_queues[index].state.name;
    const Kind kind = m_queues[index].state.kind;
    const int want = std::min<int>(QueueClient::kMaxMessagesPerRequest, m_consumeMaxMessages - readSoFar);
    if (readSoFar > 0)
        countRequest(); // the first receive was counted with the refresh
    m_queues[index].client->receiveNotifications(
        name, kind, want, m_visibilitySecs, this,
        [this, index, name, generation, readSoFar, startedMs,
         want](Result<QList<QueueClient::ReceivedNotification>> r) {
            if (generation != m_generation)
                return;
            if (!r || r->isEmpty() || !m_writer) {
                if (r)
                    m_queues[index].state.lastRead = readSoFar;
                callDone(index, r ? std::nullopt : std::optional<Error>(r.error()),
                         tr("Receiving from queue %1").arg(name));
                return;
            }
            const QList<QueueClient::ReceivedNotification> received = r.value();
            const int read = readSoFar + static_cast<int>(received.size());
            m_queues[index].state.lastRead = read;
            QList<IngestionNotification> notes;
            ArchiveBatch batch;
            const QDateTime now = QDateTime::currentDateTimeUtc();
            for (const auto &rn : received) {
                notes << rn.notification;
                batch.notifications.append({ rn.notification, NotificationOrigin::Consumed, now });
            }
            merge(notes, false);
            // Another round when the queue filled this one and the bound allows it.
            const bool more = received.size() >= want && read < m_consumeMaxMessages
                && QDateTime::currentMSecsSinceEpoch() - startedMs < qint64(m_consumeMaxTime.count());
            QPointer<NotificationMonitor> self(this);
            m_writer->submit(
                std::move(batch),
                [self, index, name, received, generation, read, startedMs,
                 more](const Result<ArchiveBatchSummary> &s) {
                    if (!self)
                        return;
                    if (self->m_generation != generation) {
                        // The queue set changed: the messages reappear after their visibility timeout.
                        return;
                    }
                    if (!s) {
                        Q_EMIT self->errorOccurred(
                            s.error(),
                            tr("Archiving consumed messages of queue %1 (they stay in the queue)").arg(name));
                        self->callDone(index, std::nullopt, QString());
                        return;
                    }
                    Q_EMIT self->archived(static_cast<int>(received.size()));
                    // Committed: now, and only now, delete them from the queue. At most kDeletesInFlight
                    // at a time: QNAM opens 6 connections a host and queues the rest, and a queued request's
                    // timeout runs while it waits, so 32 at once timed out against a slow service
                    // (BenchNotifications, loaded Azurite: 14 of 2,000 deletes after 30 s, twice).
                    struct Deletes
                    {
                        QList<QueueClient::ReceivedNotification> received;
                        qsizetype next = 0;
                        int remaining = 0;
                        int deleted = 0;
                        std::function<void()> pump;
                    };
                    auto d = std::make_shared<Deletes>();
                    d->received = received;
                    d->remaining = static_cast<int>(received.size());
                    QueueClient *client = self->m_queues[index].client;
                    std::weak_ptr<Deletes> weak = d;
                    d->pump = [self, client, weak, index, name, generation, read, startedMs, more] {
                        auto d = weak.lock();
                        if (!d || !self || self->m_generation != generation || d->next >= d->received.size())
                            return;
                        const auto &rn = d->received.at(d->next++);
                        self->countRequest();
                        client->deleteMessage(
                            name, rn.notification.messageId, rn.popReceipt, self,
                            [self, d, index, name, generation, read, startedMs, more](Status st) {
                                if (!self || self->m_generation != generation)
                                    return;
                                // 404 MessageNotFound: already gone, typically because the answer to
                                // our first delete was lost and the retry found nothing. The message is
                                // archived and no longer in the queue, which is all a delete is for.
                                if (st
                                    || (st.error().kind == Error::Kind::NotFound
                                        && st.error().code == QLatin1String("MessageNotFound")))
                                    ++d->deleted;
                                else if (st.error().kind != Error::Kind::Canceled)
                                    Q_EMIT self->errorOccurred(
                                        st.error(),
                                        tr("Deleting a consumed message from queue %1").arg(name));
                                if (--d->remaining > 0) {
                                    d->pump();
                                    return;
                                }
                                self->m_consumed += d->deleted;
                                Q_EMIT self->consumed(d->deleted);
                                auto keep = d; // the last callback ends the chain
                                d->pump = nullptr;
                                if (more)
                                    self->consumeRound(index, generation, read, startedMs);
                                else
                                    self->callDone(index, std::nullopt, QString());
                            });
                    };
                    for (int i = 0; i < kDeletesInFlight; ++i)
                        d->pump();
                });
        });
}

void NotificationMonitor::merge(const QList<IngestionNotification> &notifications, bool fromHistory)
{
    if (!m_model)
        return;
    QList<IngestionNotification> fresh;
    for (const IngestionNotification &n : notifications) {
        if (n.kind == Kind::Failure && m_model->rowForKey(n.dedupKey()) < 0)
            fresh << n;
    }
    m_model->upsert(notifications);
    if (m_groups)
        m_groups->addNotifications(notifications);
    if (fromHistory || fresh.isEmpty())
        return;
    m_fresh += fresh;
    if (m_outstanding == 0)
        announceFresh();
}

void NotificationMonitor::announceFresh()
{
    if (m_fresh.isEmpty())
        return;
    const QList<IngestionNotification> fresh = std::exchange(m_fresh, {});
    QHash<QString, int> byCode;
    for (const IngestionNotification &n : fresh)
        ++byCode[n.errorCode];
    QString top;
    int best = -1;
    for (auto it = byCode.cbegin(); it != byCode.cend(); ++it) {
        if (it.value() > best || (it.value() == best && it.key() < top)) {
            best = it.value();
            top = it.key();
        }
    }
    Q_EMIT newFailures(static_cast<int>(fresh.size()), top);
}

void NotificationMonitor::loadHistory(int limit)
{
    if (!m_reader)
        return;
    NotificationQuery q;
    q.limit = limit;
    QPointer<NotificationMonitor> self(this);
    m_reader->notifications(q, [self](const Result<QList<NotificationRecord>> &r) {
        if (!self)
            return;
        if (!r) {
            Q_EMIT self->errorOccurred(r.error(), tr("Reading the notification history from the archive"));
            return;
        }
        QList<IngestionNotification> notes;
        notes.reserve(r->size());
        for (auto it = r->crbegin(); it != r->crend(); ++it) // oldest first
            notes << it->notification;
        self->merge(notes, true);
        Q_EMIT self->historyLoaded(static_cast<int>(notes.size()));
    });
}

} // namespace iw
