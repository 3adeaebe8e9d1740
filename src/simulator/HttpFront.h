#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QPair>
#include <QUrlQuery>

#include <functional>
#include <memory>

class QHttpServer;

namespace iw {

// A request as the simulator's handlers see it (copied out of QHttpServerRequest).
struct SimHttpRequest
{
    QByteArray method; // "GET", "POST", ...
    QString path; // decoded path, e.g. "/v1/rest/mgmt"
    QUrlQuery query;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;

    QByteArray header(QByteArrayView name) const; // case-insensitive; empty when absent
};

struct SimHttpResponse
{
    int status = 200;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    QByteArray contentType = "application/json; charset=utf-8";

    static SimHttpResponse json(int status, const QByteArray &body);
    static SimHttpResponse text(int status, const QByteArray &body);
    void setHeader(const QByteArray &name, const QByteArray &value);
};

// Answers one request, now or later, once. Writes the HTTP/1.1 response itself, so it can also
// misbehave on purpose (fault injection): drop the connection or cut the body short.
class SimResponder
{
public:
    struct State;
    explicit SimResponder(std::shared_ptr<State> s) : m_s(std::move(s)) { }

    void send(const SimHttpResponse &r, int delayMs = 0);
    void drop(int delayMs = 0); // close the connection without an answer
    void sendTruncated(const SimHttpResponse &r, int delayMs = 0); // headers promise more than is sent

private:
    std::shared_ptr<State> m_s;
};

// The one place that knows the QHttpServer 6.4 API (listen() returning the port, setMissingHandler()
// with a responder). Every request goes to one handler; routing is the caller's business.
class HttpFront : public QObject
{
    Q_OBJECT
public:
    using Handler = std::function<void(const SimHttpRequest &, SimResponder)>;

    explicit HttpFront(QObject *parent = nullptr);
    ~HttpFront() override;

    void setHandler(Handler h) { m_handler = std::move(h); }
    // Returns the port (0 on failure). Port 0 picks a free one.
    quint16 listen(const QHostAddress &address, quint16 port);

private:
    std::unique_ptr<QHttpServer> m_server;
    Handler m_handler;
};

} // namespace iw
