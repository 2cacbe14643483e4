#include "StrictJson.h"

#include <QJsonParseError>
#include <QSet>

#include <algorithm>
#include <optional>
#include <vector>

namespace anycast {
namespace {

// Keys are quoted in problems, shortened to this many characters.
constexpr qsizetype kMaxQuotedKeyLength = 64;

bool isJsonWhitespace(char byte)
{
    return byte == ' ' || byte == '\t' || byte == '\r' || byte == '\n';
}

bool isDigit(char byte)
{
    return byte >= '0' && byte <= '9';
}

int hexValue(char byte)
{
    if (byte >= '0' && byte <= '9')
        return byte - '0';
    if (byte >= 'a' && byte <= 'f')
        return byte - 'a' + 10;
    if (byte >= 'A' && byte <= 'F')
        return byte - 'A' + 10;
    return -1;
}

// A key as it may be shown in a log line or a reply: control characters escaped, shortened.
QString quotedKey(const QString &key)
{
    QString shown;
    for (const QChar character : key.left(kMaxQuotedKeyLength)) {
        if (character.category() == QChar::Other_Control || character == u'"' ||
            character == u'\\') {
            shown += QStringLiteral("\\u%1").arg(character.unicode(), 4, 16, QLatin1Char('0'));
        } else {
            shown += character;
        }
    }
    if (key.size() > kMaxQuotedKeyLength)
        shown += QStringLiteral("...");
    return QLatin1Char('"') + shown + QLatin1Char('"');
}

// One walk over a text Qt's parser accepted, so brackets, quotes and escapes pair up as Qt saw
// them; still written to stay inside the bytes whatever they hold.
class StrictnessScan
{
public:
    explicit StrictnessScan(QByteArrayView text)
        : m_text(text)
    {}

    std::optional<JsonProblem> run()
    {
        // RFC 8259 lets a parser ignore a byte order mark before the text; Qt does.
        if (m_text.startsWith("\xEF\xBB\xBF"))
            m_position = 3;
        while (m_position < m_text.size() && !m_problem) {
            const char byte = m_text[m_position];
            if (isJsonWhitespace(byte) || byte == ',' || byte == ':') {
                ++m_position;
            } else if (byte == '{' || byte == '[') {
                m_frames.push_back(Frame{byte == '{', {}});
                ++m_position;
            } else if (byte == '}' || byte == ']') {
                if (!m_frames.empty())
                    m_frames.pop_back();
                ++m_position;
            } else if (byte == '"') {
                scanString();
            } else if (byte == '-' || byte == '.' || isDigit(byte)) {
                scanNumber();
            } else if (byte >= 'a' && byte <= 'z') {
                while (m_position < m_text.size() && m_text[m_position] >= 'a' &&
                       m_text[m_position] <= 'z')
                    ++m_position;
            } else if (m_text.sliced(m_position).startsWith("\xEF\xBB\xBF")) {
                fail(m_position, QStringLiteral("U+FEFF (byte order mark) outside a string"));
            } else {
                fail(m_position,
                     QStringLiteral("unexpected byte 0x%1")
                         .arg(static_cast<unsigned char>(byte), 2, 16, QLatin1Char('0')));
            }
        }
        return m_problem;
    }

private:
    struct Frame
    {
        bool isObject = false;
        QSet<QString> keys;
    };

    void fail(qsizetype offset, const QString &reason)
    {
        if (!m_problem)
            m_problem = JsonProblem{offset, reason};
    }

    // Four hex digits at `offset`, or -1.
    int codeUnitAt(qsizetype offset) const
    {
        if (offset + 4 > m_text.size())
            return -1;
        int value = 0;
        for (qsizetype i = offset; i < offset + 4; ++i) {
            const int digit = hexValue(m_text[i]);
            if (digit < 0)
                return -1;
            value = value * 16 + digit;
        }
        return value;
    }

    // At a backslash inside a string: checks the escape, appends what it stands for to
    // `decoded` and returns the offset after it, or -1 after fail().
    qsizetype readEscape(qsizetype at, QString &decoded)
    {
        static const QByteArrayView kSimple = "\"\\/bfnrt";
        static const char16_t kSimpleMeaning[] = u"\"\\/\b\f\n\r\t";
        const char kind = at + 1 < m_text.size() ? m_text[at + 1] : '\0';
        if (const qsizetype simple = kSimple.indexOf(kind); simple >= 0) {
            decoded += QChar(kSimpleMeaning[simple]);
            return at + 2;
        }
        if (kind != 'u') {
            fail(at, QStringLiteral("invalid escape in a string"));
            return -1;
        }
        const int unit = codeUnitAt(at + 2);
        if (unit < 0) {
            fail(at, QStringLiteral("invalid \\u escape in a string"));
            return -1;
        }
        if (unit == 0xFEFF) {
            fail(at, QStringLiteral("U+FEFF in a string"));
            return -1;
        }
        if (QChar::isLowSurrogate(static_cast<char32_t>(unit))) {
            fail(at, QStringLiteral("unpaired surrogate in a \\u escape"));
            return -1;
        }
        if (!QChar::isHighSurrogate(static_cast<char32_t>(unit))) {
            decoded += QChar(static_cast<char16_t>(unit));
            return at + 6;
        }
        const qsizetype next = at + 6;
        const int low = next + 1 < m_text.size() && m_text[next] == '\\' && m_text[next + 1] == 'u'
                            ? codeUnitAt(next + 2)
                            : -1;
        if (low < 0 || !QChar::isLowSurrogate(static_cast<char32_t>(low))) {
            fail(at, QStringLiteral("unpaired surrogate in a \\u escape"));
            return -1;
        }
        decoded += QChar(static_cast<char16_t>(unit));
        decoded += QChar(static_cast<char16_t>(low));
        return next + 6;
    }

