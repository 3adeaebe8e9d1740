#pragma once

#include "azure/TableClient.h"

#include <QHash>
#include <QObject>
#include <QPointer>

#include <chrono>
#include <memory>

namespace iw {

// Keeps a table (the ingestion status table) up to date at a cost in proportion to the rows that
// CHANGED, not the rows tracked. The first refresh reads everything that matches `baseFilter`; every
// later one asks only for `Timestamp ge datetime'<watermark - overlap>'` (and baseFilter), where the
// watermark is the newest Timestamp seen so far. The overlap window absorbs clock skew between the
// service's front ends; rows that come back unchanged inside it (same PartitionKey/RowKey and the same
// exact Timestamp text) are dropped, so rowsChanged() only carries new or modified rows.
//
// That comparison runs on the table client's parse thread (TableQuery::pageFilter), not on the GUI thread:
// for a first full read of 100,000 rows it is a hash of 100,000 keys, and growing it cost up to 17 ms of
// GUI time in one go. A cancelled refresh forgets the keys seen so far (some may belong to pages that were
// never delivered), so the next refresh hands every row of its window on as changed.
class IncrementalTableQuery : public QObject
{
    Q_OBJECT
public:
    IncrementalTableQuery(TableClient *client, QString table, QObject *parent = nullptr);

    void setBaseFilter(const QString &filter) { m_baseFilter = filter; } // e.g. "PartitionKey eq '...'"
    void setSelect(const QStringList &select) { m_select = select; } // Timestamp/keys are added
    void setOverlap(std::chrono::milliseconds overlap) { m_overlap = overlap; }
    void setMinimalMetadata(bool on) { m_minimalMetadata = on; }

    void refresh(); // ignored while one is running
    void cancel(); // also forgets the keys seen (see above); the watermark stays
    void reset(); // forget the watermark: the next refresh reads everything again
    bool isRunning() const { return m_job != nullptr; }

    QDateTime watermark() const { return m_watermark; }
    // Statistics of the last finished refresh.
    int lastRequests() const { return m_lastRequests; }
    int lastFetched() const { return m_lastFetched; }
    int lastChanged() const { return m_lastChanged; }
    QString lastFilter() const { return m_lastFilter; }

Q_SIGNALS:
    void rowsChanged(const QList<iw::TableEntity> &rows); // per page, only new/modified rows
    void refreshFinished(bool ok);
    void refreshFailed(const iw::Error &error);

private:
    void onPage(const TableEntityPage &page);
    void prune();

    QPointer<TableClient> m_client;
    QString m_table;
    QString m_baseFilter;
    QStringList m_select;
    std::chrono::milliseconds m_overlap { 120000 };
    bool m_minimalMetadata = false;

    QPointer<TableQueryJob> m_job;
    QDateTime m_watermark;
    // PartitionKey\x1fRowKey -> the Timestamp text last seen (exact, 100 ns) and its milliseconds (pruning
    // compares those; parsing 100,000 texts after a first full read cost ~100 ms of GUI time).
    struct Seen
    {
        QString timestampText;
        qint64 msecs = 0;
        bool valid = false;
    };
    // The key carries its hash, so growing the table re-buckets without hashing 100,000 strings again (each
    // doubling during a first full read of 100,000 rows took up to 9.5 ms of GUI time).
    struct RecentKey
    {
        QString text;
        std::size_t hash = 0;
        friend bool operator==(const RecentKey &a, const RecentKey &b) noexcept
        {
            return a.hash == b.hash && a.text == b.text;
        }
        friend std::size_t qHash(const RecentKey &k, std::size_t seed) noexcept { return k.hash ^ seed; }
    };
    // Touched by the parse thread while a refresh runs, by this object's thread only between refreshes.
    struct State
    {
        QHash<RecentKey, Seen> recent;
        QDateTime pageMax; // the newest Timestamp of the running refresh
        int fetched = 0;
        int changed = 0;
        void filter(QList<TableEntity> &entities); // keeps the new or modified rows, records them
    };
    std::shared_ptr<State> m_state = std::make_shared<State>();
    int m_lastRequests = 0;
    int m_lastFetched = 0;
    int m_lastChanged = 0;
    QString m_lastFilter;
};

} // namespace iw
