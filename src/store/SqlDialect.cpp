#include "store/SqlDialect.h"

#include "store/PostgresDialect.h"
#include "store/SqliteDialect.h"

namespace iw {

SqlDialect::~SqlDialect() = default;

std::unique_ptr<SqlDialect> SqlDialect::forDriver(const QString &driver)
{
    if (driver == QLatin1String("QSQLITE"))
        return std::make_unique<SqliteDialect>();
    if (driver == QLatin1String("QPSQL"))
        return std::make_unique<PostgresDialect>();
    return nullptr;
}

QString SqlDialect::ddl(QString statement) const
{
    statement.replace(QLatin1String("{id}"), typeName(ColumnType::Id));
    statement.replace(QLatin1String("{bigint}"), typeName(ColumnType::BigInt));
    statement.replace(QLatin1String("{text}"), typeName(ColumnType::Text));
    return statement;
}

} // namespace iw
