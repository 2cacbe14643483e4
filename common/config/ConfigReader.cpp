#include "common/config/ConfigReader.h"

#include "common/config/DisplayName.h"
#include "common/config/Duration.h"

#include <QFile>

#include <algorithm>
#include <numeric>

namespace anycast {
namespace {

QString keyText(std::string_view key)
{
    return QString::fromUtf8(key.data(), static_cast<qsizetype>(key.size()));
}

int editDistance(const QString &a, const QString &b)
{
    std::vector<int> previous(b.size() + 1);
    std::vector<int> current(b.size() + 1);
    std::iota(previous.begin(), previous.end(), 0);
    for (qsizetype i = 1; i <= a.size(); ++i) {
        current[0] = static_cast<int>(i);
        for (qsizetype j = 1; j <= b.size(); ++j) {
            const int substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
            current[j] = std::min({previous[j] + 1, current[j - 1] + 1, substitution});
        }
        std::swap(previous, current);
    }
    return previous[b.size()];
}

// sun_path holds 108 bytes with the terminating NUL.
constexpr qsizetype kMaxSocketPathBytes = 107;

} // namespace

QString escapedForMessage(const QString &text)
{
    constexpr qsizetype kMaxShown = 80;
    QString result;
    qsizetype shown = 0;
    for (const QChar character : text) {
        if (++shown > kMaxShown) {
            result += QStringLiteral("...");
            break;
        }
        if (character == QLatin1Char('\n'))
            result += QStringLiteral("\\n");
        else if (character == QLatin1Char('\t'))
            result += QStringLiteral("\\t");
        else if (character == QLatin1Char('\r'))
            result += QStringLiteral("\\r");
        else if (!character.isPrint() && character != QLatin1Char(' '))
            result += QStringLiteral("\\u%1").arg(character.unicode(), 4, 16, QLatin1Char('0'));
        else
            result += character;
    }
    return result;
}

QString quotedForMessage(const QString &text)
{
    return QLatin1Char('\'') + escapedForMessage(text) + QLatin1Char('\'');
}

QString closestKnownWord(const QString &word, const QStringList &known)
{
    QString best;
    int bestDistance = 3; // more than two edits is a different word, not a typo
    for (const QString &candidate : known) {
        const int distance = editDistance(word, candidate);
        if (distance < bestDistance) {
            bestDistance = distance;
            best = candidate;
        }
    }
    return best;
}

ConfigReader::ConfigReader(QString path)
    : m_path(std::move(path))
{}

std::optional<toml::table> ConfigReader::parse(const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    try {
        return toml::parse(std::string_view(utf8.constData(), utf8.size()), m_path.toStdString());
    } catch (const toml::parse_error &error) {
        failAt(error.source(),
               QString::fromUtf8(error.description().data(),
                                 static_cast<qsizetype>(error.description().size())));
        return std::nullopt;
    }
}

void ConfigReader::failAt(const toml::source_region &where, const QString &message)
{
    m_errors.append(location(where.begin) + QStringLiteral(": ") + message);
}

void ConfigReader::fail(const toml::node &node, const QString &message)
{
    failAt(node.source(), message);
}

void ConfigReader::failAtStart(const QString &message)
{
    failAt(toml::source_region{{1, 1}, {1, 1}, nullptr}, message);
}

const toml::table *ConfigReader::table(const toml::table &parent, std::string_view key)
{
    const toml::node *node = parent.get(key);
    if (!node)
        return nullptr;
    if (!node->is_table()) {
        fail(*node, QStringLiteral("%1 must be a table ([%1])").arg(keyText(key)));
        return nullptr;
    }
    return node->as_table();
}

std::vector<const toml::table *> ConfigReader::tableArray(const toml::table &parent,
                                                          std::string_view key)
{
    std::vector<const toml::table *> tables;
    const toml::node *node = parent.get(key);
    if (!node)
        return tables;
    if (!node->is_array_of_tables()) {
        fail(*node, QStringLiteral("%1 must be an array of tables ([[%1]])").arg(keyText(key)));
        return tables;
    }
    for (const toml::node &element : *node->as_array())
        tables.push_back(element.as_table());
    return tables;
}

std::optional<QString> ConfigReader::string(const toml::table &table, std::string_view key)
{
    const toml::node *node = table.get(key);
    if (!node)
        return std::nullopt;
    if (const auto value = node->value<std::string>())
        return QString::fromStdString(*value);
    fail(*node, QStringLiteral("%1 must be a string").arg(keyText(key)));
    return std::nullopt;
}

std::optional<qint64> ConfigReader::integer(const toml::table &table, std::string_view key,
                                            qint64 minimum, qint64 maximum)
{
    const toml::node *node = table.get(key);
    if (!node)
        return std::nullopt;
    const auto value = node->is_integer() ? node->value<qint64>() : std::nullopt;
    if (!value || *value < minimum || *value > maximum) {
        fail(*node, QStringLiteral("%1 must be an integer from %2 to %3")
                        .arg(keyText(key))
                        .arg(minimum)
                        .arg(maximum));
        return std::nullopt;
    }
    return value;
}

std::optional<double> ConfigReader::number(const toml::table &table, std::string_view key,
                                           double minimum, double maximum)
{
    const toml::node *node = table.get(key);
    if (!node)
        return std::nullopt;
    // TOML distinguishes 1 from 1.0; an operator writing either means the same number.
    const auto value = node->is_number() ? node->value<double>() : std::nullopt;
    if (!value || !(*value >= minimum && *value <= maximum)) {
        fail(*node, QStringLiteral("%1 must be a number from %2 to %3")
                        .arg(keyText(key), QString::number(minimum), QString::number(maximum)));
        return std::nullopt;
    }
    return value;
}

std::optional<bool> ConfigReader::boolean(const toml::table &table, std::string_view key)
{
    const toml::node *node = table.get(key);
    if (!node)
        return std::nullopt;
    if (const auto value = node->value<bool>(); value && node->is_boolean())
        return value;
    fail(*node, QStringLiteral("%1 must be true or false").arg(keyText(key)));
    return std::nullopt;
}

std::optional<std::chrono::milliseconds> ConfigReader::duration(const toml::table &table,
                                                                std::string_view key,
                                                                std::chrono::milliseconds minimum,
                                                                std::chrono::milliseconds maximum)
{
    const toml::node *node = table.get(key);
    if (!node)
        return std::nullopt;
    const auto text = node->value<std::string>();
    const auto value =
        text && node->is_string() ? parseDuration(QString::fromStdString(*text)) : std::nullopt;
    if (!value) {
        fail(*node, QStringLiteral("%1 must be a duration such as \"500ms\", \"2s\" or \"5m\"")
                        .arg(keyText(key)));
        return std::nullopt;
    }
    if (*value < minimum || *value > maximum) {
        fail(*node, QStringLiteral("%1 must be from %2 to %3")
                        .arg(keyText(key), formatDuration(minimum), formatDuration(maximum)));
        return std::nullopt;
    }
    return value;
}

std::optional<QString> ConfigReader::oneOf(const toml::table &table, std::string_view key,
                                           const QStringList &allowed)
{
    const auto value = string(table, key);
    if (value && !allowed.contains(*value)) {
        fail(*table.get(key), QStringLiteral("%1 must be one of: %2")
                                  .arg(keyText(key), allowed.join(QStringLiteral(", "))));
        return std::nullopt;
    }
    return value;
}

QStringList ConfigReader::stringList(const toml::table &table, std::string_view key,
                                     const StringCheck &problem)
{
    QStringList result;
    const toml::node *node = table.get(key);
    if (!node)
        return result;
    if (!node->is_array()) {
        fail(*node, QStringLiteral("%1 must be an array of strings").arg(keyText(key)));
        return result;
    }
    for (const toml::node &element : *node->as_array()) {
        const auto value = element.value<std::string>();
        if (!value) {
            fail(element, QStringLiteral("%1: every element must be a string").arg(keyText(key)));
            continue;
        }
        const QString text = QString::fromStdString(*value);
        if (const QString complaint = problem(text); !complaint.isEmpty())
            fail(element, complaint);
        else
            result.append(text);
    }
    return result;
}

std::optional<QList<quint16>> ConfigReader::portList(const toml::table &table, std::string_view key)
{
    const toml::node *node = table.get(key);
    if (!node)
        return std::nullopt;
    if (!node->is_array()) {
        fail(*node, QStringLiteral("%1 must be an array of ports, e.g. [443]").arg(keyText(key)));
        return std::nullopt;
    }
    QList<quint16> ports;
    for (const toml::node &element : *node->as_array()) {
        const auto port = element.is_integer() ? element.value<qint64>() : std::nullopt;
        if (!port || *port < 1 || *port > 65535)
            fail(element,
                 QStringLiteral("%1: a port is an integer from 1 to 65535").arg(keyText(key)));
        else
            ports.append(static_cast<quint16>(*port));
    }
    if (ports.isEmpty() && node->as_array()->empty())
        fail(*node, QStringLiteral("%1 must name at least one port").arg(keyText(key)));
    return ports;
}

std::optional<QString> ConfigReader::displayName(const toml::table &table, std::string_view key)
{
    const auto value = string(table, key);
    if (!value)
        return std::nullopt;
    if (const QString problem = displayNameProblem(*value); !problem.isEmpty()) {
        // One multi-argument arg(): the value may itself contain "%1".
        fail(*table.get(key),
             QStringLiteral("%1 %2 %3: a name is printable text of 1 to %4 characters")
                 .arg(keyText(key), quotedForMessage(*value), problem,
                      QString::number(kMaxDisplayNameLength)));
        return std::nullopt;
    }
    return value;
}

std::optional<QString> ConfigReader::socketPath(const toml::table &table, std::string_view key)
{
    const auto value = string(table, key);
    if (!value)
        return std::nullopt;
    const qsizetype bytes = QFile::encodeName(*value).size();
    if (!value->startsWith(QLatin1Char('/'))) {
        fail(*table.get(key), QStringLiteral("%1 must be an absolute path").arg(keyText(key)));
        return std::nullopt;
    }
    if (bytes > kMaxSocketPathBytes) {
        fail(*table.get(key), QStringLiteral("%1 is %2 bytes long, longer than %3 bytes: a Unix "
                                             "socket path must fit sun_path")
                                  .arg(keyText(key))
                                  .arg(bytes)
                                  .arg(kMaxSocketPathBytes));
        return std::nullopt;
    }
    return value;
}

QString ConfigReader::where(const toml::node &node) const
{
    return location(node.source().begin);
}

QString ConfigReader::location(const toml::source_position &position) const
{
    // One multi-argument arg(): a path containing "%1" must stay verbatim.
    return QStringLiteral("%1:%2:%3")
        .arg(m_path, QString::number(std::max<quint32>(position.line, 1)),
             QString::number(std::max<quint32>(position.column, 1)));
}

void ConfigReader::rejectUnknownKeys(const toml::table &table, const QStringList &known)
{
    for (const auto &[key, value] : table) {
        const QString name = keyText(key.str());
        if (known.contains(name))
            continue;
        const QString shown = escapedForMessage(name);
        const QString suggestion = closestKnownWord(name, known);
        const QString message =
            suggestion.isEmpty()
                ? QStringLiteral("%1: unknown key").arg(shown)
                : QStringLiteral("%1: unknown key; did you mean %2?").arg(shown, suggestion);
        failAt(key.source(), message);
    }
}

} // namespace anycast
