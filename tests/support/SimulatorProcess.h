#pragma once

#include "AzuriteProcess.h"

#include <QMap>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <memory>

class QProcess;

namespace iw::test {

// Starts the ingestwatch-sim binary for one test on a free loopback port and reads its ready lines
// (INGESTWATCH_SIM_URL=, INGESTWATCH_SIM_PORT=, INGESTWATCH_SIM_TOKEN= with --print-token). With
// Storage::Azurite it first starts Azurite (table + queue + blob, in memory) and passes its connection
// string with --storage; with Storage::None it passes --no-storage unless args name a --storage of
// their own (a test that keeps one Azurite for several simulator runs). The simulator (and Azurite) are
// stopped by pid in stop() and in the destructor, and die with the test process (PR_SET_PDEATHSIG).
// The simulator's stderr is forwarded to the test's stderr.
//
//   iw::test::SimulatorProcess sim;
//   if (!sim.start({ "--print-token", "--seed", "7" }, SimulatorProcess::Storage::Azurite))
//       QFAIL(qPrintable(sim.errorString()));
//   KustoClient client(&pipeline, sim.url(), new StaticTokenProvider(sim.token()));
//
// The binary is $IW_SIM_BIN (set by CTest), else ingestwatch-sim found next to or above the test binary
// in the build tree (src/simulator/ingestwatch-sim).
class SimulatorProcess
{
public:
    enum class Storage { None, Azurite };

    SimulatorProcess();
    ~SimulatorProcess();
    SimulatorProcess(const SimulatorProcess &) = delete;
    SimulatorProcess &operator=(const SimulatorProcess &) = delete;

    // args: extra simulator flags (not --listen, which start() adds: 127.0.0.1:0).
    bool start(const QStringList &args = {}, Storage storage = Storage::None, int timeoutMs = 60000);
    // Niceness of the simulator and of its Azurite (see AzuriteProcess::setNice). Before start().
    void setNice(int nice) { m_nice = nice; }
    void stop(); // SIGTERM, then SIGKILL after 3 s; Azurite too; idempotent
    bool isRunning() const;
    QString errorString() const { return m_error; }

    QUrl url() const { return m_url; } // http://127.0.0.1:<port>
    quint16 port() const { return m_port; }
    QString token() const { return m_token; } // empty unless --print-token
    QMap<QString, QString> readyValues() const { return m_values; }
    qint64 pid() const;

    AzuriteProcess *azurite() const { return m_azurite.get(); }
    QString storageConnectionString() const;

    static QString binary();

private:
    std::unique_ptr<AzuriteProcess> m_azurite;
    QProcess *m_process = nullptr;
    int m_nice = 0;
    QUrl m_url;
    quint16 m_port = 0;
    QString m_token;
    QMap<QString, QString> m_values;
    QString m_error;
};

} // namespace iw::test
