#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <toml++/toml.h>

#include <chrono>
#include <functional>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

namespace anycast {

// toml++ with the error reporting operators need: every problem is collected (not just the
// first) as "FILE:LINE:COL: message", unknown keys are errors with a suggestion when a known
// key is close ("rize: unknown key; did you mean rise?").
class ConfigReader
{
public:
    explicit ConfigReader(QString path);

    std::optional<toml::table> parse(const QString &text);

    // Present and of the right type: the value. Absent: nullopt, no error. Present with
    // the wrong type or out of range: nullopt and an error at the value.
    const toml::table *table(const toml::table &parent, std::string_view key);
    std::vector<const toml::table *> tableArray(const toml::table &parent, std::string_view key);
    std::optional<QString> string(const toml::table &table, std::string_view key);
    std::optional<qint64> integer(const toml::table &table, std::string_view key, qint64 minimum,
                                  qint64 maximum);
    std::optional<double> number(const toml::table &table, std::string_view key, double minimum,
                                 double maximum);
    std::optional<bool> boolean(const toml::table &table, std::string_view key);
    // "250ms", "2s", "5m", "1h" within [minimum, maximum].
    std::optional<std::chrono::milliseconds> duration(const toml::table &table,
                                                      std::string_view key,
                                                      std::chrono::milliseconds minimum,
                                                      std::chrono::milliseconds maximum);
    std::optional<QString> oneOf(const toml::table &table, std::string_view key,
                                 const QStringList &allowed);
    // An array of strings, each checked by `problem` (empty answer = fine). A bad element is
    // an error at that element and is left out; the good ones are returned.
    using StringCheck = std::function<QString(const QString &)>;
    QStringList stringList(const toml::table &table, std::string_view key,
                           const StringCheck &problem);
    std::optional<QList<quint16>> portList(const toml::table &table, std::string_view key);
    // A string that names something for people (see DisplayName.h).
    std::optional<QString> displayName(const toml::table &table, std::string_view key);
    // A path for a listening Unix socket: absolute, and short enough for sun_path.
    std::optional<QString> socketPath(const toml::table &table, std::string_view key);

    // "FILE:LINE:COL" of `node`, for checks made after parsing (e.g. against the host).
    QString where(const toml::node &node) const;

    void rejectUnknownKeys(const toml::table &table, const QStringList &known);
    void fail(const toml::node &node, const QString &message);
    void failAtStart(const QString &message);

    const QStringList &errors() const { return m_errors; }

private:
    void failAt(const toml::source_region &where, const QString &message);
    QString location(const toml::source_position &position) const;

    QString m_path;
    QStringList m_errors;
};

// `text` for a message, with control characters escaped (\n, \u0007) and anything past 80
// characters cut: config values and keys may hold anything, terminals should not.
QString escapedForMessage(const QString &text);
// The same in single quotes.
QString quotedForMessage(const QString &text);

// The known word closest to `word` within two edits, or empty.
QString closestKnownWord(const QString &word, const QStringList &known);

} // namespace anycast
