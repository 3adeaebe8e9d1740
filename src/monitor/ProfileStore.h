#pragma once

#include "core/ConnectionProfile.h"

#include <QList>
#include <QObject>
#include <QSettings>

#include <memory>

namespace iw {

class SecretStore;

// The operator's connection profiles, kept in the settings file with names and URLs only. Secrets go to
// the SecretStore under ConnectionProfile::secretKey(); nothing secret is ever written to QSettings.
// A "Local emulator" profile is always offered for the local backend.
class ProfileStore : public QObject
{
    Q_OBJECT

public:
    // settings: where profiles live (QSettings() of the app by default).
    explicit ProfileStore(std::unique_ptr<QSettings> settings = {}, QObject *parent = nullptr);
    ~ProfileStore() override;

    QList<ConnectionProfile> profiles() const; // sorted by name, the local profile included
    std::optional<ConnectionProfile> profile(const QString &name) const;
    void save(const ConnectionProfile &p); // insert or replace by name
    void remove(const QString &name); // the profile; its secrets are removed by the caller

    QString activeProfileName() const;
    void setActiveProfileName(const QString &name);

    static QString localProfileName();
    // The profile for the local backend (Azurite + ingestwatch-sim) at the given ingest URL.
    static ConnectionProfile localProfile(const QUrl &ingestUrl
                                          = QUrl(QStringLiteral("http://127.0.0.1:8080")));

    QString settingsFileName() const { return m_settings->fileName(); }
    void sync() { m_settings->sync(); }

Q_SIGNALS:
    void profilesChanged();

private:
    std::unique_ptr<QSettings> m_settings;
};

} // namespace iw
