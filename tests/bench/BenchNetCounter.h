#pragma once

// Counts the HTTP answers an HttpPipeline receives: responses, and response bytes (status line + headers as
// on the wire + body). Hooks QNetworkAccessManager::finished, which Qt emits before the pipeline's own
// slot on QNetworkReply::finished has read the body, so the body is still unread and complete there.
// Benches only; header-only.
#include "azure/HttpPipeline.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QObject>

namespace iw::bench {

class NetCounter
{
public:
    explicit NetCounter(HttpPipeline *pipeline)
    {
        m_conn = QObject::connect(
            pipeline->network(), &QNetworkAccessManager::finished, [this](QNetworkReply *reply) {
                ++m_responses;
                qint64 head = 17 // "HTTP/1.1 200 OK\r\n" without the reason
                    + reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toByteArray().size()
                    + 2; // the blank line
                for (const auto &h : reply->rawHeaderPairs())
                    head += h.first.size() + 2 + h.second.size() + 2;
                m_headerBytes += head;
                m_bodyBytes += reply->bytesAvailable();
            });
    }
    ~NetCounter() { QObject::disconnect(m_conn); }
    NetCounter(const NetCounter &) = delete;
    NetCounter &operator=(const NetCounter &) = delete;

    quint64 responses() const { return m_responses; }
    qint64 bytes() const { return m_headerBytes + m_bodyBytes; }
    qint64 bodyBytes() const { return m_bodyBytes; }

    struct Mark
    {
        quint64 responses = 0;
        qint64 bytes = 0;
    };
    Mark mark() const { return { m_responses, bytes() }; }

private:
    QMetaObject::Connection m_conn;
    quint64 m_responses = 0;
    qint64 m_headerBytes = 0;
    qint64 m_bodyBytes = 0;
};

} // namespace iw::bench
