#include "models/StringPool.h"

namespace iw {

StringPool::StringPool()
{
    m_strings.append(QString());
    m_ids.insert(QString(), 0);
}

quint32 StringPool::intern(const QString &s)
{
    if (s.isEmpty())
        return 0;
    const auto it = m_ids.constFind(s);
    if (it != m_ids.constEnd())
        return *it;
    const auto id = static_cast<quint32>(m_strings.size());
    m_strings.append(s);
    m_ids.insert(s, id);
    return id;
}

qint64 StringPool::find(const QString &s) const
{
    if (s.isEmpty())
        return 0;
    const auto it = m_ids.constFind(s);
    return it == m_ids.constEnd() ? -1 : qint64(*it);
}

qint64 StringPool::bytesUsed() const
{
    qint64 bytes = m_strings.capacity() * qint64(sizeof(QString));
    for (const QString &s : m_strings)
        bytes += 32 + s.capacity() * 2;
    return bytes + m_ids.size() * 40;
}

} // namespace iw
