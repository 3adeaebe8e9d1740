#include "azure/IncrementalTableQuery.h"

namespace iw {

IncrementalTableQuery::IncrementalTableQuery(TableClient *client, QString table, QObject *parent)
    : QObject(parent), m_client(client), m_table(std::move(table))
{ }

void IncrementalTableQuery::reset()
{
    cancel();
    m_watermark = {};
    m_state->recent.clear();
}

void IncrementalTableQuery::cancel()
{
    if (m_job) {
        m_job->disconnect(this);
        m_job->cancel();
        m_job = nullptr;
        // A page of the cancelled job may still be on the parse thread, using m_state; it may also have
        // recorded rows that will never be delivered. Start again from no keys.
        m_state = std::make_shared<State>();
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
    m_state->fetched = 0;
    m_state->changed = 0;
    m_state->pageMax = m_watermark;
    q.pageFilter = [state = m_state](QList<TableEntity> &entities) {
        state->filter(entities);
    };
    TableQueryJob *job = m_client->query(m_table, q);
    m_job = job;
    connect(job, &TableQueryJob::pageReady, this, &IncrementalTableQuery::onPage);
    connect(job, &TableQueryJob::finished, this, [this, job]() {
        m_job = nullptr;
        m_lastRequests = job->requests();
        m_lastFetched = m_state->fetched;
        m_lastChanged = m_state->changed;
        if (job->error()) {
            Q_EMIT refreshFailed(*job->error());
            Q_EMIT refreshFinished(false);
            return;
        }
        // Advance only after a complete refresh: a failed one is retried from the old watermark.
        m_watermark = m_state->pageMax;
        prune();
        Q_EMIT refreshFinished(true);
    });
}

void IncrementalTableQuery::State::filter(QList<TableEntity> &entities)
{
    qsizetype kept = 0;
    for (qsizetype i = 0; i < entities.size(); ++i) {
        TableEntity &e = entities[i];
        ++fetched;
        if (e.timestamp.isValid() && (!pageMax.isValid() || e.timestamp > pageMax))
            pageMax = e.timestamp;
        RecentKey key { e.partitionKey + QChar(0x1f) + e.rowKey };
        key.hash = qHash(key.text);
        auto it = recent.find(key);
        if (it != recent.end() && it->timestampText == e.timestampText)
            continue; // seen already (overlap window)
        const bool valid = e.timestamp.isValid();
        recent.insert(std::move(key),
                      Seen { e.timestampText, valid ? e.timestamp.toMSecsSinceEpoch() : 0, valid });
        if (kept != i)
            entities[kept] = std::move(e);
        ++kept;
    }
    entities.resize(kept);
    changed += int(kept);
}

void IncrementalTableQuery::onPage(const TableEntityPage &page)
{
    if (!page.entities.isEmpty()) // State::filter kept only the new or modified rows
        Q_EMIT rowsChanged(page.entities);
}

void IncrementalTableQuery::prune()
{
    if (!m_watermark.isValid())
        return;
    // Keep only rows that a future refresh can return again unchanged: those inside the overlap window.
    // (Keys are compared to the watermark with a millisecond of slack for the 100 ns service precision.)
    const qint64 horizon = m_watermark.addMSecs(-m_overlap.count() - 1).toMSecsSinceEpoch();
    QHash<RecentKey, Seen> &recent = m_state->recent;
    for (auto it = recent.begin(); it != recent.end();) {
        if (it->valid && it->msecs < horizon)
            it = recent.erase(it);
        else
            ++it;
    }
}

} // namespace iw