    void scanString()
    {
        const qsizetype start = m_position;
        QString decoded;
        qsizetype runStart = start + 1; // raw bytes not yet added to `decoded`
        qsizetype i = start + 1;
        const auto flushRun = [&](qsizetype end) {
            decoded += QString::fromUtf8(m_text.sliced(runStart, end - runStart));
        };
        for (;;) {
            if (i >= m_text.size()) {
                fail(start, QStringLiteral("unterminated string"));
                return;
            }
            const auto byte = static_cast<unsigned char>(m_text[i]);
            if (byte == '"')
                break;
            if (byte == '\\') {
                flushRun(i);
                i = readEscape(i, decoded);
                if (i < 0)
                    return;
                runStart = i;
            } else if (byte < 0x20) {
                fail(i, QStringLiteral("unescaped control character in a string"));
                return;
            } else if (m_text.sliced(i).startsWith("\xEF\xBB\xBF")) {
                fail(i, QStringLiteral("U+FEFF in a string"));
                return;
            } else {
                ++i;
            }
        }
        flushRun(i);
        m_position = i + 1;
        if (isKey())
            addKey(start, decoded);
    }

    // A string followed by ':' is a key of the innermost object.
    bool isKey() const
    {
        qsizetype next = m_position;
        while (next < m_text.size() && isJsonWhitespace(m_text[next]))
            ++next;
        return next < m_text.size() && m_text[next] == ':' && !m_frames.empty() &&
               m_frames.back().isObject;
    }

    void addKey(qsizetype offset, const QString &key)
    {
        QSet<QString> &keys = m_frames.back().keys;
        if (keys.contains(key)) {
            fail(offset, QStringLiteral("duplicate key %1").arg(quotedKey(key)));
            return;
        }
        keys.insert(key);
    }

    qsizetype skipDigits(qsizetype from) const
    {
        while (from < m_text.size() && isDigit(m_text[from]))
            ++from;
        return from;
    }

    // RFC 8259: -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?
    void scanNumber()
    {
        const qsizetype start = m_position;
        qsizetype i = start;
        if (i < m_text.size() && m_text[i] == '-')
            ++i;
        bool valid = i < m_text.size() && isDigit(m_text[i]);
        if (valid && m_text[i] == '0')
            ++i;
        else
            i = skipDigits(i);
        if (valid && i < m_text.size() && m_text[i] == '.') {
            const qsizetype fraction = i + 1;
            i = skipDigits(fraction);
            valid = i > fraction;
        }
        if (valid && i < m_text.size() && (m_text[i] == 'e' || m_text[i] == 'E')) {
            ++i;
            if (i < m_text.size() && (m_text[i] == '+' || m_text[i] == '-'))
                ++i;
            const qsizetype exponent = i;
            i = skipDigits(exponent);
            valid = i > exponent;
        }
        const bool ends = i == m_text.size() || isJsonWhitespace(m_text[i]) || m_text[i] == ',' ||
                          m_text[i] == ']' || m_text[i] == '}';
        if (!valid || !ends) {
            fail(start, QStringLiteral("number not in JSON's form (digits are needed before and "
                                       "after a '.')"));
            return;
        }
        m_position = i;
    }

    QByteArrayView m_text;
    qsizetype m_position = 0;
    std::vector<Frame> m_frames;
    std::optional<JsonProblem> m_problem;
};

StrictJsonResult failure(qsizetype offset, QString reason)
{
    return StrictJsonResult{QJsonDocument(), JsonProblem{offset, std::move(reason)}};
}

} // namespace

QString JsonProblem::toString() const
{
    return QStringLiteral("at byte %1: %2").arg(offset).arg(reason);
}

StrictJsonResult StrictJson::parse(QByteArrayView text)
{
    // Qt's parser takes a QByteArray; this one borrows the bytes rather than copying them.
    const QByteArray bytes = QByteArray::fromRawData(text.data(), text.size());
    QJsonParseError parseError{};
    QJsonDocument document = QJsonDocument::fromJson(bytes, &parseError);
    // Qt puts an unterminated string's error one byte past the end of the text.
    if (parseError.error != QJsonParseError::NoError)
        return failure(std::min<qsizetype>(parseError.offset, text.size()),
                       parseError.errorString());
    if (auto problem = StrictnessScan(text).run())
        return StrictJsonResult{QJsonDocument(), std::move(problem)};
    return StrictJsonResult{std::move(document), std::nullopt};
}

StrictJsonResult StrictJson::parseObject(QByteArrayView text)
{
    StrictJsonResult result = parse(text);
    if (result.ok() && !result.document.isObject())
        return failure(0, QStringLiteral("expected a JSON object"));
    return result;
}

} // namespace anycast
