// The console's translations: every .ts file complete and current against the tr() strings
// under app/ (lupdate run on a copy), and the compiled German, French and Spanish in use.
#include "app/style/StateStyle.h"
#include "app/widgets/StateLegend.h"
#include "tests/console-drawing/QtPrinters.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTranslator>
#include <QXmlStreamReader>

#include <gtest/gtest.h>

namespace anycast {
namespace {

QStringList translationFiles()
{
    return QString::fromUtf8(ANYCAST_TS_FILES).split(QLatin1Char('|'), Qt::SkipEmptyParts);
}

struct TsProblems
{
    QString language;
    int messages = 0;
    QStringList problems;
};

TsProblems readTs(const QString &path)
{
    TsProblems result;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        result.problems.append(QStringLiteral("cannot read %1").arg(path));
        return result;
    }
    QXmlStreamReader xml(&file);
    QString context;
    QString source;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        const auto name = xml.name();
        if (name == QLatin1String("TS")) {
            result.language = xml.attributes().value(QLatin1String("language")).toString();
        } else if (name == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (name == QLatin1String("message")) {
            ++result.messages;
        } else if (name == QLatin1String("source")) {
            source = xml.readElementText();
        } else if (name == QLatin1String("translation")) {
            const QString type = xml.attributes().value(QLatin1String("type")).toString();
            QStringList forms;
            QString text;
            while (xml.readNext() != QXmlStreamReader::EndElement ||
                   xml.name() != QLatin1String("translation")) {
                if (xml.atEnd())
                    break;
                if (xml.isStartElement() && xml.name() == QLatin1String("numerusform"))
                    forms.append(xml.readElementText());
                else if (xml.isCharacters())
                    text += xml.text();
            }
            const QString where = QStringLiteral("%1: \"%2\"").arg(context, source);
            if (!type.isEmpty())
                result.problems.append(QStringLiteral("%1 is %2").arg(where, type));
            else if (forms.isEmpty() ? text.trimmed().isEmpty() : forms.contains(QString()))
                result.problems.append(QStringLiteral("%1 has an empty translation").arg(where));
        }
    }
    if (xml.hasError())
        result.problems.append(QStringLiteral("%1: %2").arg(path, xml.errorString()));
    return result;
}

TEST(Translations, EachTsFileIsBuiltIn)
{
    const QStringList built = translationFiles();
    QStringList present;
    const QDir folder(QStringLiteral(ANYCAST_SOURCE_DIR "/translations"));
    for (const QString &name : folder.entryList({QStringLiteral("*.ts")}, QDir::Files))
        present.append(folder.filePath(name));
    QStringList builtNames;
    for (const QString &path : built)
        builtNames.append(QFileInfo(path).canonicalFilePath());
    for (const QString &path : present)
        EXPECT_TRUE(builtNames.contains(QFileInfo(path).canonicalFilePath()))
            << qPrintable(path) << " is not in the console's qt_add_translations";
    EXPECT_GE(built.size(), 3) << "German, French and Spanish at least";
}

class TsFile : public ::testing::TestWithParam<QString>
{};

TEST_P(TsFile, IsCompleteAndCurrent)
{
    const QString original = GetParam();
    const TsProblems committed = readTs(original);
    EXPECT_TRUE(committed.problems.isEmpty()) << qPrintable(committed.problems.join('\n'));
    const QString code = QFileInfo(original).completeBaseName().section(QLatin1Char('_'), -1);
    EXPECT_TRUE(committed.language.startsWith(code))
        << qPrintable(original) << " says language " << qPrintable(committed.language);

    // lupdate on a copy marks what the sources have and the file lacks "unfinished", and
    // what the file has and the sources lost "vanished".
    QTemporaryDir scratch;
    ASSERT_TRUE(scratch.isValid());
    const QString copy = scratch.filePath(QFileInfo(original).fileName());
    ASSERT_TRUE(QFile::copy(original, copy));
    QProcess lupdate;
    lupdate.setProcessChannelMode(QProcess::MergedChannels);
    // -I the root: the sources include their headers by their path from it, and lupdate
    // needs the headers to know which class a tr() belongs to.
    QStringList arguments{QStringLiteral("-silent"),
                          QStringLiteral("-locations"),
                          QStringLiteral("none"),
                          QStringLiteral("-I"),
                          QStringLiteral(ANYCAST_SOURCE_DIR),
                          QStringLiteral(ANYCAST_SOURCE_DIR "/app"),
                          QStringLiteral("-ts"),
                          copy};
    // English, the source language, holds only its plural forms.
    if (code == QLatin1String("en"))
        arguments.prepend(QStringLiteral("-pluralonly"));
    lupdate.start(QStringLiteral(ANYCAST_LUPDATE), arguments);
    ASSERT_TRUE(lupdate.waitForFinished(120000)) << "lupdate did not finish";
    ASSERT_EQ(lupdate.exitCode(), 0) << lupdate.readAll().constData();
    const TsProblems updated = readTs(copy);
    EXPECT_TRUE(updated.problems.isEmpty())
        << qPrintable(QFileInfo(original).fileName()) << " against the sources:\n"
        << qPrintable(updated.problems.join('\n'));
    EXPECT_EQ(updated.messages, committed.messages);
    EXPECT_GT(committed.messages, 0);
}

INSTANTIATE_TEST_SUITE_P(
    Console, TsFile, ::testing::ValuesIn(translationFiles()),
    [](const ::testing::TestParamInfo<QString> &paramInfo) {
        return QFileInfo(paramInfo.param).completeBaseName().section('_', -1).toStdString();
    });

TEST(Translations, EnglishSaysOneAndManyWithoutParentheses)
{
    QTranslator english;
    ASSERT_TRUE(english.load(QStringLiteral("anycast-console_en"), QStringLiteral(ANYCAST_QM_DIR)))
        << "no compiled English plural forms in " << ANYCAST_QM_DIR;
    const auto say = [&english](const char *context, const char *source, int n) {
        return english.translate(context, source, nullptr, n)
            .replace(QStringLiteral("%n"), QString::number(n));
    };
    EXPECT_EQ(say("anycast::AuditPage", "%n drain(s) in force", 1),
              QStringLiteral("1 drain in force"));
    EXPECT_EQ(say("anycast::AuditPage", "%n drain(s) in force", 2),
              QStringLiteral("2 drains in force"));
    EXPECT_EQ(say("anycast::AuditPage", "%n drain(s) in force", 0),
              QStringLiteral("0 drains in force"));
    EXPECT_EQ(say("anycast::ChartsPage", "Region %1 (%n node(s) summed)", 1),
              QStringLiteral("Region %1 (1 node summed)"));
    EXPECT_EQ(say("anycast::EventDock", "%n event(s)", 74), QStringLiteral("74 events"));
    // No English form keeps the "(s)" of its source.
    QFile ts(QString::fromUtf8(ANYCAST_SOURCE_DIR "/translations/anycast-console_en.ts"));
    ASSERT_TRUE(ts.open(QIODevice::ReadOnly));
    QXmlStreamReader xml(&ts);
    int forms = 0;
    while (!xml.atEnd()) {
        if (xml.readNext() == QXmlStreamReader::StartElement &&
            xml.name() == QLatin1String("numerusform")) {
            ++forms;
            EXPECT_FALSE(xml.readElementText().contains(QStringLiteral("(s)")));
        }
    }
    EXPECT_GT(forms, 10);
}

struct Language
{
    const char *code;
    const char *withdrawn;
    const char *drained;
};

void PrintTo(const Language &language, std::ostream *out)
{
    *out << language.code;
}

class InstalledLanguage : public ::testing::TestWithParam<Language>
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(translator.load(QLocale(QString::fromLatin1(GetParam().code)),
                                    QStringLiteral("anycast-console"), QStringLiteral("_"),
                                    QStringLiteral(ANYCAST_QM_DIR)))
            << "no compiled " << GetParam().code << " translation in " << ANYCAST_QM_DIR;
    }
    void TearDown() override
    {
        QCoreApplication::removeTranslator(&translator);
        QCoreApplication::processEvents();
    }

    QTranslator translator;
};

