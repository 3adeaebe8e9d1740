#include "core/IngestionErrorCode.h"

#include <QSet>
#include <QTest>

using namespace iw;
using Category = IngestionErrorCode::Category;
Q_DECLARE_METATYPE(iw::IngestionErrorCode::Category)

namespace {
// The 71 names of the Java SDK enum (kusto-protocol.md 3.5), verbatim.
const char *const kJavaEnum
    = "Unknown, Stream_LowMemoryCondition, Stream_WrongNumberOfFields, Stream_InputStreamTooLarge, "
      "Stream_NoDataToIngest, Stream_ClosingQuoteMissing, Download_SourceNotFound, "
      "Download_AccessConditionNotSatisfied, Download_Forbidden, Download_AccountNotFound, "
      "Download_BadRequest, "
      "Download_NotTransient, Download_UnknownError, BadRequest_DatabaseAccessDenied, "
      "BadRequest_InvalidAuthentication, UpdatePolicy_QuerySchemaDoesNotMatchTableSchema, "
      "UpdatePolicy_FailedDescendantTransaction, UpdatePolicy_IngestionError, UpdatePolicy_UnknownError, "
      "BadRequest_MissingJsonMappingtFailure, BadRequest_InvalidOrEmptyBlob, BadRequest_DatabaseNotExist, "
      "BadRequest_TableNotExist, BadRequest_InvalidKustoIdentityToken, Forbidden, BadRequest_UriMissingSas, "
      "BadRequest_FileTooLarge, BadRequest_NoValidResponseFromEngine, BadRequest_TableAccessDenied, "
      "BadRequest_MessageExhausted, General_BadRequest, General_InternalServerError, "
      "UpdatePolicy_Cyclic_Update_Not_Allowed, "
      "UpdatePolicy_Transactional_Not_Allowed_In_Streaming_Ingestion, "
      "BadRequest_EmptyBlob, BadRequest_EmptyBlobUri, BadRequest_DuplicateMapping, "
      "BadRequest_InvalidOrEmptyTableName, BadRequest_EmptyDatabaseName, BadRequest_EmptyMappingReference, "
      "BadRequest_InvalidCsvMapping, BadRequest_InvalidMapping, BadRequest_InvalidMappingReference, "
      "BadRequest_MappingReferenceWasNotFound, BadRequest_EntityNotFound, BadRequest_InvalidJsonMapping, "
      "BadRequest_InvalidBlob, BadRequest_FormatNotSupported, BadRequest_EmptyArchive, "
      "BadRequest_InvalidArchive, "
      "BadRequest_CorruptedMessage, BadRequest_InconsistentMapping, BadRequest_SyntaxError, "
      "BadRequest_UnexpectedCharacterInInputStream, BadRequest_ZeroRetentionPolicyWithNoUpdatePolicy, "
      "BadRequest_CreationTimeEarlierThanSoftDeletePeriod, BadRequest_NotSupported, "
      "BadRequest_EntityNameIsNotValid, BadRequest_MalformedIngestionProperty, "
      "BadRequest_IngestionPropertyNotSupportedInThisContext, BadRequest_InvalidBlobUri, "
      "General_AbandonedIngestion, General_ThrottledIngestion, General_TransientSchemaMismatch, "
      "BadRequest_MissingMappingtFailure, Stream_DynamicPropertyBagTooLarge, General_RetryAttemptsExceeded, "
      "Timeout, OutOfMemory, Schema_PermanentUpdateFailure, Misc";
const char *const kDocOnly
    = "BadRequest_DataCapacityLimitReached, BadRequest_InvalidManagedIdentity, "
      "BadRequest_NoRecordsOrWrongFormat, BadRequest_NonMultiDatabaseDataConnection, "
      "BlobAlreadyReceived_BlobAlreadyFoundInBatch, Download_TransientNameResolutionFailure, "
      "UpdatePolicy_BadRequest";
QStringList names(const char *list)
{
    QStringList out = QString::fromLatin1(list).split(QStringLiteral(", "));
    return out;
}
} // namespace

