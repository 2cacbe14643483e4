#include "app/views/UiLanguage.h"

#include <QLocale>
#include <QTranslator>

namespace anycast {

QStringList UiLanguage::codes()
{
    return {QStringLiteral("en"), QStringLiteral("de"), QStringLiteral("es"), QStringLiteral("fr")};
}

QString UiLanguage::load(QTranslator &translator, const QString &code, const QString &folder)
{
    if (!codes().contains(code)) {
        return QStringLiteral("no user interface language \"%1\"; the languages are: %2")
            .arg(code, codes().join(QStringLiteral(", ")));
    }
    if (!translator.load(QLocale(code), QStringLiteral("anycast-console"), QStringLiteral("_"),
                         folder))
        return QStringLiteral("the %1 translation is missing from %2").arg(code, folder);
    return {};
}

} // namespace anycast
