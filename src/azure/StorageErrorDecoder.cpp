#include "azure/StorageErrorDecoder.h"

#include "core/QueueMessageXml.h"
#include "core/TableEntityJson.h"

namespace iw {

Error StorageErrorDecoder::decode(const HttpResponse &r)
{
    Error e;
    e.code = QString::fromUtf8(r.header("x-ms-error-code")).trimmed();
    const QByteArray ct = r.header("Content-Type").toLower();
    QString code;
    QString message;
    bool parsed = false;
    if (!r.body.isEmpty()) {
        if (ct.contains("json"))
            parsed = TableEntityJson::parseODataError(r.body, &code, &message);
        else if (ct.contains("xml"))
            parsed = QueueMessageXml::parseError(r.body, &code, &message);
        if (!parsed) // content type missing or wrong: try both
            parsed = TableEntityJson::parseODataError(r.body, &code, &message)
                || QueueMessageXml::parseError(r.body, &code, &message);
    }
    if (e.code.isEmpty())
        e.code = code;
    const qsizetype cut = message.indexOf(QLatin1String("\nRequestId:"));
    if (cut >= 0)
        message.truncate(cut);
    e.message = message.trimmed();
    if (e.message.isEmpty())
        e.message = QString::fromUtf8(r.reasonPhrase).trimmed();
    if (e.code == QLatin1String("TableNotFound") || e.code == QLatin1String("QueueNotFound")
        || e.code == QLatin1String("ResourceNotFound") || e.code == QLatin1String("MessageNotFound")
        || e.code == QLatin1String("ContainerNotFound") || e.code == QLatin1String("BlobNotFound"))
        e.kind = Error::Kind::NotFound;
    else if (e.code.startsWith(QLatin1String("Authentication"))
             || e.code.startsWith(QLatin1String("Authorization")))
        e.kind = Error::Kind::Auth;
    else if (e.code == QLatin1String("ServerBusy"))
        e.kind = Error::Kind::Throttled;
    return e;
}

} // namespace iw
