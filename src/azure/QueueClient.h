#pragma once

#include "azure/HttpPipeline.h"
#include "azure/StorageCredential.h"
#include "core/IngestionNotification.h"
#include "core/QueueMessageXml.h"
#include "core/Result.h"

#include <QObject>
#include <QPointer>

#include <functional>
#include <optional>

namespace iw {

// Azure Queue REST over the HttpPipeline (x-ms-version 2021-12-02, Queue SharedKey or SAS).
// Raw messages for anyone (the simulator posts and consumes its own kinds), and report-queue
// notifications decoded by iw::parseNotificationMessage: a message that does not parse comes back with
// kind Malformed and its raw text, never dropped.
class QueueClient : public QObject
{
    Q_OBJECT
public:
    static constexpr int kMaxMessagesPerRequest = 32;

    QueueClient(HttpPipeline *pipeline, StorageServiceConfig config, QObject *parent = nullptr);

    HttpPipeline *pipeline() const { return m_pipeline; }
    const StorageServiceConfig &config() const { return m_config; }

    // 201 created or 204 already there (same metadata) are both success.
    void createQueue(const QString &queue, QObject *context, std::function<void(Status)> callback);
    void deleteQueue(const QString &queue, QObject *context, std::function<void(Status)> callback);
    // Put Message. ttl/visibilityTimeout in seconds (nullopt = service default: 7 days / 0).
    void putMessage(const QString &queue, const QString &messageText, QObject *context,
                    std::function<void(Result<QueueMessage>)> callback,
                    std::optional<int> ttlSeconds = std::nullopt,
                    std::optional<int> visibilityTimeoutSeconds = std::nullopt);
    // Peek: visible messages, not removed, no pop receipt. count is clamped to 1..32.
    void peekMessages(const QString &queue, int count, QObject *context,
                      std::function<void(Result<QList<QueueMessage>>)> callback);
    // Get Messages: hides them for visibilityTimeoutSeconds and returns pop receipts.
    void receiveMessages(const QString &queue, int count, int visibilityTimeoutSeconds, QObject *context,
                         std::function<void(Result<QList<QueueMessage>>)> callback);
    void deleteMessage(const QString &queue, const QString &messageId, const QString &popReceipt,
                       QObject *context, std::function<void(Status)> callback);
    // x-ms-approximate-messages-count (includes invisible and, on Azurite, expired messages).
    void approximateMessageCount(const QString &queue, QObject *context,
                                 std::function<void(Result<qint64>)> callback);

    // Report queues: the same as peek/receive, each message decoded into a notification (queueName,
    // messageId, insertionTime, dequeueCount filled from the envelope).
    void peekNotifications(const QString &queue, IngestionNotification::Kind expected, int count,
                           QObject *context,
                           std::function<void(Result<QList<IngestionNotification>>)> callback);
    // Received notifications also need their pop receipts to be deleted: returned side by side.
    struct ReceivedNotification
    {
        IngestionNotification notification;
        QString popReceipt;
    };
    void receiveNotifications(const QString &queue, IngestionNotification::Kind expected, int count,
                              int visibilityTimeoutSeconds, QObject *context,
                              std::function<void(Result<QList<ReceivedNotification>>)> callback);

    static IngestionNotification toNotification(const QString &queue, const QueueMessage &message,
                                                IngestionNotification::Kind expected);

private:
    HttpRequest makeRequest(const QByteArray &verb, const QString &encodedPath,
                            const QByteArray &query = {}) const;
    void getMessages(const QString &queue, int count, std::optional<int> visibilityTimeout, QObject *context,
                     std::function<void(Result<QList<QueueMessage>>)> callback);

    QPointer<HttpPipeline> m_pipeline;
    StorageServiceConfig m_config;
};

} // namespace iw
