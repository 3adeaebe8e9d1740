#include "monitor/SecretStore.h"

#include <qt6keychain/keychain.h>

namespace iw {

SecretStore::~SecretStore() = default;

// ---- MemorySecretStore ----

void MemorySecretStore::write(const QString &key, const QString &secret, WriteCallback done)
{
    m_secrets.insert(key, secret);
    done(Unit {});
}

void MemorySecretStore::read(const QString &key, ReadCallback done)
{
    const auto it = m_secrets.constFind(key);
    if (it == m_secrets.constEnd()) {
        done(Error::make(Error::Kind::NotFound, QStringLiteral("no secret stored for %1").arg(key)));
        return;
    }
    done(*it);
}

void MemorySecretStore::remove(const QString &key, WriteCallback done)
{
    m_secrets.remove(key);
    done(Unit {});
}

// ---- KeychainSecretStore ----

namespace {

Error keychainError(const QKeychain::Job *job)
{
    Error e;
    switch (job->error()) {
    case QKeychain::EntryNotFound:
        e.kind = Error::Kind::NotFound;
        break;
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        e.kind = Error::Kind::Auth;
        break;
    default:
        e.kind = Error::Kind::Io;
        break;
    }
    e.code = QStringLiteral("Keychain%1").arg(static_cast<int>(job->error()));
    e.message = job->errorString();
    return e;
}

// The keychain itself is missing or unusable (as opposed to "this entry does not exist").
bool isUnavailable(const Error &e)
{
    return e.kind == Error::Kind::Io || e.kind == Error::Kind::Auth;
}

} // namespace

// Keychain jobs have no parent: a job deleted while the Secret Service still owes it an answer (its owner
// went away) would be called back after free. Each job deletes itself once finished; `this` as the connection
// context drops the callback when the store is gone first.
KeychainSecretStore::KeychainSecretStore(QString service, QObject *parent)
    : SecretStore(parent), m_service(std::move(service))
{ }

void KeychainSecretStore::write(const QString &key, const QString &secret, WriteCallback done)
{
    auto *job = new QKeychain::WritePasswordJob(m_service); // no parent: see the constructor
    job->setAutoDelete(true);
    job->setKey(key);
    job->setTextData(secret);
    connect(job, &QKeychain::Job::finished, this, [done = std::move(done)](QKeychain::Job *j) {
        if (j->error() != QKeychain::NoError)
            done(keychainError(j));
        else
            done(Unit {});
    });
    job->start();
}

void KeychainSecretStore::read(const QString &key, ReadCallback done)
{
    auto *job = new QKeychain::ReadPasswordJob(m_service); // no parent: see the constructor
    job->setAutoDelete(true);
    job->setKey(key);
    connect(job, &QKeychain::Job::finished, this, [done = std::move(done)](QKeychain::Job *j) {
        if (j->error() != QKeychain::NoError)
            done(keychainError(j));
        else
            done(static_cast<QKeychain::ReadPasswordJob *>(j)->textData());
    });
    job->start();
}

void KeychainSecretStore::remove(const QString &key, WriteCallback done)
{
    auto *job = new QKeychain::DeletePasswordJob(m_service); // no parent: see the constructor
    job->setAutoDelete(true);
    job->setKey(key);
    connect(job, &QKeychain::Job::finished, this, [done = std::move(done)](QKeychain::Job *j) {
        // Removing what is not there is not an error.
        if (j->error() != QKeychain::NoError && j->error() != QKeychain::EntryNotFound)
            done(keychainError(j));
        else
            done(Unit {});
    });
    job->start();
}

// ---- FallbackSecretStore ----

FallbackSecretStore::FallbackSecretStore(SecretStore *primary, QObject *parent)
    : SecretStore(parent), m_primary(primary)
{
    m_primary->setParent(this);
}

bool FallbackSecretStore::switchToFallbackOn(const Error &e)
{
    if (m_usingFallback || !isUnavailable(e))
        return false;
    m_usingFallback = true;
    Q_EMIT keychainUnavailable(
        tr("The system keychain cannot be reached (%1). Secrets are kept in memory for this session only "
           "and will have to be entered again after a restart.")
            .arg(e.message));
    return true;
}

void FallbackSecretStore::write(const QString &key, const QString &secret, WriteCallback done)
{
    if (m_usingFallback) {
        m_memory.write(key, secret, std::move(done));
        return;
    }
    m_primary->write(key, secret, [this, key, secret, done = std::move(done)](Status s) mutable {
        if (!s.ok() && switchToFallbackOn(s.error())) {
            m_memory.write(key, secret, std::move(done));
            return;
        }
        done(std::move(s));
    });
}

void FallbackSecretStore::read(const QString &key, ReadCallback done)
{
    if (m_usingFallback) {
        m_memory.read(key, std::move(done));
        return;
    }
    m_primary->read(key, [this, key, done = std::move(done)](Result<QString> r) mutable {
        if (!r.ok() && switchToFallbackOn(r.error())) {
            m_memory.read(key, std::move(done));
            return;
        }
        done(std::move(r));
    });
}

void FallbackSecretStore::remove(const QString &key, WriteCallback done)
{
    m_memory.remove(key, [](Status) {});
    if (m_usingFallback) {
        done(Unit {});
        return;
    }
    m_primary->remove(key, [this, done = std::move(done)](Status s) mutable {
        if (!s.ok() && switchToFallbackOn(s.error())) {
            done(Unit {});
            return;
        }
        done(std::move(s));
    });
}

} // namespace iw
