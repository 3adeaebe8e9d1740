#pragma once

#include "azure/TokenProvider.h"
#include "core/Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QPointer>
#include <QString>
#include <QStringList>

#include <chrono>

class QProcess;
class QTimer;

namespace iw {

// Tokens from the Azure CLI: `az account get-access-token --resource <resource> --output json`, run with
// QProcess (never blocking the caller's thread). The token is cached until shortly before it expires;
// concurrent callers share one run of the CLI. The operator sees plain messages for the usual troubles:
// the CLI is missing, it is not signed in (`az login`), it answered something that is not a token, or it
// took too long. The token itself is never logged nor put in an error message.
class AzureCliTokenProvider : public TokenProvider
{
    Q_OBJECT
public:
    // `resource` is the Kusto resource id (e.g. "https://kusto.kusto.windows.net" or the cluster URL).
    explicit AzureCliTokenProvider(QString resource, QObject *parent = nullptr);
    ~AzureCliTokenProvider() override;

    // The CLI to run: "az" (looked up on PATH) by default; a full path or a test's fake script otherwise.
    void setProgram(const QString &program) { m_program = program; }
    QString program() const { return m_program; }
    // Optional `--tenant <tenant>`.
    void setTenant(const QString &tenant) { m_tenant = tenant; }
    // How long the CLI may take (default 60 s: it may refresh its own tokens over the network).
    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }
    // How long before expiry a cached token stops being handed out (default 5 minutes; never more than
    // half the token's remaining lifetime, so short-lived tokens are still cached for a while).
    void setRefreshMargin(std::chrono::seconds margin) { m_margin = margin; }

    void token(QObject *context, Callback callback) override;
    void invalidate() override;
    QString describe() const override;

    QDateTime expiresOn() const { return m_expiresOn; } // of the cached token; invalid when none

    struct CliToken
    {
        QString accessToken;
        QDateTime expiresOn; // UTC
    };
    // The CLI's JSON: accessToken plus either "expires_on" (epoch seconds, newer CLIs) or "expiresOn"
    // ("2026-11-22 03:10:00.000000", local time, older CLIs). Never throws; the message never quotes the
    // output (it holds the token).
    static Result<CliToken> parseOutput(const QByteArray &json);
    QStringList arguments() const;

private:
    void onFinished(int exitCode, bool crashed);
    void onFailedToStart();
    void onTimeout();
    void stopProcess();

    QString m_resource;
    QString m_program = QStringLiteral("az");
    QString m_tenant;
    std::chrono::milliseconds m_timeout { 60000 };
    std::chrono::seconds m_margin { 300 };
    QProcess *m_process = nullptr;
    QTimer *m_timer = nullptr;
    QString m_cached;
    QDateTime m_expiresOn;
    QDateTime m_refreshAt;
};

} // namespace iw
