#pragma once

#include "azure/HttpPipeline.h"
#include "azure/TokenProvider.h"
#include "core/KustoV1.h"
#include "core/QueuedOperation.h"
#include "core/Result.h"

#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QUrl>

#include <functional>
#include <utility>

class QThreadPool;

namespace iw {

// The Kusto ingest (Data Management) endpoint: `POST /v1/rest/mgmt` with {db, csl, properties}, a bearer
// token from a TokenProvider, and the headers the SDKs send (Accept, Content-Type, x-ms-client-request-id
// "IngestWatch;<uuid>", x-ms-app, x-ms-version). Errors come back as values: HTTP status first, then the
// OneApi body (code, message, @message, @permanent) or the plain text of a 401; the x-ms-activity-id is
// kept on the Error. 429/5xx are retried by the shared pipeline (Retry-After honoured).
// A result body (a `.show queued ingestion operations` of 1,000 operations is several hundred KB) is parsed
// and decoded on a worker thread; every callback still runs on the client's thread, exactly once.
class KustoClient : public QObject
{
    Q_OBJECT
public:
    KustoClient(HttpPipeline *pipeline, QUrl endpoint, TokenProvider *tokens, QObject *parent = nullptr);
    ~KustoClient() override;

    void setApplication(const QString &app) { m_app = app; }
    // Per attempt, from send to the last body byte (default 30 s); a slower answer is Error::Kind::Timeout.
    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }
    QUrl endpoint() const { return m_endpoint; }

    // Any management command; the primary table of the v1 result.
    void execute(const QString &database, const QString &csl, QObject *context,
                 std::function<void(Result<KustoV1Table>)> callback, bool idempotent = true);
    // Same, but `decode` turns the primary table into a T on the worker thread that parsed the body (it must
    // not touch GUI objects); `callback` gets the result on the client's thread.
    template<typename T>
    void executeDecoded(const QString &database, const QString &csl, QObject *context,
                        std::function<Result<T>(const KustoV1Table &)> decode,
                        std::function<void(Result<T>)> callback, bool idempotent = true)
    {
        executeAttempt(database, csl, context, decoder<T>(std::move(decode), std::move(callback)), idempotent,
                       false);
    }

    void showOperations(const QStringList &ids, QObject *context,
                        std::function<void(Result<QList<QueuedOperation>>)> callback);
    void showOperationDetails(const QString &id, QObject *context,
                              std::function<void(Result<QList<BlobDetail>>)> callback);
    void cancelOperation(const QString &id, QObject *context,
                         std::function<void(Result<QueuedOperation>)> callback);
    void getIngestionResources(QObject *context,
                               std::function<void(Result<QList<IngestionResource>>)> callback);
    void getIdentityToken(QObject *context, std::function<void(Result<QString>)> callback);
    void ingestFromStorageQueued(const QString &database, const QString &table, const QStringList &blobUrls,
                                 const QList<QPair<QString, QString>> &properties, QObject *context,
                                 std::function<void(Result<QueuedIngestionSubmission>)> callback);

    // The command texts (pure; operation ids quoted with the core quoter).
    static Result<QString> showOperationsCommand(const QStringList &ids); // list form, all ids in one command
    static Result<QString> showOperationDetailsCommand(const QString &id);
    static Result<QString> cancelOperationCommand(const QString &id);
    static Result<QString> ingestCommand(const QString &database, const QString &table,
                                         const QStringList &blobUrls,
                                         const QList<QPair<QString, QString>> &properties);
    // {"db":..,"csl":..,"properties":{"Options":{..}}}
    static QByteArray requestBody(const QString &database, const QString &csl);

private:
    // Runs on the worker thread with the primary table (or the error); returns what the client's thread
    // then runs (the caller's callback with the decoded value).
    using Decoder = std::function<std::function<void()>(Result<KustoV1Table>)>;
    template<typename T>
    static Decoder decoder(std::function<Result<T>(const KustoV1Table &)> decode,
                           std::function<void(Result<T>)> callback)
    {
        return [decode = std::move(decode), callback = std::move(callback)](Result<KustoV1Table> t) {
            Result<T> r = t ? decode(t.value()) : Result<T>(t.error());
            return std::function<void()>([callback, r = std::move(r)] { callback(r); });
        };
    }

    // One try of execute(). A 401 on the first try drops the token, signs in again and sends once more.
    void executeAttempt(const QString &database, const QString &csl, QObject *context, Decoder decode,
                        bool idempotent, bool reacquired);

    QPointer<HttpPipeline> m_pipeline;
    QUrl m_endpoint;
    QPointer<TokenProvider> m_tokens;
    QString m_app = QStringLiteral("IngestWatch");
    QString m_defaultDb = QStringLiteral("NetDefaultDB");
    std::chrono::milliseconds m_timeout { 30000 };
    QThreadPool *m_parsePool;
};

} // namespace iw