class TestIngestionErrorCode : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void catalogueHoldsEveryDocumentedName();
    void everyKnownCodeHasCategoryAndHint();
    void classification_data();
    void classification();
    void unknownNamesAreKeptVerbatim_data();
    void unknownNamesAreKeptVerbatim();
    void matchesCaseInsensitively();
    void categoryNames();
};

void TestIngestionErrorCode::catalogueHoldsEveryDocumentedName()
{
    const QStringList java = names(kJavaEnum);
    const QStringList docOnly = names(kDocOnly);
    QCOMPARE(java.size(), 71);
    QCOMPARE(docOnly.size(), 7);
    const QStringList known = IngestionErrorCode::knownNames();
    QCOMPARE(known.mid(0, 71), java); // the Java enum, in its order
    for (const QString &n : java + docOnly) {
        const IngestionErrorCode c(n);
        QVERIFY2(c.known(), qPrintable(n));
        QCOMPARE(c.name(), n);
    }
    QCOMPARE(QSet<QString>(known.begin(), known.end()).size(), known.size()); // no duplicates
}

void TestIngestionErrorCode::everyKnownCodeHasCategoryAndHint()
{
    for (const QString &n : IngestionErrorCode::knownNames()) {
        const IngestionErrorCode c(n);
        QVERIFY2(!c.hint().isEmpty(), qPrintable(n));
        QVERIFY2(!(c.isPermanent() && c.isTransient()), qPrintable(n));
        if (c.category() == Category::Unknown)
            QVERIFY2(n == QLatin1String("Unknown") || n == QLatin1String("Misc"), qPrintable(n));
    }
}

void TestIngestionErrorCode::classification_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<Category>("category");
    QTest::addColumn<bool>("transient");

    // The documentation's transient list.
    QTest::newRow("Download_UnknownError")
        << QStringLiteral("Download_UnknownError") << Category::DownloadFailed << true;
    QTest::newRow("Download_TransientNameResolutionFailure")
        << QStringLiteral("Download_TransientNameResolutionFailure") << Category::DownloadFailed << true;
    QTest::newRow("General_InternalServerError")
        << QStringLiteral("General_InternalServerError") << Category::InternalServiceError << true;
    QTest::newRow("General_TransientSchemaMismatch")
        << QStringLiteral("General_TransientSchemaMismatch") << Category::InternalServiceError << true;
    QTest::newRow("Timeout") << QStringLiteral("Timeout") << Category::InternalServiceError << true;
    QTest::newRow("OutOfMemory") << QStringLiteral("OutOfMemory") << Category::InternalServiceError << true;
    QTest::newRow("UpdatePolicy_FailedDescendantTransaction")
        << QStringLiteral("UpdatePolicy_FailedDescendantTransaction") << Category::UpdatePolicyFailure
        << true;
    QTest::newRow("UpdatePolicy_IngestionError")
        << QStringLiteral("UpdatePolicy_IngestionError") << Category::UpdatePolicyFailure << true;
    QTest::newRow("UpdatePolicy_UnknownError")
        << QStringLiteral("UpdatePolicy_UnknownError") << Category::UpdatePolicyFailure << true;
    QTest::newRow("General_ThrottledIngestion")
        << QStringLiteral("General_ThrottledIngestion") << Category::ThrottledOnEngine << true;
    QTest::newRow("Unknown") << QStringLiteral("Unknown") << Category::Unknown << true;
    // Permanent ones an operator meets often.
    QTest::newRow("General_RetryAttemptsExceeded")
        << QStringLiteral("General_RetryAttemptsExceeded") << Category::RetryAttemptsExceeded << false;
    QTest::newRow("Stream_ClosingQuoteMissing")
        << QStringLiteral("Stream_ClosingQuoteMissing") << Category::BadFormat << false;
    QTest::newRow("Download_SourceNotFound")
        << QStringLiteral("Download_SourceNotFound") << Category::DownloadFailed << false;
    QTest::newRow("Download_Forbidden")
        << QStringLiteral("Download_Forbidden") << Category::DataAccessNotAuthorized << false;
    QTest::newRow("BadRequest_TableNotExist")
        << QStringLiteral("BadRequest_TableNotExist") << Category::EntityNotFound << false;
    QTest::newRow("BadRequest_FileTooLarge")
        << QStringLiteral("BadRequest_FileTooLarge") << Category::FileTooLarge << false;
    QTest::newRow("BadRequest_TableAccessDenied")
        << QStringLiteral("BadRequest_TableAccessDenied") << Category::UserAccessNotAuthorized << false;
    QTest::newRow("UpdatePolicy_Cyclic_Update_Not_Allowed")
        << QStringLiteral("UpdatePolicy_Cyclic_Update_Not_Allowed") << Category::UpdatePolicyFailure << false;
    QTest::newRow("BlobAlreadyReceived_BlobAlreadyFoundInBatch")
        << QStringLiteral("BlobAlreadyReceived_BlobAlreadyFoundInBatch") << Category::BlobAlreadyReceived
        << false;
    QTest::newRow("REST spelling without t")
        << QStringLiteral("BadRequest_MissingMappingFailure") << Category::BadRequest << false;
}

