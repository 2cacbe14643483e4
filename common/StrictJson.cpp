#include "common/StrictJson.h"

#include <QJsonParseError>

#include <algorithm>
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
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
                m_frames.push_back(Frame{byte == '{', m_keys.size(), nullptr});
                ++m_position;
            } else if (byte == '}' || byte == ']') {
                if (!m_frames.empty()) {
                    m_keys.resize(m_frames.back().firstKey);
                    m_frames.pop_back();
                }
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
    // Objects up to this many keys are checked for a repeat by comparing with each.
    static constexpr std::ptrdiff_t kLinearKeyLimit = 16;

    struct Frame
    {
        bool isObject = false;
        std::size_t firstKey = 0; // its keys are m_keys[firstKey..] while it has no index
        std::unique_ptr<std::unordered_set<std::string_view>> index;
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

    // At a backslash inside a string: checks the escape and returns the offset after it
    // (or -1 after fail()), with the code point it stands for in `codePoint`.
    qsizetype readEscape(qsizetype at, char32_t &codePoint)
    {
        static const QByteArrayView kSimple = "\"\\/bfnrt";
        static const char kSimpleMeaning[] = "\"\\/\b\f\n\r\t";
        const char kind = at + 1 < m_text.size() ? m_text[at + 1] : '\0';
        if (const qsizetype simple = kSimple.indexOf(kind); simple >= 0) {
            codePoint = static_cast<unsigned char>(kSimpleMeaning[simple]);
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
            codePoint = static_cast<char32_t>(unit);
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
        codePoint = QChar::surrogateToUcs4(static_cast<char16_t>(unit), static_cast<char16_t>(low));
        return next + 6;
    }

    // Checks the string that starts at the quote at m_position and moves past it; a key is
    // remembered in its object. Only a key with escapes is copied (decoded to UTF-8, so that
    // keys compare as bytes): most strings cost no allocation at all.
    void scanString()
    {
        const qsizetype start = m_position;
        bool escaped = false;
        qsizetype i = start + 1;
        for (;;) {
            if (i >= m_text.size()) {
                fail(start, QStringLiteral("unterminated string"));
                return;
            }
            const auto byte = static_cast<unsigned char>(m_text[i]);
            if (byte == '"')
                break;
            if (byte == '\\') {
                char32_t ignored = 0;
                i = readEscape(i, ignored);
                if (i < 0)
                    return;
                escaped = true;
            } else if (byte < 0x20) {
                fail(i, QStringLiteral("unescaped control character in a string"));
                return;
            } else if (byte == 0xEF && m_text.sliced(i).startsWith("\xEF\xBB\xBF")) {
                fail(i, QStringLiteral("U+FEFF in a string"));
                return;
            } else {
                ++i;
            }
        }
        m_position = i + 1;
        if (!isKey())
            return;
        const QByteArrayView raw = m_text.sliced(start + 1, i - start - 1);
        addKey(start, escaped ? decoded(raw) : std::string_view(raw.data(), raw.size()));
    }

    // A key's escapes replaced by the UTF-8 of what they stand for (they were checked).
    std::string_view decoded(QByteArrayView raw)
    {
        std::string &text = m_decodedKeys.emplace_back();
        text.reserve(static_cast<std::size_t>(raw.size()));
        for (qsizetype i = 0; i < raw.size();) {
            if (raw[i] != '\\') {
                text += raw[i++];
                continue;
            }
            // Offsets into the whole text, where readEscape() looks.
            const qsizetype at = raw.data() - m_text.data() + i;
            char32_t codePoint = 0;
            const qsizetype after = readEscape(at, codePoint);
            appendUtf8(text, codePoint);
            i += after - at;
        }
        return text;
    }

    static void appendUtf8(std::string &text, char32_t codePoint)
    {
        if (codePoint < 0x80) {
            text += static_cast<char>(codePoint);
        } else if (codePoint < 0x800) {
            text += static_cast<char>(0xC0 | (codePoint >> 6));
            text += static_cast<char>(0x80 | (codePoint & 0x3F));
        } else if (codePoint < 0x10000) {
            text += static_cast<char>(0xE0 | (codePoint >> 12));
            text += static_cast<char>(0x80 | ((codePoint >> 6) & 0x3F));
            text += static_cast<char>(0x80 | (codePoint & 0x3F));
        } else {
            text += static_cast<char>(0xF0 | (codePoint >> 18));
            text += static_cast<char>(0x80 | ((codePoint >> 12) & 0x3F));
            text += static_cast<char>(0x80 | ((codePoint >> 6) & 0x3F));
            text += static_cast<char>(0x80 | (codePoint & 0x3F));
        }
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

    // Qt's parser took the text, so raw strings are valid UTF-8 (no overlong forms, no
    // surrogates): two keys are the same key exactly when their UTF-8 bytes are equal.
    void addKey(qsizetype offset, std::string_view key)
    {
        Frame &frame = m_frames.back();
        const auto first = m_keys.begin() + static_cast<std::ptrdiff_t>(frame.firstKey);
        bool duplicate = false;
        if (frame.index) {
            duplicate = !frame.index->insert(key).second;
        } else {
            duplicate = std::find(first, m_keys.end(), key) != m_keys.end();
            if (!duplicate && m_keys.end() - first >= kLinearKeyLimit) {
                // A large object: a hash of its keys keeps the check linear overall.
                frame.index =
                    std::make_unique<std::unordered_set<std::string_view>>(first, m_keys.end());
                frame.index->insert(key);
            }
        }
        if (duplicate) {
            fail(offset, QStringLiteral("duplicate key %1")
                             .arg(quotedKey(QString::fromUtf8(
                                 key.data(), static_cast<qsizetype>(key.size())))));
            return;
        }
        if (!frame.index)
            m_keys.push_back(key);
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
    // The keys of the open objects without an index, innermost last.
    std::vector<std::string_view> m_keys;
    // Owns the decoded copies of keys with escapes; a deque, so views into them stay valid.
    std::deque<std::string> m_decodedKeys;
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
