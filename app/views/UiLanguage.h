#pragma once

#include <QString>
#include <QStringList>

class QTranslator;

namespace anycast {

// The languages the console speaks: English (its source strings) and the translations built
// into it. --lang picks one; without it, the system locale does, falling back to English.
class UiLanguage final
{
public:
    static QStringList codes(); // "en" first, then the translations: "de", "es", "fr"

    // Loads the translation for `code` from `folder` (":/i18n" in the console) into
    // `translator`. Returns an error for a code that is not one of codes() or a translation
    // that cannot be loaded; empty on success. "en" loads English's plural forms only.
    static QString load(QTranslator &translator, const QString &code, const QString &folder);
};

} // namespace anycast