void TestIngestionErrorCode::classification()
{
    QFETCH(QString, name);
    QFETCH(Category, category);
    QFETCH(bool, transient);
    const IngestionErrorCode c(name);
    QVERIFY(c.known());
    QCOMPARE(IngestionErrorCode::categoryName(c.category()), IngestionErrorCode::categoryName(category));
    QCOMPARE(c.isTransient(), transient);
    QCOMPARE(c.isPermanent(), !transient);
}

void TestIngestionErrorCode::unknownNamesAreKeptVerbatim_data()
{
    QTest::addColumn<QString>("name");
    QTest::newRow("new service code") << QStringLiteral("BadRequest_SomethingAddedIn2030");
    QTest::newRow("lower-case garbage") << QStringLiteral("not a code");
    QTest::newRow("unicode") << QStringLiteral("Fehler_\u00dcberlauf");
    QTest::newRow("empty") << QString();
    QTest::newRow("whitespace") << QStringLiteral("   ");
    QTest::newRow("huge") << QString(1024 * 1024, QLatin1Char('X'));
}

void TestIngestionErrorCode::unknownNamesAreKeptVerbatim()
{
    QFETCH(QString, name);
    const IngestionErrorCode c(name);
    QCOMPARE(c.name(), name);
    QVERIFY(!c.known());
    QCOMPARE(IngestionErrorCode::categoryName(c.category()), QStringLiteral("Unknown"));
    QVERIFY(!c.isPermanent()); // never claim a retry is pointless for a code we do not know
    QVERIFY(!c.isTransient());
    QVERIFY(!c.hint().isEmpty());
}

void TestIngestionErrorCode::matchesCaseInsensitively()
{
    const IngestionErrorCode c(QStringLiteral("download_sourcenotfound"));
    QVERIFY(c.known());
    QCOMPARE(c.name(), QStringLiteral("download_sourcenotfound"));
    QCOMPARE(c.hint(), IngestionErrorCode(QStringLiteral("Download_SourceNotFound")).hint());
    QVERIFY(IngestionErrorCode(QStringLiteral(" Timeout ")).known());
    QVERIFY(!IngestionErrorCode(QStringLiteral("Misc")).isPermanent());
}

void TestIngestionErrorCode::categoryNames()
{
    QStringList all;
    for (int i = 0; i <= static_cast<int>(Category::Unknown); ++i)
        all << IngestionErrorCode::categoryName(static_cast<Category>(i));
    QCOMPARE(
        all,
        names("BadFormat, BadRequest, DataAccessNotAuthorized, DownloadFailed, EntityNotFound, FileTooLarge, "
              "InternalServiceError, UpdatePolicyFailure, UserAccessNotAuthorized, ThrottledOnEngine, "
              "RetryAttemptsExceeded, BlobAlreadyReceived, Unknown"));
}

QTEST_APPLESS_MAIN(TestIngestionErrorCode)
#include "TestIngestionErrorCode.moc"
