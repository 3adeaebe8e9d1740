#include "azure/IncrementalTableQuery.h"

namespace iw {

IncrementalTableQuery::IncrementalTableQuery(TableClient *client, QString table, QObject *parent)
    : QObject(parent), m_client(client), m_table(std::move(table))
{ }

void IncrementalTableQuery::reset()
{
    cancel();
    m_watermark = {};
    m_recent.clear();
}

void IncrementalTableQuery::cancel()
{
    if (m_job) {
        m_job->disconnect(this);
        m_job->cancel();
        m_job = nullptr;
    }
}

void IncrementalTableQuery::refresh()
{
    if (m_job || !m_client)
        return;
    TableQuery q;
    QStringList parts;
    if (m_watermark.isValid())
        parts << QStringLiteral("Timestamp ge %1")
                     .arg(TableClient::dateTimeLiteral(m_watermark.addMSecs(-m_overlap.count())));
    if (!m_baseFilter.isEmpty())
        parts << (m_watermark.isValid() ? QStringLiteral("(%1)").arg(m_baseFilter) : m_baseFilter);
    q.filter = parts.join(QLatin1String(" and "));
    if (!m_select.isEmpty()) {
        q.select = m_select;
        for (const char *k : { "PartitionKey", "RowKey", "Timestamp" }) {
            if (!q.select.contains(QLatin1String(k)))
                q.select << QLatin1String(k);
        }
    }
    q.minimalMetadata = m_minimalMetadata;
    m_lastFilter = q.filter;
    m_fetched = 0;
    m_changed = 0;
    m_pageMax = m_watermark;
    TableQueryJob *job = m_client->query(m_table, q);
    m_job = job;
    connect(job, &TableQueryJob::pageReady, this, &IncrementalTableQuery::onPage);
    connect(job, &TableQueryJob::finished, this, [this, job]() {
        m_job = nullptr;
        m_lastRequests = job->requests();
        m_lastFetched = m_fetched;
        m_lastChanged = m_changed;
        if (job->error()) {
            Q_EMIT refreshFailed(*job->error());
            Q_EMIT refreshFinished(false);
            return;
        }
        // Advance only after a complete refresh: a failed one is retried from the old watermark.
        m_watermark = m_pageMax;
        prune();
        Q_EMIT refreshFinished(true);
    });
}

void IncrementalTableQuery::onPage(const TableEntityPage &page)
{
    QList<TableEntity> changed;
    for (const TableEntity &e : page.entities) {
        ++m_fetched;
        if (e.timestamp.isValid() && (!m_pageMax.isValid() || e.timestamp > m_pageMax))
            m_pageMax = e.timestamp;
        RecentKey key { e.partitionKey + QChar(0x1f) + e.rowKey };
        key.hash = qHash(key.text);
        auto it = m_recent.find(key);
        if (it != m_recent.end() && it->timestampText == e.timestampText)
            continue; // seen already (overlap window)
        const bool valid = e.timestamp.isValid();
        m_recent.insert(std::move(key),
                        Seen { e.timestampText, valid ? e.timestamp.toMSecsSinceEpoch() : 0, valid });
        changed.append(e);
    }
    m_changed += changed.size();
    if (!changed.isEmpty())
        Q_EMIT rowsChanged(changed);
}

void IncrementalTableQuery::prune()
{
    if (!m_watermark.isValid())
        return;
    // Keep only rows that a future refresh can return again unchanged: those inside the overlap window.
    // (Keys are compared to the watermark with a millisecond of slack for the 100 ns service precision.)
    const qint64 horizon = m_watermark.addMSecs(-m_overlap.count() - 1).toMSecsSinceEpoch();
    for (auto it = m_recent.begin(); it != m_recent.end();) {
        if (it->valid && it->msecs < horizon)
            it = m_recent.erase(it);
        else
            ++it;
    }
}

} // namespace iw
