#include "azure/AzureCliTokenProvider.h"

#include "core/Redaction.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QProcess>
#include <QTimer>

namespace iw {

namespace {

// The first lines of the CLI's stderr, for the operator, without anything that looks like a secret.
QString stderrExcerpt(const QByteArray &err)
{
    QString text = QString::fromUtf8(err).trimmed();
    const QStringList lines = text.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    text = lines.mid(0, 3).join(QLatin1Char(' ')).simplified();
    if (text.size() > 300)
        text = text.left(300) + QStringLiteral("...");
    return redact(text);
}

} // namespace

AzureCliTokenProvider::AzureCliTokenProvider(QString resource, QObject *parent)
    : TokenProvider(parent), m_resource(std::move(resource))
{ }

AzureCliTokenProvider::~AzureCliTokenProvider()
{
    stopProcess();
}

QString AzureCliTokenProvider::describe() const
{
    return QStringLiteral("Azure CLI (%1) for %2").arg(m_program, m_resource);
}

QStringList AzureCliTokenProvider::arguments() const
{
    QStringList args { QStringLiteral("account"),    QStringLiteral("get-access-token"),
                       QStringLiteral("--resource"), m_resource,
                       QStringLiteral("--output"),   QStringLiteral("json") };
    if (!m_tenant.isEmpty())
        args << QStringLiteral("--tenant") << m_tenant;
    return args;
}

void AzureCliTokenProvider::invalidate()
{
    m_cached.clear();
    m_expiresOn = {};
    m_refreshAt = {};
}

Result<AzureCliTokenProvider::CliToken> AzureCliTokenProvider::parseOutput(const QByteArray &json)
{
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isObject())
        return Error::parse(
            QStringLiteral("The Azure CLI answered something that is not JSON (%1).")
                .arg(json.trimmed().isEmpty() ? QStringLiteral("empty output") : pe.errorString()));
    const QJsonObject o = doc.object();
    CliToken t;
    t.accessToken = o.value(QStringLiteral("accessToken")).toString();
    if (t.accessToken.isEmpty())
        return Error::parse(QStringLiteral("The Azure CLI's answer has no accessToken."));

    const QJsonValue epoch = o.value(QStringLiteral("expires_on"));
    if (epoch.isDouble()) {
        t.expiresOn = QDateTime::fromSecsSinceEpoch(qint64(epoch.toDouble()), Qt::UTC);
    } else if (epoch.isString()) {
        bool ok = false;
        const qint64 s = epoch.toString().trimmed().toLongLong(&ok);
        if (ok)
            t.expiresOn = QDateTime::fromSecsSinceEpoch(s, Qt::UTC);
    }
    if (!t.expiresOn.isValid()) {
        // "2026-11-22 03:10:00.000000" in the machine's local time; the fraction is optional.
        QString local = o.value(QStringLiteral("expiresOn")).toString().trimmed();
        const qsizetype dot = local.indexOf(QLatin1Char('.'));
        if (dot >= 0)
            local.truncate(dot);
        QDateTime dt = QDateTime::fromString(local, QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        if (!dt.isValid())
            dt = QDateTime::fromString(local, Qt::ISODate);
        if (dt.isValid()) {
            if (dt.timeSpec() != Qt::UTC && dt.timeSpec() != Qt::OffsetFromUTC)
                dt.setTimeSpec(Qt::LocalTime);
            t.expiresOn = dt.toUTC();
        }
    }
    if (!t.expiresOn.isValid())
        return Error::parse(QStringLiteral("The Azure CLI's answer has no readable expiry (expires_on or "
                                           "expiresOn)."));
    return t;
}

void AzureCliTokenProvider::token(QObject *context, Callback callback)
{
    if (answerFromCache(m_cached, m_refreshAt, context, callback))
        return;
    enqueue(context, std::move(callback));
    if (m_process)
        return; // the CLI is already running for an earlier caller

    m_process = new QProcess(this);
    m_process->setProgram(m_program);
    m_process->setArguments(arguments());
    m_process->setProcessChannelMode(QProcess::SeparateChannels);
    QProcess *p = m_process;
    connect(p, &QProcess::finished, this, [this, p](int exitCode, QProcess::ExitStatus status) {
        if (p == m_process)
            onFinished(exitCode, status == QProcess::CrashExit);
    });
    connect(p, &QProcess::errorOccurred, this, [this, p](QProcess::ProcessError error) {
        if (p == m_process && error == QProcess::FailedToStart)
            onFailedToStart();
    });
    m_timer = new QTimer(this);
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &AzureCliTokenProvider::onTimeout);
    m_timer->start(m_timeout);
    p->start(QIODevice::ReadOnly);
}

