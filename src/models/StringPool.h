#pragma once

#include <QHash>
#include <QList>
#include <QString>

namespace iw {

// Interns repeated strings (database, table, error code, details, folders of paths) so that a row stores a
// 32-bit id instead of a QString. Id 0 is the empty string. Append-only: ids stay valid for the pool's life.
class StringPool
{
public:
    StringPool();

    quint32 intern(const QString &s);
    // The id of `s` when pooled, else -1 (does not add).
    qint64 find(const QString &s) const;
    const QString &at(quint32 id) const { return m_strings.at(id); }
    quint32 size() const { return static_cast<quint32>(m_strings.size()); }
    // Heap bytes held (strings, table, hash), an estimate for the benchmark.
    qint64 bytesUsed() const;

private:
    QList<QString> m_strings;
    QHash<QString, quint32> m_ids;
};

} // namespace iw
