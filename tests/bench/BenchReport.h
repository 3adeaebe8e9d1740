#pragma once

// One result format for every benchmark: a row per measure (ours vs a baseline measured in the same run),
// printed as a table on stdout and, with `--json FILE` on the bench's command line, written as JSON so
// scripts/bench can merge all benches into one table. Header-only; benches only.
//
//   iw::bench::Report report(QStringLiteral("BenchTableFetch"));
//   report.add({ QStringLiteral("P2 client CPU, 100k entities"), QStringLiteral("ms"), ours, sdk,
//                QStringLiteral("<= 0.33x baseline"), ours <= sdk / 3 });
//   report.print();
//   report.writeJsonFromArgs(QCoreApplication::arguments());
//
// JSON: {"bench": "...", "rows": [{"measure", "unit", "ours", "baseline", "ratio", "target", "pass"}]}
// ("baseline" and "ratio" are null when a measure has no baseline; "pass" is null when it has no target).

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <optional>

namespace iw::bench {

struct Row
{
    QString measure;
    QString unit;
    double ours = 0;
    std::optional<double> baseline; // measured in the same run
    QString target; // human-readable, e.g. "<= 16 ms" or ">= 100x fewer"
    std::optional<bool> pass; // empty when the row has no target

    std::optional<double> ratio() const
    {
        if (!baseline || *baseline == 0)
            return std::nullopt;
        return ours / *baseline;
    }
};

class Report
{
public:
    explicit Report(QString bench) : m_bench(std::move(bench)) { }

    void add(Row row) { m_rows.append(std::move(row)); }
    const QList<Row> &rows() const { return m_rows; }

    void print() const
    {
        std::printf("\n%s\n", qPrintable(m_bench));
        std::printf("%-48s %12s %12s %8s  %-22s %s\n", "measure", "ours", "baseline", "ratio", "target",
                    "result");
        for (const Row &r : m_rows) {
            const QString base = r.baseline ? number(*r.baseline) : QStringLiteral("-");
            const QString ratio = r.ratio() ? QString::number(*r.ratio(), 'f', 3) : QStringLiteral("-");
            const char *verdict = !r.pass ? "-" : (*r.pass ? "PASS" : "FAIL");
            std::printf("%-48s %12s %12s %8s  %-22s %s\n",
                        qPrintable(r.measure + QStringLiteral(" (") + r.unit + QLatin1Char(')')),
                        qPrintable(number(r.ours)), qPrintable(base), qPrintable(ratio), qPrintable(r.target),
                        verdict);
        }
        std::fflush(stdout);
    }

    QJsonObject toJson() const
    {
        QJsonArray rows;
        for (const Row &r : m_rows) {
            QJsonObject o { { QStringLiteral("measure"), r.measure },
                            { QStringLiteral("unit"), r.unit },
                            { QStringLiteral("ours"), r.ours },
                            { QStringLiteral("target"), r.target } };
            o.insert(QStringLiteral("baseline"), r.baseline ? QJsonValue(*r.baseline) : QJsonValue());
            o.insert(QStringLiteral("ratio"), r.ratio() ? QJsonValue(*r.ratio()) : QJsonValue());
            o.insert(QStringLiteral("pass"), r.pass ? QJsonValue(*r.pass) : QJsonValue());
            rows.append(o);
        }
        return { { QStringLiteral("bench"), m_bench }, { QStringLiteral("rows"), rows } };
    }

    // Writes the JSON to the file named after `--json` in args, if present. Returns false on a write error.
    bool writeJsonFromArgs(const QStringList &args) const
    {
        const qsizetype i = args.indexOf(QStringLiteral("--json"));
        if (i < 0 || i + 1 >= args.size())
            return true;
        QFile f(args.at(i + 1));
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
            std::fprintf(stderr, "%s: cannot write %s: %s\n", qPrintable(m_bench), qPrintable(args.at(i + 1)),
                         qPrintable(f.errorString()));
            return false;
        }
        f.write(QJsonDocument(toJson()).toJson(QJsonDocument::Indented));
        return f.flush();
    }

private:
    static QString number(double v)
    {
        const double a = std::fabs(v);
        return QString::number(v, 'f', a >= 100 ? 0 : a >= 1 ? 2 : 4);
    }

    QString m_bench;
    QList<Row> m_rows;
};

// The median of a run's samples (the mean of the middle two for an even count); 0 for none.
inline double median(QList<double> v)
{
    if (v.isEmpty())
        return 0;
    std::sort(v.begin(), v.end());
    const qsizetype n = v.size();
    return n % 2 ? v.at(n / 2) : (v.at(n / 2 - 1) + v.at(n / 2)) / 2;
}

} // namespace iw::bench
