#include "FaultProxy.h"

#include <QPointer>
#include <QRandomGenerator>
#include <QTcpSocket>
#include <QTimer>

namespace iw::test {

namespace {

// Length of a complete request at the start of `buf` (head + Content-Length body), or -1 if incomplete.
qsizetype completeRequestLength(const QByteArray &buf)
{
    const qsizetype headEnd = buf.indexOf("\r\n\r\n");
    if (headEnd < 0)
        return -1;
    qint64 contentLength = 0;
    const QList<QByteArray> lines = buf.left(headEnd).split('\n');
    for (const QByteArray &raw : lines) {
        const QByteArray line = raw.trimmed();
        if (line.toLower().startsWith("content-length:"))
            contentLength = line.mid(15).trimmed().toLongLong();
    }
    const qsizetype total = headEnd + 4 + contentLength;
    return buf.size() >= total ? total : -1;
}

QByteArray withConnectionClose(const QByteArray &request)
{
    const qsizetype headEnd = request.indexOf("\r\n\r\n");
    QList<QByteArray> lines = request.left(headEnd).split('\n');
    QByteArray out;
    for (QByteArray line : lines) {
        line = line.trimmed();
        const QByteArray lower = line.toLower();
        if (lower.startsWith("connection:") || lower.startsWith("keep-alive:"))
            continue;
        out += line + "\r\n";
    }
    out += "Connection: close\r\n\r\n";
    out += request.mid(headEnd + 4);
    return out;
}

QByteArray reasonFor(int status)
{
    switch (status) {
    case 408:
        return "Request Timeout";
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
        return "Injected";
    }
}

} // namespace

FaultProxy::FaultProxy(QHostAddress targetHost, quint16 targetPort, QObject *parent)
    : QObject(parent), m_targetHost(std::move(targetHost)), m_targetPort(targetPort)
{
    connect(&m_server, &QTcpServer::newConnection, this, &FaultProxy::onNewConnection);
}

FaultProxy::~FaultProxy()
{
    m_server.close();
}

bool FaultProxy::start()
{
    if (!m_server.listen(QHostAddress::LocalHost, m_port))
        return false;
    m_port = m_server.serverPort();
    return true;
}

void FaultProxy::goAway()
{
    m_server.close();
    for (QTcpSocket *s : findChildren<QTcpSocket *>())
        s->abort();
}

bool FaultProxy::comeBack()
{
    return m_server.isListening() || start();
}

QUrl FaultProxy::url(const QString &path) const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(port()).arg(path));
}

void FaultProxy::failNext(int count, const Fault &fault)
{
    m_nextCount = count;
    m_nextFault = fault;
}

void FaultProxy::setFaultRate(double rate, const Fault &fault)
{
    m_rate = rate;
    m_rateFault = fault;
}

void FaultProxy::setOnlyMethod(const QByteArray &method)
{
    m_onlyMethod = method;
}

void FaultProxy::clearFaults()
{
    m_nextCount = 0;
    m_rate = 0;
    m_onlyMethod.clear();
}

FaultProxy::Fault FaultProxy::nextFault()
{
    if (m_nextCount > 0) {
        --m_nextCount;
        return m_nextFault;
    }
    if (m_rate > 0 && QRandomGenerator::global()->generateDouble() < m_rate)
        return m_rateFault;
    return {};
}

void FaultProxy::onNewConnection()
{
    while (QTcpSocket *client = m_server.nextPendingConnection()) {
        client->setParent(this);
        client->setProperty("iw_busy", false);
        connect(client, &QTcpSocket::readyRead, this, [this, client] { onClientData(client); });
        connect(client, &QTcpSocket::disconnected, client, &QObject::deleteLater);
    }
}

void FaultProxy::onClientData(QTcpSocket *client)
{
    if (client->property("iw_busy").toBool())
        return; // one request at a time per connection; the rest stays buffered in the socket
    QByteArray buf = client->property("iw_buf").toByteArray() + client->readAll();
    const qsizetype len = completeRequestLength(buf);
    if (len < 0) {
        client->setProperty("iw_buf", buf);
        return;
    }
    client->setProperty("iw_buf", buf.mid(len));
    client->setProperty("iw_busy", true);
    handleRequest(client, buf.left(len));
}