TEST_P(InstalledLanguage, TheLegendSpeaksItAndKeepsItsWordsApart)
{
    StateLegend legend;
    const QString englishWithdrawn = StateStyle::word(RoutingState::Withdrawn);
    ASSERT_TRUE(QCoreApplication::installTranslator(&translator));
    // Widgets learn of a new language from events the application posts.
    QCoreApplication::processEvents();
    EXPECT_EQ(StateStyle::word(RoutingState::Withdrawn), QString::fromUtf8(GetParam().withdrawn));
    EXPECT_EQ(StateStyle::word(RoutingState::Drained), QString::fromUtf8(GetParam().drained));
    EXPECT_NE(StateStyle::word(RoutingState::Withdrawn), englishWithdrawn);

    // The legend already on screen changes language with the application.
    const QList<LegendEntry> entries = StateLegend::entries();
    QSet<QString> words;
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const auto *label = legend.findChild<QLabel *>(QStringLiteral("legendWord%1").arg(i));
        ASSERT_NE(label, nullptr);
        EXPECT_EQ(label->text(), entries.at(i).word);
        words.insert(entries.at(i).word.toLower());
    }
    EXPECT_EQ(words.size(), entries.size()) << "two states share a word in " << GetParam().code;
}

INSTANTIATE_TEST_SUITE_P(Console, InstalledLanguage,
                         ::testing::Values(Language{"de", "zurückgezogen", "entleert"},
                                           Language{"fr", "retirée", "vidée"},
                                           Language{"es", "retirada", "vaciada"}),
                         [](const ::testing::TestParamInfo<Language> &paramInfo) {
                             return std::string(paramInfo.param.code);
                         });

} // namespace
} // namespace anycast
