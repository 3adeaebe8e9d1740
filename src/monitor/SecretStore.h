#pragma once

#include "core/Result.h"

#include <QHash>
#include <QObject>
#include <QString>

#include <functional>

namespace iw {

// Where secrets live: client secrets, storage account keys, SAS tokens, refresh tokens. Never a settings
// file, never a log. Keys are opaque names such as "profile/<name>/clientSecret".
// All operations are asynchronous (a keychain may prompt or talk over D-Bus); callbacks run on the
// thread that called.
class SecretStore : public QObject
{
    Q_OBJECT

public:
    using ReadCallback = std::function<void(Result<QString>)>;
    using WriteCallback = std::function<void(Status)>;

    using QObject::QObject;
    ~SecretStore() override;

    virtual void write(const QString &key, const QString &secret, WriteCallback done) = 0;
    // Error kind NotFound when no secret is stored under key.
    virtual void read(const QString &key, ReadCallback done) = 0;
    virtual void remove(const QString &key, WriteCallback done) = 0;
    // True when secrets survive a restart (an OS keychain); false for the in-memory fallback.
    virtual bool isPersistent() const = 0;
};

// Secrets kept in this process only, for the session: what the app uses when no keychain is reachable.
class MemorySecretStore : public SecretStore
{
    Q_OBJECT

public:
    using SecretStore::SecretStore;
    void write(const QString &key, const QString &secret, WriteCallback done) override;
    void read(const QString &key, ReadCallback done) override;
    void remove(const QString &key, WriteCallback done) override;
    bool isPersistent() const override { return false; }

private:
    QHash<QString, QString> m_secrets;
};

// The OS keychain through QtKeychain (Secret Service on Linux, Keychain on macOS, Credential Store on
// Windows), under one service name.
class KeychainSecretStore : public SecretStore
{
    Q_OBJECT

public:
    explicit KeychainSecretStore(QString service, QObject *parent = nullptr);
    void write(const QString &key, const QString &secret, WriteCallback done) override;
    void read(const QString &key, ReadCallback done) override;
    void remove(const QString &key, WriteCallback done) override;
    bool isPersistent() const override { return true; }

private:
    QString m_service;
};

// The store the app uses: the keychain while it answers; when it cannot be reached (no Secret Service,
// locked and no prompt possible) it says so once through keychainUnavailable() and from then on keeps
// secrets in memory for this session. Secrets are never written in plain text anywhere as a fallback.
class FallbackSecretStore : public SecretStore
{
    Q_OBJECT

public:
    FallbackSecretStore(SecretStore *primary, QObject *parent = nullptr);
    void write(const QString &key, const QString &secret, WriteCallback done) override;
    void read(const QString &key, ReadCallback done) override;
    void remove(const QString &key, WriteCallback done) override;
    bool isPersistent() const override { return !m_usingFallback; }
    bool usingFallback() const { return m_usingFallback; }

Q_SIGNALS:
    void keychainUnavailable(const QString &reason);

private:
    bool switchToFallbackOn(const Error &e);

    SecretStore *m_primary;
    MemorySecretStore m_memory;
    bool m_usingFallback = false;
};

} // namespace iw
