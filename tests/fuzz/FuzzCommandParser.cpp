// The simulator's management-command parser: any text gives a command or a syntax Error (never a crash);
// a parsed command written back in canonical form (strings quoted with kqlQuote) parses to the same
// command.
#include "FuzzCheck.h"

#include "core/KqlQuote.h"
#include "simulator/CommandParser.h"

#include <cmath>

using namespace iw;
using iw::fuzz::show;

namespace {

QString describe(const MgmtCommand &c)
{
    QStringList p { toString(c.kind),
                    show(c.operationIds),
                    show(c.database),
                    show(c.table),
                    QString::number(c.enableTracking),
                    QString::number(c.skipBatching),
                    c.compressionFactor ? QStringLiteral("cf") : QStringLiteral("-"),
                    show(c.sourceUrls) };
    for (const auto &kv : c.properties)
        p << show(kv.first) + QLatin1Char('=') + show(kv.second);
    return p.join(QLatin1Char('|'));
}

// nullopt when a string holds a character kqlQuote refuses (no KQL escape for it).
std::optional<QString> quoted(const QString &s)
{
    const Result<QString> q = kqlQuote(s);
    return q ? std::optional<QString>(*q) : std::nullopt;
}

std::optional<QString> render(const MgmtCommand &c)
{
    QString out;
    switch (c.kind) {
    case MgmtCommand::Kind::ShowQueuedOperations: {
        QStringList ids;
        for (const QString &id : c.operationIds) {
            const auto q = quoted(id);
            if (!q)
                return std::nullopt;
            ids << *q;
        }
        return QStringLiteral(".show queued ingestion operations (") + ids.join(QStringLiteral(", "))
            + QLatin1Char(')');
    }
    case MgmtCommand::Kind::ShowQueuedOperationDetails: {
        const auto q = quoted(c.operationIds.value(0));
        if (!q)
            return std::nullopt;
        return QStringLiteral(".show queued ingestion operations ") + *q + QStringLiteral(" details");
    }
    case MgmtCommand::Kind::CancelQueuedOperation: {
        const auto q = quoted(c.operationIds.value(0));
        if (!q)
            return std::nullopt;
        return QStringLiteral(".cancel queued ingestion operation ") + *q;
    }
    case MgmtCommand::Kind::GetIngestionResources:
        return QStringLiteral(".get ingestion resources");
    case MgmtCommand::Kind::GetKustoIdentityToken:
        return QStringLiteral(".get kusto identity token");
    case MgmtCommand::Kind::IngestFromStorageQueued: {
        out = QStringLiteral(".ingest-from-storage-queued into table ");
        if (!c.database.isEmpty()) {
            const auto db = quoted(c.database);
            if (!db)
                return std::nullopt;
            out += QStringLiteral("database(") + *db + QStringLiteral(").");
        }
        const auto t = quoted(c.table);
        if (!t)
            return std::nullopt;
        out += QLatin1Char('[') + *t + QLatin1Char(']');
        out += QStringLiteral(" EnableTracking=")
            + (c.enableTracking ? QStringLiteral("true") : QStringLiteral("false"));
        out += QStringLiteral(" SkipBatching=")
            + (c.skipBatching ? QStringLiteral("true") : QStringLiteral("false"));
        if (c.compressionFactor) {
            if (!std::isfinite(*c.compressionFactor))
                return std::nullopt;
            out += QStringLiteral(" CompressionFactor=") + QString::number(*c.compressionFactor, 'f', 6);
        }
        if (!c.properties.isEmpty()) {
            QStringList props;
            for (const auto &kv : c.properties) {
                const auto v = quoted(kv.second);
                if (!v)
                    return std::nullopt;
                props << kv.first + QStringLiteral(" = ") + *v;
            }
            out += QStringLiteral(" with (") + props.join(QStringLiteral(", ")) + QLatin1Char(')');
        }
        QStringList urls;
        for (const QString &u : c.sourceUrls) {
            const auto q = quoted(u);
            if (!q)
                return std::nullopt;
            urls << *q;
        }
        return out + QStringLiteral(" <| ") + urls.join(QStringLiteral(", "));
    }
    }
    return std::nullopt;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    const QString text = QString::fromUtf8(iw::fuzz::bytes(data, size));
    const Result<MgmtCommand> cmd = CommandParser::parse(text);
    if (!cmd) {
        FUZZ_CHECK(cmd.error().kind == Error::Kind::Parse && !cmd.error().code.isEmpty()
                       && !cmd.error().message.isEmpty(),
                   show(text));
        return 0;
    }
    switch (cmd->kind) {
    case MgmtCommand::Kind::ShowQueuedOperations:
        FUZZ_CHECK(!cmd->operationIds.isEmpty(), show(text));
        break;
    case MgmtCommand::Kind::ShowQueuedOperationDetails:
    case MgmtCommand::Kind::CancelQueuedOperation:
        FUZZ_CHECK(cmd->operationIds.size() == 1, show(text));
        break;
    case MgmtCommand::Kind::IngestFromStorageQueued:
        FUZZ_CHECK(!cmd->sourceUrls.isEmpty(), show(text));
        for (const QString &u : cmd->sourceUrls)
            FUZZ_CHECK(!u.trimmed().isEmpty(), show(text));
        break;
    default:
        break;
    }

    const std::optional<QString> canonical = render(*cmd);
    if (!canonical)
        return 0;
    const Result<MgmtCommand> again = CommandParser::parse(*canonical);
    MgmtCommand expected = *cmd;
    if (expected.compressionFactor && again && again->compressionFactor
        && std::abs(*again->compressionFactor - *expected.compressionFactor)
            <= 1e-6 * std::max(1.0, std::abs(*expected.compressionFactor)))
        expected.compressionFactor = again->compressionFactor;
    FUZZ_CHECK(again.ok() && describe(*again) == describe(expected)
                   && again->compressionFactor == expected.compressionFactor,
               show(text) + QStringLiteral("\nread    ") + describe(*cmd) + QStringLiteral("\nwritten ")
                   + show(*canonical) + QStringLiteral("\nread    ")
                   + (again ? describe(*again) : again.error().message));
    return 0;
}
