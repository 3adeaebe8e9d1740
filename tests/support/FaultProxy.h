#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QObject>
#include <QTcpServer>
#include <QUrl>

#include <atomic>

class QTcpSocket;

namespace iw::test {

// A small loopback HTTP/1.1 proxy for fault-injection tests. Point a client at url() instead of the real
// server (e.g. Azurite); requests are forwarded to the target unchanged (one upstream connection per
// request, "Connection: close"), unless a fault is due:
//
//   FaultProxy proxy(QHostAddress::LocalHost, azurite.tablePort());
//   QVERIFY(proxy.start());
//   proxy.failNext(2, FaultProxy::Fault::httpStatus(503, /*retryAfterSeconds*/ 1));  // next 2 requests ->
//   503 proxy.setFaultRate(0.3, FaultProxy::Fault::reset());                         // 30 % of the rest:
//   reset QUrl endpoint = proxy.url(QStringLiteral("/devstoreaccount1"));
//
// Faults: a canned status (503/429/500..., optional Retry-After and body), a delay before forwarding, a
// connection reset before any answer, a truncated answer (the head and half the body, then close), or a
// malformed one (the real head, a body that is not valid JSON/XML). goAway()/comeBack(): the backend is
// down, then back on the same port.
// Signatures stay valid through the proxy: only the Host header changes and it is not signed.
// Runs in the thread it was created in (the test's event loop); no threads of its own.
class FaultProxy : public QObject
{
    Q_OBJECT
public:
    struct Fault
    {
        enum class Kind { None, Status, Delay, Reset, Truncate, Malformed, LoseAnswer };
        Kind kind = Kind::None;
        int status = 503;
        int retryAfterSeconds = -1; // < 0: no Retry-After header
        int delayMs = 0; // Delay: then forward normally
        QByteArray body; // Status: response body (default: a storage-style XML error)
        QByteArray errorCode; // Status: x-ms-error-code (default ServerBusy for 503/429)

        static Fault httpStatus(int code, int retryAfterSeconds = -1)
        {
            Fault f;
            f.kind = Kind::Status;
            f.status = code;
            f.retryAfterSeconds = retryAfterSeconds;
            return f;
        }
        static Fault delay(int ms)
        {
            Fault f;
            f.kind = Kind::Delay;
            f.delayMs = ms;
            return f;
        }
        static Fault reset()
        {
            Fault f;
            f.kind = Kind::Reset;
            return f;
        }
        static Fault truncate()
        {
            Fault f;
            f.kind = Kind::Truncate;
            return f;
        }
        // The request reaches the backend and runs there; its answer is lost (the client's connection is
        // reset once the backend has answered).
        static Fault loseAnswer()
        {
            Fault f;
            f.kind = Kind::LoseAnswer;
            return f;
        }
        // The real answer's status and headers with a body that is cut-off JSON/XML (Content-Length fits).
        static Fault malformed()
        {
            Fault f;
            f.kind = Kind::Malformed;
            return f;
        }
    };

    FaultProxy(QHostAddress targetHost, quint16 targetPort, QObject *parent = nullptr);
    ~FaultProxy() override;

    bool start(); // listens on 127.0.0.1, a free port
    // The backend goes away: stop listening and drop every open connection (clients get "connection
    // refused" / "closed"); comeBack() listens again on the same port.
    void goAway();
    bool comeBack();
    quint16 port() const { return m_port; }
    QUrl url(const QString &path = QString()) const; // http://127.0.0.1:<port><path>

    void failNext(int count, const Fault &fault); // the next `count` requests get `fault`
    void setFaultRate(double rate, const Fault &fault); // then each request with probability `rate`
    void setOnlyMethod(const QByteArray &method); // faults hit only requests of this method ("" = all)
    void clearFaults();

    int requestsSeen() const { return m_requests; }
    int faultsInjected() const { return m_faults; }
    int forwarded() const { return m_forwarded; }

Q_SIGNALS:
    void requestSeen(const QByteArray &method, const QByteArray &path, bool faulted);

private:
    void onNewConnection();
    void onClientData(QTcpSocket *client);
    void handleRequest(QTcpSocket *client, QByteArray request);
    void forward(QTcpSocket *client, QByteArray request, Fault::Kind how);
    Fault nextFault();

    QTcpServer m_server;
    QHostAddress m_targetHost;
    quint16 m_targetPort;
    quint16 m_port = 0; // kept for comeBack()
    QByteArray m_onlyMethod;
    int m_nextCount = 0;
    Fault m_nextFault;
    double m_rate = 0;
    Fault m_rateFault;
    int m_requests = 0;
    int m_faults = 0;
    int m_forwarded = 0;
};

} // namespace iw::test
