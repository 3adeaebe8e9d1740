#include "core/IngestionErrorCode.h"

#include <QHash>

#include <array>

namespace iw {

namespace {

using C = IngestionErrorCode::Category;
constexpr bool P = false; // permanent
constexpr bool T = true; // transient

struct Entry
{
    const char *name;
    C category;
    bool transient;
    const char *hint;
};

// Transient: the documentation's transient list (Download_UnknownError,
// Download_TransientNameResolutionFailure, General_InternalServerError, General_TransientSchemaMismatch,
// Timeout, OutOfMemory, the three retryable UpdatePolicy_ codes, General_ThrottledIngestion, Unknown), plus
// Stream_LowMemoryCondition and General_AbandonedIngestion, which by their names are conditions of the
// service, not of the data.
constexpr std::array kCatalogue {
    // The Java SDK enum, in its order.
    Entry { "Unknown", C::Unknown, T, "The service did not say why; retrying may help. Check Details." },
    Entry { "Stream_LowMemoryCondition", C::InternalServiceError, T,
            "The service ran low on memory; retry later or ingest smaller files." },
    Entry { "Stream_WrongNumberOfFields", C::BadFormat, P,
            "A record has a different number of fields than the first; fix the source file." },
    Entry { "Stream_InputStreamTooLarge", C::FileTooLarge, P,
            "The source is above the size limit; split it." },
    Entry { "Stream_NoDataToIngest", C::BadFormat, P,
            "No records were found; check the file and its format." },
    Entry { "Stream_ClosingQuoteMissing", C::BadFormat, P,
            "A quoted CSV field is never closed; fix the file." },
    Entry { "Download_SourceNotFound", C::DownloadFailed, P,
            "The blob was not found; check that it exists and was not deleted." },
    Entry { "Download_AccessConditionNotSatisfied", C::DownloadFailed, P,
            "The blob changed or is leased; re-submit once it is stable." },
    Entry { "Download_Forbidden", C::DataAccessNotAuthorized, P,
            "The service may not read the blob; check the SAS or the managed identity's role." },
    Entry { "Download_AccountNotFound", C::DownloadFailed, P,
            "The storage account was not found; check the account name in the URL." },
    Entry { "Download_BadRequest", C::DownloadFailed, P,
            "Storage rejected the download request; check the URL." },
    Entry { "Download_NotTransient", C::DownloadFailed, P,
            "The download failed permanently; check the blob and its URL." },
    Entry { "Download_UnknownError", C::DownloadFailed, T, "The download failed; retrying may succeed." },
    Entry { "BadRequest_DatabaseAccessDenied", C::UserAccessNotAuthorized, P,
            "The principal may not ingest into this database; grant Ingestor rights." },
    Entry { "BadRequest_InvalidAuthentication", C::UserAccessNotAuthorized, P,
            "The request's credentials were invalid; check the identity used." },
    Entry { "UpdatePolicy_QuerySchemaDoesNotMatchTableSchema", C::UpdatePolicyFailure, P,
            "An update policy's query output does not match its target table; fix the policy." },
    Entry { "UpdatePolicy_FailedDescendantTransaction", C::UpdatePolicyFailure, T,
            "A transactional update policy failed; retrying may succeed." },
    Entry { "UpdatePolicy_IngestionError", C::UpdatePolicyFailure, T,
            "Ingestion into an update policy's target failed; retrying may succeed." },
    Entry { "UpdatePolicy_UnknownError", C::UpdatePolicyFailure, T,
            "An update policy failed; retrying may succeed." },
    Entry { "BadRequest_MissingJsonMappingtFailure", C::BadRequest, P,
            "JSON data needs an ingestion mapping; pass ingestionMappingReference." },
    Entry { "BadRequest_InvalidOrEmptyBlob", C::BadFormat, P,
            "The blob is empty or unreadable; check the file." },
    Entry { "BadRequest_DatabaseNotExist", C::EntityNotFound, P,
            "The database does not exist; check its name." },
    Entry { "BadRequest_TableNotExist", C::EntityNotFound, P,
            "The table does not exist; create it or check its name." },
    Entry { "BadRequest_InvalidKustoIdentityToken", C::UserAccessNotAuthorized, P,
            "The ingestion's identity token was rejected; fetch a new one (.get kusto identity token)." },
    Entry { "Forbidden", C::UserAccessNotAuthorized, P,
            "Access was denied; check the principal's permissions." },
    Entry { "BadRequest_UriMissingSas", C::DataAccessNotAuthorized, P,
            "The blob URL has no SAS or credential; add one or use a managed identity." },
    Entry { "BadRequest_FileTooLarge", C::FileTooLarge, P, "The file is above the size limit; split it." },
    Entry { "BadRequest_NoValidResponseFromEngine", C::BadRequest, P,
            "The engine gave no valid answer for this ingestion; check the cluster's health and Details." },
    Entry { "BadRequest_TableAccessDenied", C::UserAccessNotAuthorized, P,
            "The principal may not ingest into this table; grant Table Ingestor rights." },
    Entry { "BadRequest_MessageExhausted", C::RetryAttemptsExceeded, P,
            "The ingestion message was retried too often; re-submit it." },
    Entry { "General_BadRequest", C::BadRequest, P, "The request was invalid; see Details." },
    Entry { "General_InternalServerError", C::InternalServiceError, T,
            "The service had an internal error; retrying may succeed." },
    Entry { "UpdatePolicy_Cyclic_Update_Not_Allowed", C::UpdatePolicyFailure, P,
            "Update policies form a cycle; change the policies." },
    Entry { "UpdatePolicy_Transactional_Not_Allowed_In_Streaming_Ingestion", C::UpdatePolicyFailure, P,
            "Transactional update policies do not work with streaming ingestion; change one of them." },
    Entry { "BadRequest_EmptyBlob", C::BadFormat, P, "The blob is empty; check the source." },
    Entry { "BadRequest_EmptyBlobUri", C::BadRequest, P, "No blob URL was given; check the request." },
    Entry { "BadRequest_DuplicateMapping", C::BadRequest, P,
            "Both a mapping and a mapping reference were given; pass only one." },
    Entry { "BadRequest_InvalidOrEmptyTableName", C::BadRequest, P, "The table name is empty or invalid." },
    Entry { "BadRequest_EmptyDatabaseName", C::BadRequest, P, "The database name is empty." },
    Entry { "BadRequest_EmptyMappingReference", C::BadRequest, P, "The mapping reference is empty." },
    Entry { "BadRequest_InvalidCsvMapping", C::BadRequest, P,
            "The CSV mapping is invalid; fix the mapping." },
    Entry { "BadRequest_InvalidMapping", C::BadRequest, P,
            "The ingestion mapping is invalid; fix the mapping." },
    Entry { "BadRequest_InvalidMappingReference", C::BadRequest, P,
            "The mapping reference is invalid; check its name and kind." },
    Entry { "BadRequest_MappingReferenceWasNotFound", C::EntityNotFound, P,
            "The named mapping does not exist on the table; create it or fix the name." },
    Entry { "BadRequest_EntityNotFound", C::EntityNotFound, P,
            "A database, table or mapping was not found." },
    Entry { "BadRequest_InvalidJsonMapping", C::BadRequest, P,
            "The JSON mapping is invalid; fix the mapping." },
    Entry { "BadRequest_InvalidBlob", C::BadFormat, P, "The blob could not be read as the given format." },
    Entry { "BadRequest_FormatNotSupported", C::BadFormat, P, "The data format is not supported here." },
    Entry { "BadRequest_EmptyArchive", C::BadFormat, P, "The archive holds no files." },
    Entry { "BadRequest_InvalidArchive", C::BadFormat, P,
            "The archive is corrupt or not a supported archive." },
    Entry { "BadRequest_CorruptedMessage", C::BadRequest, P,
            "The ingestion message was corrupt; re-submit it." },
    Entry { "BadRequest_InconsistentMapping", C::BadFormat, P,
            "The mapping does not match the table's schema; fix the mapping." },
    Entry { "BadRequest_SyntaxError", C::BadFormat, P, "The data has a syntax error for its format." },
    Entry { "BadRequest_UnexpectedCharacterInInputStream", C::BadFormat, P,
            "The data has an unexpected character; check encoding and format." },
    Entry { "BadRequest_ZeroRetentionPolicyWithNoUpdatePolicy", C::BadRequest, P,
            "The table keeps no data (zero retention) and has no update policy." },
    Entry { "BadRequest_CreationTimeEarlierThanSoftDeletePeriod", C::BadRequest, P,
            "The creationTime is older than the retention period; fix creationTime." },
    Entry { "BadRequest_NotSupported", C::BadRequest, P, "The request is not supported." },
    Entry { "BadRequest_EntityNameIsNotValid", C::BadRequest, P,
            "A database, table or mapping name is invalid." },
    Entry { "BadRequest_MalformedIngestionProperty", C::BadRequest, P,
            "An ingestion property is malformed." },
    Entry { "BadRequest_IngestionPropertyNotSupportedInThisContext", C::BadRequest, P,
            "An ingestion property is not supported for this kind of ingestion." },
    Entry { "BadRequest_InvalidBlobUri", C::BadRequest, P, "The blob URL is invalid." },
    Entry { "General_AbandonedIngestion", C::InternalServiceError, T,
            "The service abandoned the ingestion; re-submit it." },
    Entry { "General_ThrottledIngestion", C::ThrottledOnEngine, T,
            "The engine is throttling ingestion; it will be retried, or lower the load." },
    Entry { "General_TransientSchemaMismatch", C::InternalServiceError, T,
            "The schema changed during ingestion; retrying may succeed." },
    Entry { "BadRequest_MissingMappingtFailure", C::BadRequest, P,
            "This format needs an ingestion mapping; pass ingestionMappingReference." },
    Entry { "Stream_DynamicPropertyBagTooLarge", C::BadFormat, P,
            "A dynamic value is too large; shrink the record." },
    Entry { "General_RetryAttemptsExceeded", C::RetryAttemptsExceeded, P,
            "The service gave up after several retries; re-submitting may succeed." },
    Entry { "Timeout", C::InternalServiceError, T, "The ingestion timed out; retrying may succeed." },
    Entry { "OutOfMemory", C::InternalServiceError, T,
            "The service ran out of memory; retry, or ingest smaller files." },
    Entry { "Schema_PermanentUpdateFailure", C::BadRequest, P,
            "The table schema could not be updated for this data; fix schema or mapping." },
    Entry { "Misc", C::Unknown, P, "An error code the SDK did not know; see Details." },
    // In the error-codes documentation but not in the Java enum.
    Entry { "BadRequest_DataCapacityLimitReached", C::BadRequest, P,
            "The cluster's data capacity limit was reached; scale up or free space." },
    Entry { "BadRequest_InvalidManagedIdentity", C::DataAccessNotAuthorized, P,
            "The managed identity is invalid or not allowed; check the identity policy." },
    Entry { "BadRequest_NoRecordsOrWrongFormat", C::BadFormat, P,
            "No records were read; the format may be wrong for this data." },
    Entry { "BadRequest_NonMultiDatabaseDataConnection", C::BadRequest, P,
            "This data connection may not route to another database." },
    Entry { "BlobAlreadyReceived_BlobAlreadyFoundInBatch", C::BlobAlreadyReceived, P,
            "The same blob was already queued in this batch; nothing to do." },
    Entry { "Download_TransientNameResolutionFailure", C::DownloadFailed, T,
            "The storage host name did not resolve; retrying may succeed." },
    Entry { "UpdatePolicy_BadRequest", C::UpdatePolicyFailure, P,
            "An update policy's query is invalid; fix the policy." },
    // The REST status documentation's spelling of BadRequest_MissingMappingtFailure.
    Entry { "BadRequest_MissingMappingFailure", C::BadRequest, P,
            "This format needs an ingestion mapping; pass ingestionMappingReference." },
};

const QHash<QString, int> &index()
{
    static const QHash<QString, int> h = [] {
        QHash<QString, int> m;
        for (int i = 0; i < static_cast<int>(kCatalogue.size()); ++i)
            m.insert(QLatin1String(kCatalogue[i].name).toString().toLower(), i);
        return m;
    }();
    return h;
}

} // namespace

IngestionErrorCode::IngestionErrorCode(const QString &name) : m_name(name)
{
    m_index = index().value(name.trimmed().toLower(), -1);
}

IngestionErrorCode::Category IngestionErrorCode::category() const
{
    return known() ? kCatalogue[m_index].category : Category::Unknown;
}

bool IngestionErrorCode::isPermanent() const
{
    return known() && !kCatalogue[m_index].transient
        && m_name.compare(QLatin1String("Misc"), Qt::CaseInsensitive) != 0;
}

bool IngestionErrorCode::isTransient() const
{
    return known() && kCatalogue[m_index].transient;
}

QString IngestionErrorCode::hint() const
{
    if (known())
        return QLatin1String(kCatalogue[m_index].hint);
    if (isEmpty())
        return QStringLiteral("No error code was reported.");
    return QStringLiteral(
        "An error code unknown to this version; see Details and the service's FailureStatus.");
}

QString IngestionErrorCode::categoryName(Category c)
{
    switch (c) {
    case Category::BadFormat:
        return QStringLiteral("BadFormat");
    case Category::BadRequest:
        return QStringLiteral("BadRequest");
    case Category::DataAccessNotAuthorized:
        return QStringLiteral("DataAccessNotAuthorized");
    case Category::DownloadFailed:
        return QStringLiteral("DownloadFailed");
    case Category::EntityNotFound:
        return QStringLiteral("EntityNotFound");
    case Category::FileTooLarge:
        return QStringLiteral("FileTooLarge");
    case Category::InternalServiceError:
        return QStringLiteral("InternalServiceError");
    case Category::UpdatePolicyFailure:
        return QStringLiteral("UpdatePolicyFailure");
    case Category::UserAccessNotAuthorized:
        return QStringLiteral("UserAccessNotAuthorized");
    case Category::ThrottledOnEngine:
        return QStringLiteral("ThrottledOnEngine");
    case Category::RetryAttemptsExceeded:
        return QStringLiteral("RetryAttemptsExceeded");
    case Category::BlobAlreadyReceived:
        return QStringLiteral("BlobAlreadyReceived");
    case Category::Unknown:
        return QStringLiteral("Unknown");
    }
    return QStringLiteral("Unknown");
}

QStringList IngestionErrorCode::knownNames()
{
    QStringList names;
    names.reserve(static_cast<qsizetype>(kCatalogue.size()));
    for (const Entry &e : kCatalogue)
        names.append(QLatin1String(e.name));
    return names;
}

} // namespace iw
