#pragma once

#include <QFlags>
#include <QList>
#include <QString>
#include <QUrl>

class QProcess;

namespace iw::test {

// Starts Azurite for one test: `azurite-table`, `azurite-queue` (and `azurite-blob` on request) as separate
// processes, in memory (--inMemoryPersistence), telemetry off, silent, on free loopback ports. start()
// returns when every port answers. The processes are stopped by pid in stop() and in the destructor (also
// when the test fails), and die with the test process (PR_SET_PDEATHSIG) if it is killed.
//
//   iw::test::AzuriteProcess azurite;                 // Table | Queue
//   if (!azurite.start()) QSKIP/QFAIL(qPrintable(azurite.errorString()));
//   auto cs = azurite.connectionString();             // devstoreaccount1, path-style endpoints
//
// The binaries come from $IW_AZURITE_BIN_DIR (set by CTest), else
// IW_SOURCE_DIR/tools/azurite/node_modules/.bin.
class AzuriteProcess
{
public:
    enum Service { Table = 1, Queue = 2, Blob = 4 };
    Q_DECLARE_FLAGS(Services, Service)

    explicit AzuriteProcess(Services services = Services(Table) | Queue);
    ~AzuriteProcess();
    AzuriteProcess(const AzuriteProcess &) = delete;
    AzuriteProcess &operator=(const AzuriteProcess &) = delete;

    // Extra command-line flags for every service (e.g. "--debug", "/tmp/az.log"). Before start().
    void setExtraArguments(const QStringList &args) { m_extraArgs = args; }
    // Niceness of the processes (0: the caller's). A benchmark that measures the client's own latency
    // runs the emulator at a lower priority, as a service on another machine would not take the client's
    // cores at all. Before start().
    void setNice(int nice) { m_nice = nice; }

    bool start(int timeoutMs = 30000);
    void stop(); // SIGTERM, then SIGKILL after 3 s; idempotent
    bool isRunning() const;
    QString errorString() const { return m_error; }

    int tablePort() const { return m_tablePort; }
    int queuePort() const { return m_queuePort; }
    int blobPort() const { return m_blobPort; }
    QList<qint64> pids() const;

    QUrl tableEndpoint() const; // http://127.0.0.1:<port>/devstoreaccount1
    QUrl queueEndpoint() const;
    QUrl blobEndpoint() const;
    // "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=<well-known key>;
    //  TableEndpoint=...;QueueEndpoint=...[;BlobEndpoint=...]" for the running services.
    QString connectionString() const;
    static QString accountName() { return QStringLiteral("devstoreaccount1"); }
    static QString accountKey(); // the well-known, public emulator key

    static QString binDir();
    static quint16 freePort(); // a loopback port that was free a moment ago

private:
    struct Proc
    {
        Service service;
        QProcess *process = nullptr;
        int port = 0;
    };
    bool startOne(Proc &p, int timeoutMs);

    Services m_services;
    QList<Proc> m_procs;
    QStringList m_extraArgs;
    int m_nice = 0;
    int m_tablePort = 0;
    int m_queuePort = 0;
    int m_blobPort = 0;
    QString m_error;
};

Q_DECLARE_OPERATORS_FOR_FLAGS(AzuriteProcess::Services)

} // namespace iw::test
