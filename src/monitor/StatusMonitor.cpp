#include "monitor/StatusMonitor.h"

#include "azure/HttpPipeline.h"
#include "azure/IncrementalTableQuery.h"
#include "azure/TableClient.h"
#include "core/BackgroundThread.h"
#include "core/ConnectionString.h"
#include "core/Redaction.h"
#include "core/StorageUri.h"
#include "core/TableEntityStatus.h"
#include "models/IngestionStatusModel.h"

#include <QElapsedTimer>
#include <QLocale>
#include <QThreadPool>
#include <QTimer>

#include <algorithm>

namespace iw {

StatusMonitor::StatusMonitor(IngestionStatusModel *model, HttpPipeline *pipeline, QObject *parent)
    : QObject(parent), m_model(model), m_pipeline(pipeline), m_timer(new QTimer(this)),
      m_mergeTimer(new QTimer(this)), m_convertPool(new QThreadPool(this))
{
    m_convertPool->setMaxThreadCount(1);
    m_convertPool->setExpiryTimeout(10000);
    m_timer->setInterval(m_intervalSecs * 1000);
    connect(m_timer, &QTimer::timeout, this, &StatusMonitor::refresh);
    m_mergeTimer->setSingleShot(true);
    m_mergeTimer->setInterval(0); // the next event-loop turn
    connect(m_mergeTimer, &QTimer::timeout, this, &StatusMonitor::mergeWaiting);
}

StatusMonitor::~StatusMonitor()
{
    if (m_query)
        m_query->cancel();
    // A page still on the worker posts its rows to this object: wait for it (the event is then dropped).
    m_convertPool->clear();
    m_convertPool->waitForDone();
}

void StatusMonitor::setTable(const StorageServiceConfig &config, const QString &table, bool keepRows)
{
    if (m_query) {
        m_query->cancel();
        delete m_query;
        m_query = nullptr;
    }
    delete m_client;
    m_client = nullptr;
    if (!keepRows) {
        ++m_generation;
        m_rowsConverting = 0;
        m_waiting.clear();
        m_waitingPos = 0;
        m_finishWaiting.reset();
    }
    if (!keepRows && m_model && m_model->rowCount() > 0)
        m_model->clear();
    m_uri.clear();
    m_table = table;
    m_endpoint = config.endpoint;
    m_client = new TableClient(m_pipeline, config, this);
    if (config.credential.kind() == StorageCredential::Kind::SharedKey)
        m_client->setScheme(StorageCredential::TableScheme::SharedKey);
    m_query = new IncrementalTableQuery(m_client, table, this);
    m_query->setOverlap(m_overlap);
    connect(m_query, &IncrementalTableQuery::rowsChanged, this, &StatusMonitor::onRows);
    connect(m_query, &IncrementalTableQuery::refreshFinished, this, &StatusMonitor::onFinished);
    connect(m_query, &IncrementalTableQuery::refreshFailed, this,
            [this](const Error &e) { m_lastError = e; });
    if (!keepRows)
        setKnowledge(Knowledge::Unknown);
    if (m_intervalSecs > 0 && !m_timer->isActive())
        m_timer->start();
}

Status StatusMonitor::setTableUri(const QString &sasUri)
{
    const QString text = sasUri.trimmed();
    if (m_query && text == m_uri)
        return Unit {};
    auto uri = StorageUri::parse(text);
    if (!uri)
        return uri.error();
    if (uri->resourceName.isEmpty())
        return Error::make(Error::Kind::Usage, tr("The URL names no table: %1").arg(redact(sasUri)));
    const StorageServiceConfig config = StorageServiceConfig::fromStorageUri(uri.value());
    if (m_query && m_client && uri->endpoint == m_endpoint && uri->resourceName == m_table) {
        // Only the credential changed (re-discovery hands out a fresh SAS every hour): keep the query, its
        // watermark and the rows; the next refresh stays incremental.
        m_client->setCredential(config.credential);
        m_uri = text;
        return Unit {};
    }
    setTable(config, uri->resourceName);
    m_uri = text;
    return Unit {};
}

Status StatusMonitor::setTableFromConnectionString(const QString &connectionString, const QString &table)
{
    auto cs = ConnectionString::parse(connectionString);
    if (!cs)
        return cs.error();
    auto config = StorageServiceConfig::tableFromConnectionString(cs.value());
    if (!config)
        return config.error();
    if (table.trimmed().isEmpty())
        return Error::make(Error::Kind::Usage, tr("Name the status table."));
    setTable(config.value(), table.trimmed());
    return Unit {};
}

QString StatusMonitor::tableDescription() const
{
    if (!m_query)
        return tr("No status table");
    return redact(m_endpoint.toString(QUrl::RemoveQuery)) + QLatin1Char('/') + m_table;
}

void StatusMonitor::setInterval(int seconds)
{
    m_intervalSecs = seconds <= 0 ? 0 : std::max(seconds, kIntervalFloorSecs);
    if (m_intervalSecs == 0) {
        m_timer->stop();
        return;
    }
    m_timer->setInterval(m_intervalSecs * 1000);
    if (m_query)
        m_timer->start();
}

void StatusMonitor::setOverlap(std::chrono::milliseconds overlap)
{
    m_overlap = overlap;
    if (m_query)
        m_query->setOverlap(overlap);
}

bool StatusMonitor::isRefreshing() const
{
    return (m_query && m_query->isRunning()) || rowsWaiting() > 0 || m_finishWaiting.has_value();
}

void StatusMonitor::cancel()
{
    if (m_query)
        m_query->cancel();
}

QString StatusMonitor::lastFilter() const
{
    return m_query ? m_query->lastFilter() : QString();
}

void StatusMonitor::refresh()
{
    if (!m_query || isRefreshing())
        return;
    m_fullRead = !m_query->watermark().isValid();
    m_rowsRead = 0;
    m_lastError.reset();
    Q_EMIT refreshStarted();
    m_query->refresh();
}

void StatusMonitor::onRows(const QList<TableEntity> &rows)
{
    if (rows.isEmpty())
        return;
    m_rowsConverting += rows.size();
    const quint64 generation = m_generation;
    // Reading 1,000 entities as statuses, and freeing them, took ~40% of the GUI time of a merge.
    m_convertPool->start([this, generation, rows = rows]() mutable {
        makeCurrentThreadBackground();
        QList<IngestionStatus> statuses;
        statuses.reserve(rows.size());
        int bad = 0;
        for (const TableEntity &e : std::as_const(rows)) {
            auto s = TableEntityStatus::toIngestionStatus(e);
            if (s)
                statuses.append(std::move(s.value()));
            else
                ++bad;
        }
        const qsizetype entities = rows.size();
        // Usually the last copy by now (the page's delivery has returned): freed here, not on the GUI thread.
        rows = {};
        // The destructor waits for this pool, so `this` is alive here.
        QMetaObject::invokeMethod(
            this,
            [this, generation, statuses = std::move(statuses), entities, bad]() mutable {
                onConverted(generation, std::move(statuses), entities, bad);
            },
            Qt::QueuedConnection);
    });
}

void StatusMonitor::onConverted(quint64 generation, QList<IngestionStatus> rows, qsizetype entities, int bad)
{
    if (generation != m_generation)
        return; // read for a table that has been replaced since
    m_rowsConverting -= entities;
    m_badRows += bad;
    m_rowsRead += bad; // read, though never merged
    m_waiting.append(std::move(rows)); // mergeWaiting() empties it whenever it has merged everything
    scheduleMerge();
}

void StatusMonitor::scheduleMerge()
{
    if (!m_mergeTimer->isActive())
        m_mergeTimer->start();
}

void StatusMonitor::mergeWaiting()
{
    QElapsedTimer clock;
    clock.start();
    constexpr qint64 budgetNs = qint64(kSliceBudgetMs) * 1000000;
    qint64 lastStepNs = 0;
    qint64 merged = 0;
    QList<IngestionStatus> slice;
    // Another step only when the last one still fits in the budget: a step costs more as the view grows.
    while (rowsReady() > 0 && clock.nsecsElapsed() + lastStepNs < budgetNs) {
        const qint64 stepStart = clock.nsecsElapsed();
        const qsizetype n = std::min<qsizetype>(kSliceStepRows, rowsReady());
        slice.clear(); // frees the last step's rows inside this step's time
        slice.reserve(n);
        for (qsizetype i = m_waitingPos; i < m_waitingPos + n; ++i)
            slice.append(std::move(m_waiting[i]));
        m_waitingPos += n;
        merged += n;
        if (m_model)
            m_model->upsert(slice);
        lastStepNs = clock.nsecsElapsed() - stepStart;
    }
    if (rowsReady() == 0) {
        m_waiting.clear(); // only moved-from rows
        m_waitingPos = 0;
    }
    if (merged > 0) {
        m_rowsRead += merged;
        if (m_fullRead && m_knowledge != Knowledge::Complete)
            setKnowledge(Knowledge::Partial);
        Q_EMIT progress(m_rowsRead);
    }
    if (rowsReady() > 0) {
        scheduleMerge();
        return;
    }
    if (m_rowsConverting > 0)
        return; // onConverted() schedules the next slice
    if (m_finishWaiting) {
        const bool ok = *m_finishWaiting;
        m_finishWaiting.reset();
        finish(ok);
    }
}

void StatusMonitor::onFinished(bool ok)
{
    if (rowsWaiting() > 0) {
        m_finishWaiting = ok; // refreshed() only once every row read is in the model
        return; // the last slice finishes
    }
    finish(ok);
}

void StatusMonitor::finish(bool ok)
{
    ++m_refreshes;
    m_lastRequests = m_query ? m_query->lastRequests() : 0;
    m_requests += static_cast<quint64>(m_lastRequests);
    m_lastRefreshed = QDateTime::currentDateTimeUtc();
    Q_EMIT requestCountChanged();
    if (ok) {
        if (m_fullRead || m_knowledge == Knowledge::Unknown)
            setKnowledge(Knowledge::Complete);
    } else {
        if (m_fullRead && m_rowsRead > 0)
            setKnowledge(Knowledge::Partial);
        const Error e = m_lastError.value_or(Error::make(Error::Kind::Network, tr("The refresh failed.")));
        if (e.kind != Error::Kind::Canceled)
            Q_EMIT errorOccurred(e, tr("Reading the status table %1").arg(tableDescription()));
    }
    Q_EMIT refreshed(m_lastRefreshed, ok);
}

void StatusMonitor::setKnowledge(Knowledge k)
{
    if (k == m_knowledge)
        return;
    m_knowledge = k;
    Q_EMIT knowledgeChanged(k);
}

QString StatusMonitor::toString(Knowledge k)
{
    switch (k) {
    case Knowledge::Unknown:
        return tr("Unknown");
    case Knowledge::Partial:
        return tr("Partial");
    case Knowledge::Complete:
        return tr("Complete");
    }
    return {};
}

QString StatusMonitor::knowledgeText() const
{
    const QString rows = QLocale().toString(m_model ? m_model->rowCount() : 0);
    switch (m_knowledge) {
    case Knowledge::Unknown:
        return isRefreshing() ? tr("Unknown: loading the status table…") : tr("Unknown: not read yet");
    case Knowledge::Partial:
        return isRefreshing() ? tr("Partial: %1 rows so far, still loading").arg(rows)
                              : tr("Partial: %1 rows (the first load did not finish)").arg(rows);
    case Knowledge::Complete:
        return tr("Complete: %1 rows").arg(rows);
    }
    return {};
}

} // namespace iw