void FaultProxy::handleRequest(QTcpSocket *client, QByteArray request)
{
    ++m_requests;
    const QList<QByteArray> first = request.left(request.indexOf("\r\n")).split(' ');
    const QByteArray method = first.value(0);
    const QByteArray path = first.value(1);
    const Fault f = m_onlyMethod.isEmpty() || method == m_onlyMethod ? nextFault() : Fault {};
    Q_EMIT requestSeen(method, path, f.kind != Fault::Kind::None && f.kind != Fault::Kind::Delay);
    switch (f.kind) {
    case Fault::Kind::None:
        forward(client, std::move(request), Fault::Kind::None);
        return;
    case Fault::Kind::Delay: {
        QPointer<QTcpSocket> c(client);
        QTimer::singleShot(f.delayMs, this, [this, c, request]() {
            if (c)
                forward(c, request, Fault::Kind::None);
        });
        return;
    }
    case Fault::Kind::Reset:
        ++m_faults;
        client->abort();
        return;
    case Fault::Kind::Truncate:
    case Fault::Kind::Malformed:
    case Fault::Kind::LoseAnswer:
        ++m_faults;
        forward(client, std::move(request), f.kind);
        return;
    case Fault::Kind::Status: {
        ++m_faults;
        QByteArray code = f.errorCode;
        if (code.isEmpty() && (f.status == 503 || f.status == 429))
            code = "ServerBusy";
        QByteArray body = f.body;
        if (body.isEmpty())
            body = "<?xml version=\"1.0\" encoding=\"utf-8\"?><Error><Code>"
                + (code.isEmpty() ? "InternalError" : code)
                + "</Code><Message>Injected by FaultProxy</Message></Error>";
        QByteArray resp = "HTTP/1.1 " + QByteArray::number(f.status) + ' ' + reasonFor(f.status) + "\r\n";
        resp += "Content-Type: application/xml\r\n";
        if (!code.isEmpty())
            resp += "x-ms-error-code: " + code + "\r\n";
        if (f.retryAfterSeconds >= 0)
            resp += "Retry-After: " + QByteArray::number(f.retryAfterSeconds) + "\r\n";
        resp += "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
        client->write(resp);
        client->setProperty("iw_busy", false);
        if (client->bytesAvailable() || !client->property("iw_buf").toByteArray().isEmpty())
            QTimer::singleShot(0, client, [this, client] { onClientData(client); });
        return;
    }
    }
}

void FaultProxy::forward(QTcpSocket *client, QByteArray request, Fault::Kind how)
{
    ++m_forwarded;
    auto *upstream = new QTcpSocket(this);
    auto response = std::make_shared<QByteArray>();
    QPointer<QTcpSocket> c(client);
    connect(upstream, &QTcpSocket::connected, upstream,
            [upstream, req = withConnectionClose(request)] { upstream->write(req); });
    connect(upstream, &QTcpSocket::readyRead, upstream,
            [upstream, response] { *response += upstream->readAll(); });
    auto finished = std::make_shared<bool>(false);
    const auto finish = [upstream, response, c, how, finished] {
        if (*finished)
            return;
        *finished = true;
        *response += upstream->readAll();
        upstream->deleteLater();
        if (!c)
            return;
        if (response->isEmpty() || how == Fault::Kind::LoseAnswer) {
            c->abort();
            return;
        }
        const qsizetype headEnd = response->indexOf("\r\n\r\n");
        if (how == Fault::Kind::Truncate) {
            const qsizetype bodyLen = headEnd < 0 ? 0 : response->size() - headEnd - 4;
            c->write(response->left(headEnd < 0 ? response->size() / 2 : headEnd + 4 + bodyLen / 2));
        } else if (how == Fault::Kind::Malformed && headEnd >= 0) {
            // The same status and headers; a body that starts like JSON and XML and is neither.
            const QByteArray body = "{\"value\":[{\"PartitionKey\":\"<QueueMessagesList><QueueMessage><Mess";
            QByteArray head;
            for (const QByteArray &raw : response->left(headEnd).split('\n')) {
                const QByteArray line = raw.trimmed();
                const QByteArray lower = line.toLower();
                if (lower.startsWith("content-length:") || lower.startsWith("transfer-encoding:"))
                    continue;
                head += line + "\r\n";
            }
            c->write(head + "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body);
        } else {
            c->write(*response);
        }
        // The upstream answered "Connection: close"; close our side too once written.
        c->disconnectFromHost();
    };
    connect(upstream, &QTcpSocket::disconnected, upstream, finish);
    connect(upstream, &QTcpSocket::errorOccurred, upstream,
            [upstream, finish](QAbstractSocket::SocketError e) {
                if (e != QAbstractSocket::RemoteHostClosedError)
                    finish();
                Q_UNUSED(upstream);
            });
    upstream->connectToHost(m_targetHost, m_targetPort);
}

} // namespace iw::test
