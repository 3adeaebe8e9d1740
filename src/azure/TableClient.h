#pragma once

#include "azure/HttpPipeline.h"
#include "azure/StorageCredential.h"
#include "core/Result.h"
#include "core/TableEntity.h"

#include <QObject>
#include <QPointer>
#include <QStringList>

#include <functional>

class QThreadPool;

namespace iw {

class TableClient;

struct TableQuery
{
    QString
        filter; // OData $filter, e.g. "PartitionKey eq 'p1' and Timestamp ge datetime'2024-01-01T00:00:00Z'"
    QStringList select; // $select; empty = all properties
    int top = 0; // $top = page size (the service caps it at 1000); 0 = service default
    int maxPages = 0; // stop after this many pages (0 = until the continuation ends)
    bool minimalMetadata = false; // odata=minimalmetadata: typed Int64/DateTime/Guid/Binary, ETags
    // Runs on the parse thread after each page is parsed, one page at a time in page order, before the
    // page is delivered; it may drop entities. Whatever it touches must not be touched elsewhere while the
    // query runs (pageReady of the last page, then finished(), come after its last call).
    std::function<void(QList<TableEntity> &entities)> pageFilter;
};

// A running query: pages arrive in order through pageReady (parsed off the GUI thread), then finished().
// Deletes itself after finished(); do not delete it, call cancel().
class TableQueryJob : public QObject
{
    Q_OBJECT
public:
    void cancel(); // no pageReady after this; finished() with Error::Kind::Canceled
    bool isFinished() const { return m_done; }
    bool ok() const { return m_done && !m_error; }
    const std::optional<Error> &error() const { return m_error; }
    int requests() const { return m_requests; } // HTTP requests this query made (first attempts + retries)
    int pages() const { return m_pages; }
    qint64 entities() const { return m_entities; }

Q_SIGNALS:
    void pageReady(const iw::TableEntityPage &page);
    void finished();

private:
    friend class TableClient;
    explicit TableQueryJob(QObject *parent) : QObject(parent) { }
    void fetch(const QString &nextPk, const QString &nextRk);
    void onPage(Result<HttpResponse> r);
    void deliver(Result<TableEntityPage> page, bool last);
    void done(std::optional<Error> error);

    QPointer<TableClient> m_client;
    QString m_table;
    TableQuery m_query;
    QPointer<HttpCall> m_call;
    int m_parsesInFlight = 0;
    bool m_fetchDone = false;
    bool m_done = false;
    bool m_canceled = false;
    std::optional<Error> m_error;
    int m_requests = 0;
    int m_pages = 0;
    qint64 m_entities = 0;
};

// Azure Table REST over the HttpPipeline: queries with paging, point reads, insert, merge/replace/upsert,
// delete, entity group transactions, create/delete table. Accept is exactly
// "application/json;odata=nometadata" (or minimalmetadata), never with a charset (Azurite answers 415).
class TableClient : public QObject
{
    Q_OBJECT
public:
    enum class UpdateMode { Merge, Replace };

    TableClient(HttpPipeline *pipeline, StorageServiceConfig config, QObject *parent = nullptr);
    ~TableClient() override;

    void setScheme(StorageCredential::TableScheme scheme) { m_scheme = scheme; }
    // A fresh SAS (or key) for the same endpoint: requests from now on are signed with it.
    void setCredential(const StorageCredential &credential) { m_config.credential = credential; }
    HttpPipeline *pipeline() const { return m_pipeline; }
    const StorageServiceConfig &config() const { return m_config; }

    TableQueryJob *query(const QString &table, const TableQuery &query);
    // Convenience: every page collected into one list.
    void queryAll(const QString &table, const TableQuery &query, QObject *context,
                  std::function<void(Result<QList<TableEntity>>)> callback);

    void getEntity(const QString &table, const QString &partitionKey, const QString &rowKey, QObject *context,
                   std::function<void(Result<TableEntity>)> callback);
    // Insert (fails with 409 EntityAlreadyExists when the key exists). Returns the entity with its ETag.
    void insertEntity(const QString &table, const TableEntity &entity, QObject *context,
                      std::function<void(Result<TableEntity>)> callback);
    // Insert-or-merge / insert-or-replace (no If-Match). Returns the new ETag.
    void upsertEntity(const QString &table, const TableEntity &entity, UpdateMode mode, QObject *context,
                      std::function<void(Result<QString>)> callback);
    // Merge/replace an existing entity; etag "*" = unconditional. 412 UpdateConditionNotSatisfied on
    // mismatch.
    void updateEntity(const QString &table, const TableEntity &entity, UpdateMode mode, const QString &etag,
                      QObject *context, std::function<void(Result<QString>)> callback);
    void deleteEntity(const QString &table, const QString &partitionKey, const QString &rowKey,
                      const QString &etag, QObject *context, std::function<void(Status)> callback);
    // One entity group transaction: up to 100 entities, all in one partition, inserted or upserted
    // atomically.
    void submitBatch(const QString &table, const QList<TableEntity> &entities, bool upsert, QObject *context,
                     std::function<void(Status)> callback);

    // ifNotExists: a 409 TableAlreadyExists counts as success.
    void createTable(const QString &table, bool ifNotExists, QObject *context,
                     std::function<void(Status)> callback);
    void deleteTable(const QString &table, QObject *context, std::function<void(Status)> callback);

    // The URL of an entity: <endpoint>/<table>(PartitionKey='..',RowKey='..'), keys quoted and encoded.
    QUrl entityUrl(const QString &table, const QString &partitionKey, const QString &rowKey) const;
    // An OData string literal: 'it''s'.
    static QString quoteLiteral(const QString &value);
    static QString dateTimeLiteral(const QDateTime &t); // datetime'2024-01-01T00:00:00.000Z'

private:
    friend class TableQueryJob;
    HttpRequest makeRequest(const QByteArray &verb, const QUrl &url, bool minimalMetadata = false) const;
    QUrl resourceUrl(const QString &encodedPath) const;

    QPointer<HttpPipeline> m_pipeline;
    StorageServiceConfig m_config;
    StorageCredential::TableScheme m_scheme = StorageCredential::TableScheme::SharedKey;
    QThreadPool *m_parsePool;
};

} // namespace iw
