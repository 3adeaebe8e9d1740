#include "monitor/ProfileStore.h"

#include <algorithm>

namespace iw {

namespace {

const QString kGroup = QStringLiteral("profiles");

QString encodeName(const QString &name)
{
    // QSettings treats '/' and '\\' as group separators: keep names as one key.
    return QString::fromLatin1(name.toUtf8().toPercentEncoding());
}

QString decodeName(const QString &key)
{
    return QString::fromUtf8(QByteArray::fromPercentEncoding(key.toLatin1()));
}

} // namespace

ProfileStore::ProfileStore(std::unique_ptr<QSettings> settings, QObject *parent)
    : QObject(parent), m_settings(settings ? std::move(settings) : std::make_unique<QSettings>())
{ }

ProfileStore::~ProfileStore() = default;

QString ProfileStore::localProfileName()
{
    return tr("Local emulator");
}

ConnectionProfile ProfileStore::localProfile(const QUrl &ingestUrl)
{
    ConnectionProfile p;
    p.name = localProfileName();
    p.clusterUrl = ingestUrl;
    p.defaultDatabase = QStringLiteral("DemoDb");
    p.signIn = SignInMethod::ServicePrincipal;
    p.tenantId = QStringLiteral("local");
    p.clientId = QStringLiteral("ingestwatch-local");
    p.authorityUrl = ingestUrl;
    p.storage = StorageSource::Discovered;
    return p;
}

QList<ConnectionProfile> ProfileStore::profiles() const
{
    QList<ConnectionProfile> out;
    m_settings->beginGroup(kGroup);
    const QStringList keys = m_settings->childGroups();
    for (const QString &key : keys) {
        m_settings->beginGroup(key);
        ConnectionProfile p;
        p.name = decodeName(key);
        p.clusterUrl = QUrl(m_settings->value(QStringLiteral("clusterUrl")).toString());
        p.defaultDatabase = m_settings->value(QStringLiteral("defaultDatabase")).toString();
        p.signIn = signInMethodFromString(m_settings->value(QStringLiteral("signIn")).toString());
        p.tenantId = m_settings->value(QStringLiteral("tenantId")).toString();
        p.clientId = m_settings->value(QStringLiteral("clientId")).toString();
        p.authorityUrl = QUrl(m_settings->value(QStringLiteral("authorityUrl")).toString());
        p.storage = m_settings->value(QStringLiteral("storage")).toString() == QLatin1String("Manual")
            ? StorageSource::Manual
            : StorageSource::Discovered;
        p.manualKind
            = m_settings->value(QStringLiteral("manualKind")).toString() == QLatin1String("ConnectionString")
            ? ManualStorageKind::ConnectionString
            : ManualStorageKind::SasUrls;
        p.manualQueueUrls = m_settings->value(QStringLiteral("manualQueueUrls")).toStringList();
        p.manualSuccessQueueUrls = m_settings->value(QStringLiteral("manualSuccessQueueUrls")).toStringList();
        p.manualStatusTableUrl = QUrl(m_settings->value(QStringLiteral("manualStatusTableUrl")).toString());
        p.manualTableName = m_settings->value(QStringLiteral("manualTableName")).toString();
        p.manualFailedQueueNames = m_settings->value(QStringLiteral("manualFailedQueueNames")).toStringList();
        p.manualSuccessQueueNames
            = m_settings->value(QStringLiteral("manualSuccessQueueNames")).toStringList();
        m_settings->endGroup();
        out.append(p);
    }
    m_settings->endGroup();
    if (std::none_of(out.cbegin(), out.cend(),
                     [](const ConnectionProfile &p) { return p.name == localProfileName(); }))
        out.append(localProfile());
    std::sort(out.begin(), out.end(),
              [](const ConnectionProfile &a, const ConnectionProfile &b) { return a.name < b.name; });
    return out;
}

std::optional<ConnectionProfile> ProfileStore::profile(const QString &name) const
{
    const QList<ConnectionProfile> all = profiles();
    for (const ConnectionProfile &p : all) {
        if (p.name == name)
            return p;
    }
    return std::nullopt;
}

void ProfileStore::save(const ConnectionProfile &p)
{
    // URLs are stored without query or user info: a SAS or a password there is a secret.
    const auto bare = [](const QUrl &u) {
        return withoutSecrets(u).toString();
    };
    m_settings->beginGroup(kGroup);
    m_settings->remove(encodeName(p.name));
    m_settings->beginGroup(encodeName(p.name));
    m_settings->setValue(QStringLiteral("clusterUrl"), bare(p.clusterUrl));
    m_settings->setValue(QStringLiteral("defaultDatabase"), p.defaultDatabase);
    m_settings->setValue(QStringLiteral("signIn"), toString(p.signIn));
    m_settings->setValue(QStringLiteral("tenantId"), p.tenantId);
    m_settings->setValue(QStringLiteral("clientId"), p.clientId);
    m_settings->setValue(QStringLiteral("authorityUrl"), bare(p.authorityUrl));
    m_settings->setValue(QStringLiteral("storage"),
                         p.storage == StorageSource::Manual ? QStringLiteral("Manual")
                                                            : QStringLiteral("Discovered"));
    m_settings->setValue(QStringLiteral("manualKind"),
                         p.manualKind == ManualStorageKind::ConnectionString
                             ? QStringLiteral("ConnectionString")
                             : QStringLiteral("SasUrls"));
    const auto bareList = [&bare](const QStringList &urls) {
        QStringList out;
        for (const QString &q : urls)
            out << bare(QUrl(q));
        return out;
    };
    m_settings->setValue(QStringLiteral("manualQueueUrls"), bareList(p.manualQueueUrls));
    m_settings->setValue(QStringLiteral("manualSuccessQueueUrls"), bareList(p.manualSuccessQueueUrls));
    m_settings->setValue(QStringLiteral("manualStatusTableUrl"), bare(p.manualStatusTableUrl));
    m_settings->setValue(QStringLiteral("manualTableName"), p.manualTableName);
    m_settings->setValue(QStringLiteral("manualFailedQueueNames"), p.manualFailedQueueNames);
    m_settings->setValue(QStringLiteral("manualSuccessQueueNames"), p.manualSuccessQueueNames);
    m_settings->endGroup();
    m_settings->endGroup();
    Q_EMIT profilesChanged();
}

void ProfileStore::remove(const QString &name)
{
    m_settings->beginGroup(kGroup);
    m_settings->remove(encodeName(name));
    m_settings->endGroup();
    Q_EMIT profilesChanged();
}

QString ProfileStore::activeProfileName() const
{
    return m_settings->value(QStringLiteral("activeProfile"), localProfileName()).toString();
}

void ProfileStore::setActiveProfileName(const QString &name)
{
    m_settings->setValue(QStringLiteral("activeProfile"), name);
}

} // namespace iw
