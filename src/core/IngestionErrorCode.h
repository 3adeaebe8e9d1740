#pragma once

#include <QString>
#include <QStringList>
#include <QStringView>

namespace iw {

// An ingestion ErrorCode as the service writes it (status table, failure notifications). An open set:
// names this build does not know are kept verbatim, reported as not known(), category Unknown, and not
// treated as permanent (retry advice stays with the service's FailureStatus).
//
// The catalogue holds the 71 names of the Java SDK's IngestionErrorCode enum plus the 7 names that only the
// error-codes documentation page lists, and the REST doc's spelling BadRequest_MissingMappingFailure.
// Names are matched case-insensitively; name() is always the text that was given.
class IngestionErrorCode
{
public:
    // The documentation's ingestion-result categories.
    enum class Category {
        BadFormat,
        BadRequest,
        DataAccessNotAuthorized,
        DownloadFailed,
        EntityNotFound,
        FileTooLarge,
        InternalServiceError,
        UpdatePolicyFailure,
        UserAccessNotAuthorized,
        ThrottledOnEngine,
        RetryAttemptsExceeded,
        BlobAlreadyReceived,
        Unknown,
    };

    IngestionErrorCode() = default;
    explicit IngestionErrorCode(const QString &name);

    const QString &name() const { return m_name; }
    bool isEmpty() const { return m_name.trimmed().isEmpty(); }
    bool known() const { return m_index >= 0; }
    Category category() const;
    // Permanent: the same ingestion will fail again as is. Transient: a retry may succeed.
    // Codes this build does not know are neither (both return false).
    bool isPermanent() const;
    bool isTransient() const;
    // One line for the operator: what it means and what to do. Never empty.
    QString hint() const;

    static QString categoryName(Category c);
    // Every catalogued name (78 + the REST doc's spelling variant), in catalogue order.
    static QStringList knownNames();

    bool operator==(const IngestionErrorCode &o) const { return m_name == o.m_name; }

private:
    QString m_name;
    int m_index = -1;
};

} // namespace iw
