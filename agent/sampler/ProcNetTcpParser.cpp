#include "agent/sampler/ProcNetTcpParser.h"

#include "agent/support/TextQuoting.h"

#include <arpa/inet.h>
#include <charconv>
#include <cstring>
#include <sys/socket.h>

namespace anycast {
namespace {

// sl, local_address, rem_address, st, tx_queue:rx_queue, tr:tm->when, retrnsmt, uid, timeout,
// inode. Full sockets print more after inode; TIME_WAIT and SYN_RECV entries print fewer, so
// nothing after inode is required.
constexpr int kRequiredFields = 10;

constexpr std::array<std::int8_t, 256> kHexValue = [] {
    std::array<std::int8_t, 256> table{};
    table.fill(-1);
    for (int digit = 0; digit < 10; ++digit)
        table['0' + digit] = static_cast<std::int8_t>(digit);
    for (int digit = 0; digit < 6; ++digit) {
        table['A' + digit] = static_cast<std::int8_t>(10 + digit);
        table['a' + digit] = static_cast<std::int8_t>(10 + digit);
    }
    return table;
}();

// '\r' counts as a separator so a file that went through a CRLF converter still parses.
constexpr std::array<bool, 256> kSeparator = [] {
    std::array<bool, 256> table{};
    for (const unsigned char c : {' ', '\t', '\r', '\v', '\f'})
        table[c] = true;
    return table;
}();

constexpr bool isSeparator(char c)
{
    return kSeparator[static_cast<unsigned char>(c)];
}

bool hexValue(std::string_view text, std::size_t minDigits, std::size_t maxDigits,
              std::uint64_t &value)
{
    if (text.size() < minDigits || text.size() > maxDigits)
        return false;
    std::uint64_t result = 0;
    for (const char c : text) {
        const std::int8_t digit = kHexValue[static_cast<unsigned char>(c)];
        if (digit < 0)
            return false;
        result = (result << 4) | static_cast<std::uint64_t>(digit);
    }
    value = result;
    return true;
}

template <typename T> bool decimalValue(std::string_view text, T &value)
{
    const char *end = text.data() + text.size();
    const auto [stop, error] = std::from_chars(text.data(), end, value);
    return error == std::errc() && stop == end;
}

using LineError = ProcNetTcpParser::LineError;

bool fail(LineError &error, const char *field, const char *expected, std::string_view got)
{
    error = {field, expected, got, -1};
    return false;
}

// "0100007F:1F90". The kernel prints each 32-bit word of the address with %08X from the
// address's in-memory bytes read as a native integer, so copying the parsed integer back into
// memory restores network byte order on any endianness.
bool parseEndpoint(std::string_view text, bool ipv6, bool local,
                   std::array<std::uint8_t, 16> &address, std::uint16_t &port, LineError &error)
{
    const char *addressField = local ? "local address" : "remote address";
    const char *portField = local ? "local port" : "remote port";
    const std::size_t colon = text.find(':');
    if (colon == std::string_view::npos)
        return fail(error, addressField, "ADDRESS:PORT", text);

    const std::string_view addressText = text.substr(0, colon);
    const std::size_t words = ipv6 ? 4 : 1;
    const char *addressExpectation = ipv6 ? "32 hex digits" : "8 hex digits";
    if (addressText.size() != words * 8)
        return fail(error, addressField, addressExpectation, addressText);
    for (std::size_t word = 0; word < words; ++word) {
        std::uint64_t value = 0;
        if (!hexValue(addressText.substr(word * 8, 8), 8, 8, value))
            return fail(error, addressField, addressExpectation, addressText);
        const auto native = static_cast<std::uint32_t>(value);
        std::memcpy(address.data() + word * 4, &native, sizeof native);
    }

    const std::string_view portText = text.substr(colon + 1);
    std::uint64_t portValue = 0;
    if (!hexValue(portText, 4, 4, portValue))
        return fail(error, portField, "4 hex digits", portText);
    port = static_cast<std::uint16_t>(portValue);
    return true;
}

// "HIGH:LOW" with each half 1..maxDigits hex digits.
bool parseHexPair(std::string_view text, std::size_t firstMax, std::size_t secondMax,
                  std::uint64_t &first, std::uint64_t &second)
{
    const std::size_t colon = text.find(':');
    if (colon == std::string_view::npos)
        return false;
    return hexValue(text.substr(0, colon), 1, firstMax, first) &&
           hexValue(text.substr(colon + 1), 1, secondMax, second);
}

bool parseLine(std::string_view line, bool ipv6, ProcTcpEntry &entry, LineError &error)
{
    std::array<std::string_view, kRequiredFields> fields;
    int count = 0;
    std::size_t i = 0;
    while (count < kRequiredFields) {
        while (i < line.size() && isSeparator(line[i]))
            ++i;
        if (i == line.size())
            break;
        const std::size_t start = i;
        while (i < line.size() && !isSeparator(line[i]))
            ++i;
        fields[count++] = line.substr(start, i - start);
    }
    if (count < kRequiredFields) {
        error = {};
        error.fieldCount = count;
        return false;
    }

    const std::string_view slot = fields[0];
    std::uint64_t slotNumber = 0;
    if (slot.size() < 2 || slot.back() != ':' ||
        !decimalValue(slot.substr(0, slot.size() - 1), slotNumber)) {
        return fail(error, "slot", "a number followed by ':'", slot);
    }

    entry = {};
    entry.ipv6 = ipv6;
    if (!parseEndpoint(fields[1], ipv6, true, entry.localAddress, entry.localPort, error))
        return false;
    if (!parseEndpoint(fields[2], ipv6, false, entry.remoteAddress, entry.remotePort, error))
        return false;

    std::uint64_t stateValue = 0;
    const auto state = hexValue(fields[3], 2, 2, stateValue)
                           ? tcpStateFromKernel(static_cast<unsigned>(stateValue))
                           : std::nullopt;
    if (!state)
        return fail(error, "state", "a hex state 01..0B", fields[3]);
    entry.state = *state;

    std::uint64_t txQueue = 0;
    std::uint64_t rxQueue = 0;
    if (!parseHexPair(fields[4], 8, 8, txQueue, rxQueue))
        return fail(error, "queues", "TX:RX in hex (up to 8 digits each)", fields[4]);
    entry.txQueue = static_cast<std::uint32_t>(txQueue);
    entry.rxQueue = static_cast<std::uint32_t>(rxQueue);

    std::uint64_t timerActive = 0;
    std::uint64_t timerExpires = 0;
    if (!parseHexPair(fields[5], 2, 16, timerActive, timerExpires))
        return fail(error, "timer", "TR:WHEN in hex", fields[5]);

    std::uint64_t retransmits = 0;
    if (!hexValue(fields[6], 1, 8, retransmits))
        return fail(error, "retrnsmt", "up to 8 hex digits", fields[6]);
    entry.retransmits = static_cast<std::uint32_t>(retransmits);

    if (!decimalValue(fields[7], entry.uid))
        return fail(error, "uid", "a decimal number below 2^32", fields[7]);
    std::int32_t timeout = 0;
    if (!decimalValue(fields[8], timeout))
        return fail(error, "timeout", "a decimal number", fields[8]);
    if (!decimalValue(fields[9], entry.inode))
        return fail(error, "inode", "a decimal number", fields[9]);
    return true;
}

QString describe(const LineError &error)
{
    if (error.fieldCount == 0)
        return QStringLiteral("empty line");
    if (error.fieldCount > 0) {
        return QStringLiteral("expected at least %1 fields (sl to inode), got %2")
            .arg(kRequiredFields)
            .arg(error.fieldCount);
    }
    return QStringLiteral("%1: expected %2, got %3")
        .arg(QLatin1String(error.field), QLatin1String(error.expected),
             quoted(error.got, ProcNetTcpParser::kQuotedBytes, CutMark::ByteCount));
}

} // namespace

QString localAddressText(const ProcTcpEntry &entry)
{
    char text[INET6_ADDRSTRLEN] = {};
    if (!inet_ntop(entry.ipv6 ? AF_INET6 : AF_INET, entry.localAddress.data(), text, sizeof text)) {
        return QString();
    }
    return QString::fromLatin1(text);
}

bool ProcNetTcpParser::parse(std::string_view line, ProcTcpEntry &entry)
{
    return parseLine(line, m_ipv6, entry, m_error);
}

QString ProcNetTcpParser::error() const
{
    return describe(m_error);
}

bool ProcNetTcpParser::isHeader(std::string_view line)
{
    const std::size_t start = line.find_first_not_of(' ');
    if (start == std::string_view::npos)
        return false;
    const std::string_view rest = line.substr(start);
    return rest.size() > 2 && rest.substr(0, 2) == "sl" && isSeparator(rest[2]);
}

Result<ProcTcpEntry> parseProcNetTcpLine(std::string_view line, bool ipv6)
{
    ProcNetTcpParser parser(ipv6);
    ProcTcpEntry entry;
    if (!parser.parse(line, entry))
        return Result<ProcTcpEntry>::failure(parser.error());
    return Result<ProcTcpEntry>::success(entry);
}

} // namespace anycast
