#include "simulator/HttpFront.h"

#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

namespace iw {

QByteArray SimHttpRequest::header(QByteArrayView name) const
{
    for (const auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

SimHttpResponse SimHttpResponse::json(int status, const QByteArray &body)
{
    SimHttpResponse r;
    r.status = status;
    r.body = body;
    return r;
}

SimHttpResponse SimHttpResponse::text(int status, const QByteArray &body)
{
    SimHttpResponse r;
    r.status = status;
    r.body = body;
    r.contentType = "text/plain; charset=utf-8";
    return r;
}

void SimHttpResponse::setHeader(const QByteArray &name, const QByteArray &value)
{
    for (auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0) {
            h.second = value;
            return;
        }
    }
    headers.append({ name, value });
}

struct SimResponder::State
{
    // Kept alive until the answer is written; QHttpServer 6.4 lets a responder outlive the handler.
    std::unique_ptr<QHttpServerResponder> responder;
    QPointer<QTcpSocket> socket;
    bool done = false;
};

namespace {

QByteArray reason(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 429:
        return "Too Many Requests";
    case 500:
        return "Internal Server Error";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    case 504:
        return "Gateway Timeout";
    default:
        return "Status";
    }
}

QByteArray head(const SimHttpResponse &r, qint64 contentLength)
{
    QByteArray out = "HTTP/1.1 " + QByteArray::number(r.status) + ' ' + reason(r.status) + "\r\n";
    out += "Content-Type: " + r.contentType + "\r\n";
    out += "Content-Length: " + QByteArray::number(contentLength) + "\r\n";
    for (const auto &h : r.headers)
        out += h.first + ": " + h.second + "\r\n";
    out += "\r\n";
    return out;
}

void later(int delayMs, std::function<void()> f)
{
    if (delayMs <= 0)
        f();
    else
        QTimer::singleShot(delayMs, std::move(f));
}

} // namespace

void SimResponder::send(const SimHttpResponse &r, int delayMs)
{
    auto s = m_s;
    later(delayMs, [s, r] {
        if (s->done)
            return;
        s->done = true;
        if (!s->socket)
            return;
        s->socket->write(head(r, r.body.size()) + r.body);
        s->socket->flush();
    });
}

void SimResponder::drop(int delayMs)
{
    auto s = m_s;
    later(delayMs, [s] {
        if (s->done)
            return;
        s->done = true;
        if (s->socket)
            s->socket->abort();
    });
}

void SimResponder::sendTruncated(const SimHttpResponse &r, int delayMs)
{
    auto s = m_s;
    later(delayMs, [s, r] {
        if (s->done)
            return;
        s->done = true;
        if (!s->socket)
            return;
        s->socket->write(head(r, r.body.size() + 64) + r.body.left(r.body.size() / 2));
        s->socket->flush();
        s->socket->disconnectFromHost();
    });
}

HttpFront::HttpFront(QObject *parent) : QObject(parent), m_server(std::make_unique<QHttpServer>())
{
    m_server->setMissingHandler([this](const QHttpServerRequest &req, QHttpServerResponder &&responder) {
        SimHttpRequest r;
        switch (req.method()) {
        case QHttpServerRequest::Method::Get:
            r.method = "GET";
            break;
        case QHttpServerRequest::Method::Post:
            r.method = "POST";
            break;
        case QHttpServerRequest::Method::Put:
            r.method = "PUT";
            break;
        case QHttpServerRequest::Method::Delete:
            r.method = "DELETE";
            break;
        case QHttpServerRequest::Method::Head:
            r.method = "HEAD";
            break;
        case QHttpServerRequest::Method::Options:
            r.method = "OPTIONS";
            break;
        case QHttpServerRequest::Method::Patch:
            r.method = "PATCH";
            break;
        default:
            r.method = "OTHER";
            break;
        }
        r.path = req.url().path();
        r.query = req.query();
        r.headers = req.headers();
        r.body = req.body();
        auto state = std::make_shared<SimResponder::State>();
        state->socket = responder.socket();
        state->responder = std::make_unique<QHttpServerResponder>(std::move(responder));
        SimResponder out(state);
        if (m_handler)
            m_handler(r, out);
        else
            out.send(SimHttpResponse::text(404, "no handler"));
    });
}

HttpFront::~HttpFront() = default;

quint16 HttpFront::listen(const QHostAddress &address, quint16 port)
{
    return m_server->listen(address, port);
}

} // namespace iw
