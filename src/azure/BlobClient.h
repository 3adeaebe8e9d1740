#pragma once

#include "azure/HttpPipeline.h"
#include "azure/StorageCredential.h"
#include "core/Result.h"

#include <QObject>
#include <QPointer>

#include <functional>

namespace iw {

// Azure Blob REST, only what the simulator needs: create a container (Blob SharedKey, the same layout
// as queues, x-ms-version 2021-12-02). An existing container is success.
class BlobClient : public QObject
{
    Q_OBJECT
public:
    BlobClient(HttpPipeline *pipeline, StorageServiceConfig config, QObject *parent = nullptr);

    void createContainer(const QString &container, QObject *context, std::function<void(Status)> callback);

private:
    QPointer<HttpPipeline> m_pipeline;
    StorageServiceConfig m_config;
};

} // namespace iw
