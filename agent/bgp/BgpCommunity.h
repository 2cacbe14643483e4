#pragma once

#include "common/Result.h"

#include <QString>

namespace anycast {

// A standard BGP community (RFC 1997), "ASN:VALUE", each a number from 0 to 65535 written
// in plain decimal (no sign, no padding), so the text read is the text ExaBGP gets.
class BgpCommunity final
{
public:
    // Errors read after the quoted text: "is not a community (ASN:VALUE, ...)".
    static Result<BgpCommunity> parse(const QString &text);

    quint16 asn() const { return m_asn; }
    quint16 value() const { return m_value; }
    QString toString() const;

private:
    BgpCommunity(quint16 asn, quint16 value);

    quint16 m_asn = 0;
    quint16 m_value = 0;
};

} // namespace anycast