void AzureCliTokenProvider::stopProcess()
{
    if (m_timer) {
        m_timer->stop();
        m_timer->deleteLater();
        m_timer = nullptr;
    }
    if (!m_process)
        return;
    QProcess *p = std::exchange(m_process, nullptr);
    disconnect(p, nullptr, this, nullptr);
    if (p->state() != QProcess::NotRunning) {
        p->kill();
        p->waitForFinished(2000); // after SIGKILL: reaps the child, does not wait on the CLI's work
    }
    p->deleteLater();
}

void AzureCliTokenProvider::onFailedToStart()
{
    stopProcess();
    Error e = Error::make(Error::Kind::Auth,
                          QStringLiteral("The Azure CLI (az) is not installed or not on PATH (could not run "
                                         "'%1'). Install it, or choose another sign-in method.")
                              .arg(m_program));
    e.code = QStringLiteral("AzureCliNotFound");
    deliver(e);
}

void AzureCliTokenProvider::onTimeout()
{
    const qint64 seconds = std::max<qint64>(1, (m_timeout.count() + 999) / 1000);
    stopProcess();
    Error e = Error::make(
        Error::Kind::Timeout,
        QStringLiteral("The Azure CLI did not answer within %1 s (az account get-access-token). "
                       "Check that `az` works in a terminal.")
            .arg(seconds));
    e.retryable = true;
    deliver(e);
}

void AzureCliTokenProvider::onFinished(int exitCode, bool crashed)
{
    const QByteArray out = m_process->readAllStandardOutput();
    const QByteArray err = m_process->readAllStandardError();
    stopProcess();
    if (crashed || exitCode != 0) {
        const QString excerpt = stderrExcerpt(err);
        const QString lower = QString::fromUtf8(err).toLower();
        Error e;
        e.kind = Error::Kind::Auth;
        if (lower.contains(QLatin1String("az login")) || lower.contains(QLatin1String("please run 'az"))) {
            e.code = QStringLiteral("AzureCliNotLoggedIn");
            e.message
                = QStringLiteral("The Azure CLI is not signed in, or its sign-in expired. Run `az login` "
                                 "in a terminal, then retry.");
            if (!excerpt.isEmpty())
                e.message += QStringLiteral(" (az: %1)").arg(excerpt);
        } else {
            e.code = QStringLiteral("AzureCliFailed");
            e.message = crashed
                ? QStringLiteral("The Azure CLI crashed while getting a token.")
                : QStringLiteral("The Azure CLI failed to get a token (exit code %1).").arg(exitCode);
            if (!excerpt.isEmpty())
                e.message += QStringLiteral(" az: %1").arg(excerpt);
        }
        deliver(e);
        return;
    }
    auto parsed = parseOutput(out);
    if (!parsed) {
        deliver(parsed.error());
        return;
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const qint64 leftMs = now.msecsTo(parsed->expiresOn);
    if (leftMs <= 0) {
        deliver(Error::make(Error::Kind::Auth,
                            QStringLiteral("The Azure CLI handed out a token that has already expired. Run "
                                           "`az login` again, then retry.")));
        return;
    }
    const qint64 marginMs = std::min<qint64>(qint64(m_margin.count()) * 1000, leftMs / 2);
    m_cached = parsed->accessToken;
    m_expiresOn = parsed->expiresOn;
    m_refreshAt = parsed->expiresOn.addMSecs(-marginMs);
    deliver(m_cached);
}

} // namespace iw
