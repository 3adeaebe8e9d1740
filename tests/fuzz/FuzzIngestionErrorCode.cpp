// IngestionErrorCode: any name gives a consistent answer (known iff catalogued, ignoring case and
// surrounding space; unknown
// names are category Unknown and neither permanent nor transient; a hint always).
#include "FuzzCheck.h"

#include "core/IngestionErrorCode.h"

using namespace iw;
using iw::fuzz::show;

extern "C" int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    static const QStringList known = IngestionErrorCode::knownNames();
    const QString name = QString::fromUtf8(iw::fuzz::bytes(data, size));
    const IngestionErrorCode code(name);
    FUZZ_CHECK(code.name() == name, show(name));
    const bool catalogued = known.contains(name.trimmed(), Qt::CaseInsensitive); // surrounding space ignored
    FUZZ_CHECK(code.known() == catalogued, show(name));
    FUZZ_CHECK(!(code.isPermanent() && code.isTransient()), show(name));
    if (!code.known()) {
        FUZZ_CHECK(code.category() == IngestionErrorCode::Category::Unknown, show(name));
        FUZZ_CHECK(!code.isPermanent() && !code.isTransient(), show(name));
    }
    FUZZ_CHECK(!code.hint().trimmed().isEmpty(), show(name));
    FUZZ_CHECK(!IngestionErrorCode::categoryName(code.category()).isEmpty(), show(name));
    // Case does not change the answer.
    const IngestionErrorCode upper(name.toUpper());
    if (upper.name().compare(name, Qt::CaseInsensitive) == 0)
        FUZZ_CHECK(upper.known() == code.known() && upper.category() == code.category(), show(name));
    return 0;
}
